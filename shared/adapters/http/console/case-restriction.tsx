import type { FC } from 'hono/jsx';
import type { Case } from '#domain/case/case';
import { channelsInWords } from '#domain/case/contact-restriction';
import { dateInWords } from '#domain/letters/dates-in-words';
import { roleTitleInText } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';

/**
 * A restriction on the complainant's contact, near the top of the case page, so that whoever picks the case up sees
 * it before writing or calling: what is limited, how they may still contact us, who answers them, and when it is
 * reviewed. The reason is in the letter and on the timeline; their mail is never dropped whatever this says.
 */
export const CaseRestriction: FC<{ c: Case; policy: Policy; today: string }> = ({ c, policy, today }) => {
  const r = c.restriction;
  if (!r) return null;
  const who = [r.person.name, r.person.email].filter(Boolean).join(', ');
  return (
    <section class="notice" aria-labelledby="restriction">
      <h2 id="restriction">Contact is restricted</h2>
      <dl class="summary">
        <dt>Person</dt>
        <dd>{who}</dd>
        <dt>What is limited</dt>
        <dd>{r.scope}</dd>
        <dt>Still open to them</dt>
        <dd>{channelsInWords(r.channelsOpen)}</dd>
        <dt>Single point of contact</dt>
        <dd>
          {r.pointOfContact.name} ({roleTitleInText(policy, r.pointOfContact.role)}): their messages go to them
        </dd>
        <dt>Review by</dt>
        <dd>
          {dateInWords(r.reviewOn)}
          {r.reviewOn < today ? ', overdue' : ''}
        </dd>
      </dl>
    </section>
  );
};
