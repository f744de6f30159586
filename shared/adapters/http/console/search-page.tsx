import type { FC } from 'hono/jsx';
import type { Found } from '#application/console/search-cases';
import { londonDate } from '#domain/calendar/london-date';
import { STATUS_WORDS } from '#domain/case/status-words';
import { CHANNEL_WORDS } from '#domain/case/channel-words';
import { dateInWords } from '#domain/letters/dates-in-words';
import { CASE_KIND_WORDS, caseKind } from '#domain/case/service-request';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

/** An organisation's stages, as the stage filter lists them: its name over each stage's name. */
export interface StagesOf {
  readonly organisation: string;
  readonly policyId: string;
  readonly stages: readonly { readonly id: string; readonly name: string }[];
}

export const SearchPage: FC<{ signed: Signed; q: string; stage: string; status: string; handler: string; channel: string; kind?: string; overdue: boolean; page: number; found: readonly Found[]; more: boolean; next?: string | undefined; stages: readonly StagesOf[] }> = ({ signed, q, stage, status, handler, channel, kind = '', overdue, page, found, more, next, stages }) => {
  const link = (p: number, after?: string) => `/console/cases?${new URLSearchParams({ q, stage, status, handler, channel, ...(kind ? { kind } : {}), ...(overdue ? { overdue: 'yes' } : {}), page: String(p), ...(after ? { after } : {}) }).toString()}`;
  return (
    <Layout title="Cases" signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      <h1>{handler === 'mine' ? 'My cases' : 'Cases'}</h1>
      <form method="get" action="/console/cases">
        <div class="field">
          <label for="q">Reference, complainant's email, or the start of their name</label>
          <input type="text" id="q" name="q" value={q} />
        </div>
        <div class="field">
          <label for="stage">Stage</label>
          <select id="stage" name="stage">
            <option value="">Any stage</option>
            {stages.length === 1
              ? stages[0]?.stages.map((st) => (
                  <option value={st.id} selected={st.id === stage}>
                    {st.name}
                  </option>
                ))
              : stages.map((o) => (
                  <optgroup label={o.organisation}>
                    {o.stages.map((st) => (
                      <option value={st.id} selected={st.id === stage}>
                        {st.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        </div>
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            {[['', 'Any status'], ...Object.entries(STATUS_WORDS)].map(([v, l]) => (
              <option value={v} selected={v === status}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="handler">Assigned to</label>
          <select id="handler" name="handler">
            <option value="">Anyone, or no one yet</option>
            <option value="mine" selected={handler === 'mine'}>
              Me
            </option>
            {handler && handler !== 'mine' ? (
              <option value={handler} selected>
                {handler}
              </option>
            ) : null}
          </select>
        </div>
        <div class="field">
          <label for="channel">How it came</label>
          <select id="channel" name="channel">
            {[['', 'Any way'], ...Object.entries(CHANNEL_WORDS)].map(([v, l]) => (
              <option value={v} selected={v === channel}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="kind">Complaint or service request</label>
          <select id="kind" name="kind">
            {[['', 'Either'], ...Object.entries(CASE_KIND_WORDS)].map(([v, l]) => (
              <option value={v} selected={v === kind}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <input type="checkbox" id="overdue" name="overdue" value="yes" checked={overdue} /> <label for="overdue">Only those with a deadline missed</label>
        </div>
        <p class="hint">Filters apply to each page of the newest cases, so a page may show fewer than its size: follow "Next page" for more.</p>
        <button type="submit">Search</button>
      </form>
      <h2>{found.length === 0 && !more ? 'No cases found' : `Page ${page}`}</h2>
      {found.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Organisation</th>
              <th scope="col">Complainant</th>
              <th scope="col">Stage and status</th>
              <th scope="col">Assigned to</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {found.map(({ case: c, organisation, readable }) => (
              <tr>
                <td>
                  <a href={`/console/cases/${c.reference}`}>{c.reference}</a>
                </td>
                <td>{organisation}</td>
                <td>{readable && !c.confidential ? (c.complainant.anonymous ? 'Anonymous' : (c.complainant.name ?? c.complainant.email ?? '')) : 'Confidential'}</td>
                <td>
                  {stages.find((o) => o.policyId === c.policyId)?.stages.find((st) => st.id === c.stage)?.name ?? c.stage}, {STATUS_WORDS[c.status]}
                  {caseKind(c) === 'service-request' ? ' (service request)' : ''}
                </td>
                <td>{readable ? (c.handler?.email ?? '') : ''}</td>
                <td>{dateInWords(londonDate(c.receivedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav aria-label="Pages">
        {page > 1 ? <a href={next !== undefined || !more ? link(1) : link(page - 1)}>{next !== undefined || !more ? 'First page' : 'Previous page'}</a> : null} {more ? <a href={link(page + 1, next)}>Next page</a> : null}
      </nav>
    </Layout>
  );
};
