import { describePeriod } from '#domain/planner/plan-deadlines';
import type { DeadlineRule, Policy } from './policy-schema.js';
import { roleTitle } from '#domain/policy/policy-lookups';

const KIND_WORDS: Record<DeadlineRule['kind'], string> = {
  acknowledge: 'acknowledge',
  meet: 'meet the complainant',
  respond: 'respond in full',
  'respond-max': 'respond at the latest',
  'appeal-window': 'ask for the next stage',
  'external-escalation-window': 'go to an outside body',
  retention: 'destroy the case file',
};

const EVENT_WORDS: Record<string, string> = {
  received: 'receipt',
  outcome: 'the outcome',
  closed: 'closure',
};

/** A deadline rule as a sentence: "acknowledge within 3 working days of receipt (6.4; counted from ...)". */
export function describeDeadlineRule(rule: DeadlineRule, policy: Policy): string {
  const event = EVENT_WORDS[rule.event] ?? policy.events.find((e) => e.id === rule.event)?.description ?? rule.event;
  const body = rule.body ? ` (${policy.outsideBodies.find((b) => b.id === rule.body)?.name ?? rule.body})` : '';
  const past = rule.kind === 'respond-max' ? (rule.pastMaximum === 'with-reason' ? '; past it only with a reason the holding letter gives' : '; no extension past it') : '';
  const note = `${past}${rule.note ? `; ${rule.note}` : ''}`;
  // Retention is a date to act on, not a window to act within.
  const when = rule.kind === 'retention' ? `${describePeriod(rule.amount, rule.unit)} after` : `within ${describePeriod(rule.amount, rule.unit)} of`;
  return `${KIND_WORDS[rule.kind]}${body} ${when} ${event} [${rule.clause}${note}]`;
}

/** The whole policy as a complaints officer reads it: stages, deadlines, contacts, outside bodies, scope. */
export function describePolicy(policy: Policy): string {
  const out: string[] = [];
  const role = (id: string) => roleTitle(policy, id);
  out.push(`${policy.name} (${policy.id}, version ${policy.version})`);
  out.push(`${policy.organisation.name}, ${policy.organisation.kind}${policy.organisation.area ? `, ${policy.organisation.area}` : ''}`);
  out.push(`Working days: ${policy.jurisdiction} bank holidays${policy.closureDays.length ? `, closed ${policy.closureDays.join(', ')}` : ''}`);
  out.push('');
  out.push('Making a complaint');
  out.push(`  Address: ${policy.intake.addresses.join(', ')}`);
  out.push(`  Ways in: ${policy.intake.channels.join(', ')}; web form ${policy.intake.webForm.enabled ? 'on' : 'off'}`);
  const { confidentialMarker, anonymous, requiredDetails, signature } = policy.intake;
  if (confidentialMarker) out.push(`  Confidential: subject marked "${confidentialMarker.phrase}" [${confidentialMarker.clause}]`);
  out.push(`  Anonymous complaints: ${anonymous.handling.replace(/-/g, ' ')} [${anonymous.clause}]`);
  if (requiredDetails) out.push(`  Needed: ${requiredDetails.fields.join(', ')} [${requiredDetails.clause}]`);
  if (signature?.required) {
    out.push(`  Must be signed${signature.clockStartsWhenSigned ? '; the clock starts when signed' : ''} [${signature.clause}]`);
  }
  for (const limit of policy.intake.timeLimits) {
    const except = limit.exceptions.length ? ` unless ${limit.exceptions.join(', or ')}` : '';
    out.push(`  Time limit: within ${describePeriod(limit.amount, limit.unit)} of ${limit.from}${except} [${limit.clause}]`);
  }
  out.push('');
  out.push('Stages');
  policy.stages.forEach((stage, i) => {
    out.push(`  ${i + 1}. ${stage.name} (${stage.id}) [${stage.clause}]${stage.formal ? '' : ' (informal)'}${stage.final ? ' (final)' : ''}`);
    out.push(`     Handled by: ${role(stage.handler)}`);
    if (stage.independence) out.push(`     Independence: ${stage.independence.rule} [${stage.independence.clause}]`);
    for (const rule of stage.deadlines) out.push(`     - ${describeDeadlineRule(rule, policy)}`);
    if (stage.copyResponsesTo) out.push(`     Each response shared with: ${stage.copyResponsesTo.roles.map(role).join(', then ')}, for information [${stage.copyResponsesTo.clause}]`);
    if (stage.holdingLetter) out.push(`     If late: ${stage.holdingLetter.rule} [${stage.holdingLetter.clause}]`);
    if (stage.next) out.push(`     Next: ${stage.next.how} [${stage.next.clause}]`);
  });
  for (const rule of policy.anyStageDeadlines) out.push(`  At any stage: ${describeDeadlineRule(rule, policy)}`);
  out.push('');
  out.push('Who handles what');
  for (const r of policy.roles) {
    const contact = r.contact ? ` <${[r.contact.name, r.contact.email, r.contact.phone].filter(Boolean).join(', ')}>` : '';
    out.push(`  ${r.title}${contact}${r.reportsTo ? `; reports to ${role(r.reportsTo)}` : ''} [${r.clause}]`);
  }
  for (const r of policy.routing) {
    out.push(`  About ${role(r.about)}: handled by ${role(r.handler)}${r.stages ? ` at ${r.stages.join(', ')}` : ''} [${r.clause}]`);
  }
  for (const a of policy.intake.aboutAddresses) out.push(`  Mail to ${a.address} is about ${role(a.about)} [${a.clause}]`);
  for (const r of policy.roles.filter((x) => x.namedAs)) {
    out.push(`  A complaint whose words name ${role(r.id)} (${[...(r.namedAs ?? []), ...(r.contact?.name ? [r.contact.name] : [])].join(', ')}) is about them, until its handler undoes it`);
  }
  if (policy.outOfScope.length) {
    out.push('');
    out.push('Not handled under this policy');
    for (const o of policy.outOfScope) out.push(`  ${o.matter}: ${o.goTo}${o.note ? ` (${o.note})` : ''} [${o.clause}]`);
  }
  if (policy.outsideBodies.length) {
    out.push('');
    out.push('Outside bodies');
    for (const b of policy.outsideBodies) {
      const c = b.contact ? ` <${[b.contact.email, b.contact.phone, b.contact.address, b.contact.url].filter(Boolean).join('; ')}>` : '';
      out.push(`  ${b.name}: ${b.role}; ${b.when}${c} [${b.clause}]`);
      if (b.contact?.source) out.push(`    contact from: ${b.contact.source}`);
      const limit = b.timeLimit;
      if (limit) {
        const counted = limit.countFrom === 'first-knew' ? ', counted from the complaint (the latest they could first know)' : limit.countFrom === 'final-decision' ? ', counted from the final decision' : ', in words only';
        out.push(`    time limit: ${limit.usually ? 'usually ' : ''}${describePeriod(limit.amount, limit.unit)} from ${limit.from}${counted}; from: ${limit.source}`);
      }
      if (b.forMatters?.length) out.push(`    only for: ${b.forMatters.join(', ')} (named when such a matter is redirected, not in final letters)`);
    }
  }
  out.push('');
  out.push(`Outcomes: ${policy.outcomes.decisions.join(', ')} [${policy.outcomes.clause}]`);
  for (const r of policy.outcomes.remedies) out.push(`  - ${r.description}`);
  out.push(`Records: ${policy.records.monitoring.join('; ') || 'no monitoring fields stated'}`);
  out.push(`Categories: ${policy.categories.map((k) => `${k.name} (${k.id})`).join('; ') || 'none listed'}`);
  const reporting = policy.reporting;
  out.push(
    `Annual report: ${reporting.to.length ? `for ${reporting.to.map(role).join(' and ')}` : 'for staff'}${reporting.sendInJanuary ? ', sent each January' : ''}${reporting.code !== 'none' ? `; assessed against the ${reporting.code} code` : ''}${reporting.clause ? ` [${reporting.clause}]` : ''}`,
  );
  out.push(`Retention: ${policy.records.retention ? `${policy.records.retention.rule} [${policy.records.retention.clause}]` : 'not stated by the policy'}`);
  return out.join('\n') + '\n';
}
