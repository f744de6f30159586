import type { FC } from 'hono/jsx';
import type { CaseView } from '#application/console/view-case';
import type { Case } from '#domain/case/case';
import { STATUS_WORDS } from '#domain/case/status-words';
import { CASE_KIND_TEXT } from '#domain/case/case-kind-words';
import { caseKind } from '#domain/case/service-request';
import { CHANNEL_WORDS, PREFERRED_WORDS } from '#domain/case/channel-words';
import { londonDate } from '#domain/calendar/london-date';
import { dateInWords, instantInWords } from '#domain/letters/dates-in-words';
import { aboutWhy } from '#domain/letters/staff-notices';
import { clauseInWords } from '#domain/policy/clause-words';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { ConsoleAction } from '../console-actions.js';
import { CaseActions } from './case-actions.js';
import { CaseAdjustments } from './case-adjustments.js';
import { CaseDecisions } from './case-decisions.js';
import { CaseFiles } from './case-files.js';
import { CaseLetters } from './case-letters.js';
import { CaseMessages } from './case-messages.js';
import { CaseServiceRequest } from './case-service-request.js';
import { CaseRestriction } from './case-restriction.js';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';
import { roleTitle, stageById } from '#domain/policy/policy-lookups';

export const CaseConsolePage: FC<{ signed: Signed; view: CaseView; today: string; done?: string | undefined; actionsFor: (c: Case, policy: Policy) => readonly ConsoleAction[] }> = ({ signed, view, today, done, actionsFor }) => {
  const c = view.case;
  const stage = stageById(view.policy, c.stage);
  const pending = c.deadlines.filter((d) => d.status === 'pending');
  return (
    <Layout title={c.reference} signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      {done ? (
        <div class="success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <h1>
        {c.reference}
        {c.confidential ? ' (confidential)' : ''}
      </h1>
      <CaseAdjustments c={c} policy={view.policy} today={today} />
      <dl class="summary">
        <dt>Organisation</dt>
        <dd>{view.policy.organisation.name}</dd>
        <dt>Status</dt>
        <dd>{STATUS_WORDS[c.status]}</dd>
        <dt>Stage</dt>
        <dd>{stage?.name ?? c.stage}</dd>
        <dt>Handled by</dt>
        <dd>{roleTitle(view.policy, c.handlerRole)}</dd>
        <dt>Assigned to</dt>
        <dd>{c.handler ? c.handler.email : 'No one yet in that role'}</dd>
        {c.serviceRequest?.becameComplaint ? (
          <>
            <dt>First contact (the service request)</dt>
            <dd>{instantInWords(c.serviceRequest.firstContactAt)}</dd>
            <dt>Complaint made</dt>
            <dd>{c.serviceRequest.becameComplaint.recordedAt ? dateInWords(londonDate(c.serviceRequest.becameComplaint.at)) : instantInWords(c.serviceRequest.becameComplaint.at)}</dd>
          </>
        ) : (
          <>
            <dt>Received</dt>
            <dd>{instantInWords(c.receivedAt)}</dd>
          </>
        )}
        <dt>Category</dt>
        <dd>{view.policy.categories.find((k) => k.id === c.category)?.name ?? 'Not yet categorised'}</dd>
        {aboutWhy(view.policy, c) ? (
          <>
            <dt>About a person</dt>
            <dd>
              {(aboutWhy(view.policy, c) ?? []).map((line) => (
                <p>{line}</p>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <CaseRestriction c={c} policy={view.policy} today={today} />
      <h2>Deadlines</h2>
      {pending.length === 0 ? <p>{c.serviceRequest && !c.serviceRequest.becameComplaint ? 'None: a service request has no complaint deadlines.' : 'No date set.'}</p> : null}
      <ul>
        {pending.map((d) => (
          <li>
            {deadlineDueWords(d.kind)} {dateInWords(d.dueDate)} ({d.rule}, {clauseInWords(d.clause)})
            {d.dueDate >= today || d.kind.endsWith('window') || d.kind === 'retention' ? '' : ', overdue'}
          </li>
        ))}
      </ul>
      {view.level === 'reference' ? (
        <p class="notice">This complaint is confidential: only the person handling it and those above them can read it.</p>
      ) : (
        <>
          <CaseServiceRequest c={c} policy={view.policy} today={today} />
          <h2>{CASE_KIND_TEXT[caseKind(c)].heading}</h2>
          {c.flags.includes('complainant-undeliverable') ? (
            <p class="notice">Mail to the complainant cannot be delivered (see the timeline). Reach them another way, by telephone or post, so that the policy’s deadlines can still be met.</p>
          ) : null}
          <dl class="summary">
            <dt>Made</dt>
            <dd>{CHANNEL_WORDS[c.channel]}</dd>
            <dt>From</dt>
            <dd>{c.complainant.anonymous ? 'Anonymous' : [c.complainant.name, c.complainant.email, c.complainant.phone].filter(Boolean).join(', ')}</dd>
            {!c.complainant.anonymous && c.complainant.postalAddress ? (
              <>
                <dt>Postal address</dt>
                <dd class="letter">{c.complainant.postalAddress}</dd>
              </>
            ) : null}
            {c.complainant.preferredChannel ? (
              <>
                <dt>Write to them</dt>
                <dd>{PREFERRED_WORDS[c.complainant.preferredChannel]}</dd>
              </>
            ) : null}
            {c.complainant.representative ? (
              <>
                <dt>Made on their behalf by</dt>
                <dd>
                  {c.complainant.representative.name} ({c.complainant.representative.relationship}); consent: {c.complainant.representative.consent}
                </dd>
              </>
            ) : null}
            {c.subject ? (
              <>
                <dt>Subject</dt>
                <dd>{c.subject}</dd>
              </>
            ) : null}
            {c.incident ? (
              <>
                <dt>What happened, when and where</dt>
                <dd>{[c.incident.date ? dateInWords(c.incident.date) : '', c.incident.time ? `at ${c.incident.time}` : '', c.incident.place ? `at ${c.incident.place}` : ''].filter(Boolean).join(', ')}</dd>
              </>
            ) : null}
            {c.desiredOutcome ? (
              <>
                <dt>What they want</dt>
                <dd>{c.desiredOutcome}</dd>
              </>
            ) : null}
          </dl>
          <div class="letter">{c.summary}</div>
          <CaseDecisions c={c} policy={view.policy} />
          <CaseFiles files={view.files} />
          <CaseMessages timeline={view.timeline} />
          <CaseLetters reference={c.reference} letters={view.letters} timeline={view.timeline} postLetters={c.postLetters ?? []} adjusted={c} mayAct={view.permission('posted').may} />
          <CaseActions reference={c.reference} actions={actionsFor(c, view.policy)} permission={view.permission} mayAttach={!c.destroyedAt && view.permission('attach').may} />
          <h2>Timeline</h2>
          <ol class="timeline">
            {view.timeline.map((e) => (
              <li>
                <strong>{instantInWords(e.at)}</strong> {e.summary} <span class="hint">({e.actor})</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
};
