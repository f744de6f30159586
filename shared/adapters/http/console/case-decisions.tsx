import type { FC } from 'hono/jsx';
import { agreedActions } from '#domain/case/actions/action-done';
import type { Case } from '#domain/case/case';
import { londonDate } from '#domain/calendar/london-date';
import { capitalise } from '#domain/letters/letter-view';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import type { Policy } from '#domain/policy/policy-schema';
import { remedyName } from '#domain/policy/remedy-names';
import { stageName } from '#domain/policy/policy-lookups';
import { DECISION_WORDS } from '#domain/case/decision-words';

/** Each stage's decision, with the actions agreed (numbered as `case action-done` takes them) and the lessons. */
export const CaseDecisions: FC<{ c: Case; policy: Policy }> = ({ c, policy }) => {
  if (!c.outcomes?.length) return null;
  const actions = agreedActions(c);
  return (
    <>
      <h2>Decisions</h2>
      {c.outcomes.map((o, i) => (
        <section aria-label={`Decision at ${stageName(policy, o.stage)}`}>
          <h3>
            {stageName(policy, o.stage)}: {capitalise(DECISION_WORDS[o.decision])}, {instantInWords(o.at)}
          </h3>
          {o.parts ? <p>What we upheld: {o.parts.upheld}</p> : null}
          {o.parts ? <p>What we did not uphold: {o.parts.notUpheld}</p> : null}
          <div class="letter">{o.summary}</div>
          {o.remedies.length ? <p>Remedies: {o.remedies.map((r) => remedyName(policy, r)).join('; ')}</p> : null}
          {o.actions.length ? (
            <ol>
              {actions
                .filter((a) => a.outcome === i)
                .map((a) => (
                  <li value={a.n}>
                    {a.text}: due {dateInWords(a.due)}
                    {a.doneAt ? `, done ${dateInWords(londonDate(a.doneAt))}` : ''}
                  </li>
                ))}
            </ol>
          ) : null}
          {o.lessons ? <p>What we learnt: {o.lessons}</p> : null}
        </section>
      ))}
    </>
  );
};
