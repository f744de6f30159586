import type { FC } from 'hono/jsx';
import { heldWithoutProof, type HeldMessage } from '#domain/mail/held-message';
import { instantInWords } from '#domain/letters/dates-in-words';
import { Problem } from '../house-document.js';
import { HELD_WHY } from './held-reason-words.js';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

export const HeldPage: FC<{ signed: Signed; groups: readonly { scope: string; name: string; messages: readonly HeldMessage[] }[]; policies: readonly { id: string; name: string }[]; done?: string | undefined; problem?: string | undefined }> = ({ signed, groups, policies, done, problem }) => (
  <Layout title="Held messages" signed={signed}>
    <p>
      <a href="/console">Back to this morning</a>
    </p>
    <h1>Held messages</h1>
    {done ? (
      <div class="success" role="status">
        <p>{done}</p>
      </div>
    ) : null}
    <Problem message={problem} />
    <p>Messages that did not become a case. Release one to open its case (the sender is acknowledged as usual), or discard it with a reason; the raw message is kept either way.</p>
    {groups.map((g) => (
      <section aria-labelledby={`held-${g.scope}`}>
        <h2 id={`held-${g.scope}`}>
          {g.name} ({g.messages.length})
        </h2>
        {g.messages.length === 0 ? <p>None waiting.</p> : null}
        {g.messages.map((m) => (
          <div class="field">
            <h3>{m.subject ?? '(no subject)'}</h3>
            <p>
              From {m.from ?? 'unknown'}, {instantInWords(m.receivedAt)}: {HELD_WHY[m.reason] ?? m.reason}
              {m.evidence?.length && !heldWithoutProof(m) ? ` (${m.evidence.join('; ')})` : ''}.
            </p>
            {heldWithoutProof(m) ? (
              <p class="notice">
                {m.reason === 'possibly-automatic' ? 'Nothing in its headers shows a machine sent it' : 'It was held as automatic mail with no record of why'}
                {m.evidence?.length ? `; it was held because ${m.evidence.join('; ')}` : ''}. A person may have written it: read it, and if they did, release it into a case.
              </p>
            ) : null}
            {m.excerpt ? (
              <details>
                <summary>Its first words</summary>
                <div class="letter">{m.excerpt}</div>
              </details>
            ) : null}
            <form method="post" action={`/console/held/${encodeURIComponent(m.id)}/release`}>
              <input type="hidden" name="csrf" value={signed.csrf} />
              {m.scope === 'operator' ? (
                <div class="field">
                  <label for={`p-${m.id}`}>Whose complaint it is</label>
                  {/* No organisation is chosen for the person releasing it: a complaint put in the wrong one reaches the wrong staff. */}
                  <select id={`p-${m.id}`} name="policy" required>
                    <option value="" selected>
                      Choose the organisation
                    </option>
                    {policies.map((p) => (
                      <option value={p.id}>{p.name}</option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit">Release into a case</button>
            </form>
            <form method="post" action={`/console/held/${encodeURIComponent(m.id)}/discard`}>
              <input type="hidden" name="csrf" value={signed.csrf} />
              <div class="field">
                <label for={`r-${m.id}`}>Why it is not a complaint</label>
                <input type="text" id={`r-${m.id}`} name="reason" />
              </div>
              <button type="submit" class="secondary">
                Discard
              </button>
            </form>
          </div>
        ))}
      </section>
    ))}
  </Layout>
);
