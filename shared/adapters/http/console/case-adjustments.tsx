import type { FC } from 'hono/jsx';
import { activeAdjustments, adjustmentName, askedInWords, unansweredAsk } from '#domain/adjustments/adjustment-kinds';
import type { Case } from '#domain/case/case';
import { callFirstWords } from '#domain/letters/complainant-letter';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import type { Policy } from '#domain/policy/policy-schema';

/**
 * What staff see first on a case (issue 24): why the complainant may be vulnerable (the view has already left it
 * out for anyone below the handling role), the reasonable adjustments in force with their review dates, what they
 * asked for that nobody has agreed yet, and the calls to make before a letter goes. Nothing for a case with none.
 * Every string is text, escaped by JSX.
 */
export const CaseAdjustments: FC<{ c: Case; policy: Policy; today: string }> = ({ c, policy, today }) => {
  const active = activeAdjustments(c);
  const unanswered = unansweredAsk(c);
  const calls = (c.postLetters ?? []).filter((l) => l.callFirst && !l.postedOn && !l.outdatedAt);
  if (!c.vulnerability && active.length === 0 && !unanswered && calls.length === 0) return null;
  return (
    <section class="adjustments" aria-labelledby="adjustments-title">
      <h2 id="adjustments-title">Before you act</h2>
      {c.vulnerability ? (
        <div class="notice">
          <p>
            <strong>The complainant may be vulnerable.</strong> {c.vulnerability.reason}
          </p>
          <p class="hint">
            Noted by {c.vulnerability.by} on {instantInWords(c.vulnerability.at)}. Only the handling role and those above it see this.
          </p>
        </div>
      ) : null}
      {calls.map((l) => (
        <p class="notice">
          <strong>{callFirstWords(c)}:</strong> {l.subject}
        </p>
      ))}
      {active.length > 0 ? (
        <>
          <h3>Reasonable adjustments agreed</h3>
          <ul>
            {active.map((a) => (
              <li>
                <strong>{adjustmentName(policy, a.kind)}</strong>
                {a.details ? `: ${a.details}` : ''}. Review by {dateInWords(a.reviewOn)}
                {a.reviewOn <= today ? <strong> (review due)</strong> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {unanswered ? (
        <p>
          <strong>They asked us to do things differently:</strong> {askedInWords(policy, unanswered)}. Agree each one with “Reasonable adjustment: agree or review one”.
        </p>
      ) : null}
    </section>
  );
};
