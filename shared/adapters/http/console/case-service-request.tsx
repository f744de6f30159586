import type { FC } from 'hono/jsx';
import type { Case } from '#domain/case/case';
import { londonDate } from '#domain/calendar/london-date';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import { clauseInWords } from '#domain/policy/clause-words';
import type { Policy } from '#domain/policy/policy-schema';

/**
 * A case recorded as a service request (LGSCO 1.2, 1.8): what was asked, each step and when it was dealt with, by
 * whom; whether the person complained about it, and which date the complaint's deadlines count from. Shown first,
 * so that no one takes a service request for a complaint or the other way round.
 */
export const CaseServiceRequest: FC<{ c: Case; policy: Policy; today: string }> = ({ c, policy, today }) => {
  const sr = c.serviceRequest;
  if (!sr) return null;
  const became = sr.becameComplaint;
  return (
    <section aria-labelledby="service-request">
      <h2 id="service-request">{became ? 'Service request, now a complaint' : 'Service request, not a complaint'}</h2>
      <p class="hint">
        {policy.serviceRequests ? `Recorded under ${clauseInWords(policy.serviceRequests.clause)} of the policy. ` : ''}
        {became
          ? `The person complained about it: the complaint has its own deadlines${sr.done ? `; the request itself was dealt with on ${dateInWords(londonDate(sr.done.at))}.` : ', and the request carries on beside it until it is dealt with.'}`
          : 'It has no complaint deadlines. The person can still complain at any time: record it with “They are complaining about it”.'}
      </p>
      <dl class="summary">
        <dt>First contact</dt>
        <dd>{instantInWords(sr.firstContactAt)}</dd>
        <dt>Recorded as a service request</dt>
        <dd>
          {instantInWords(sr.recordedAt)}, by {sr.recordedBy}
        </dd>
        <dt>What they asked us to do</dt>
        <dd>{sr.asked}</dd>
        {sr.targetDate ? (
          <>
            <dt>Target</dt>
            <dd>
              {dateInWords(sr.targetDate)}
              {!sr.done && sr.targetDate < today ? ', past it' : ''}
            </dd>
          </>
        ) : null}
        <dt>Dealt with</dt>
        <dd>{sr.done ? `${instantInWords(sr.done.at)}, by ${sr.done.by}: ${sr.done.text}` : 'Not yet'}</dd>
        {became ? (
          <>
            <dt>Complaint made</dt>
            <dd>
              {became.recordedAt ? dateInWords(londonDate(became.at)) : instantInWords(became.at)}, recorded by {became.by}
              {became.recordedAt ? ` on ${instantInWords(became.recordedAt)}` : ''}
            </dd>
            {became.words ? (
              <>
                <dt>What they are unhappy about</dt>
                <dd>{became.words}</dd>
              </>
            ) : null}
            <dt>The complaint’s deadlines count from</dt>
            <dd>
              {instantInWords(became.countsFrom)}
              {became.countsFrom === sr.firstContactAt ? ' (the first contact, when the service request came in)' : ' (the day of the complaint)'}
            </dd>
          </>
        ) : null}
      </dl>
      {sr.steps.length ? (
        <>
          <h3>Steps taken</h3>
          <ol>
            {sr.steps.map((s) => (
              <li>
                {instantInWords(s.at)}, {s.by}: {s.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
};
