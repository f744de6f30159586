import { DateTime } from 'luxon';
import { composeLetter, LetterIncompleteError } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { atStageOutcome, previewFacts, sampleCase } from '#domain/letters/letter-preview';
import { bodiesToGoTo, windowFor } from '#domain/letters/outside-bodies';
import { LetterTemplateError } from '#domain/letters/render-template';
import { describePeriod } from '#domain/planner/plan-deadlines';
import type { ComplaintCode, DeadlineKind, Policy } from '#domain/policy/policy-schema';
import type { AnnualFigures, StageFigures } from './annual-figures.js';
import type { Publication } from './report-table.js';
import { stageById } from '#domain/policy/policy-lookups';
import { listInWords } from '#domain/text/list-in-words';

/** One provision of a code: what Redress can show of it (the policy's rule and the year's figure), or left for staff. */
export interface Provision {
  readonly provision: string;
  /** What the policy and the year's figures show; absent where only staff can answer. */
  readonly evidence?: string;
  /**
   * Whether it is met, as far as the policy and the year show: "Yes" only where both do ("Not shown: none this year"
   * on 0 of 0, "Not always" where some were late, "Partly", "No"); absent where Redress cannot tell.
   */
  readonly answer?: string;
}

export interface SelfAssessment {
  readonly code: ComplaintCode;
  readonly title: string;
  readonly provisions: readonly Provision[];
}

const TITLES: Record<Exclude<ComplaintCode, 'none'>, string> = {
  'housing-ombudsman-2024': "the Housing Ombudsman's Complaint Handling Code (2024)",
  'lgsco-2024': "the Local Government and Social Care Ombudsman's Complaint Handling Code (2024)",
  'spso-model': "the Scottish Public Services Ombudsman's model complaints handling procedure",
};

/**
 * The report's self-assessment against the code the policy says it follows: each provision Redress can evidence,
 * with the policy's rule and the figure that shows how it went, then those only staff can answer.
 */
export function selfAssessment(policy: Policy, figures: AnnualFigures, publication?: Publication): SelfAssessment | undefined {
  const code = policy.reporting.code;
  const n = countShown(publication);
  if (code === 'none') return undefined;
  const formal = policy.stages.filter((s) => s.formal);
  const [first, second] = [formal[0], formal[1]];
  const figure = (i: number) => figures.stages[i];
  const provisions: Provision[] =
    code === 'spso-model'
      ? [
          timescale(policy, first?.id, 'respond', 5, 'A frontline (stage 1) response within 5 working days', figure(0), n),
          timescale(policy, second?.id, 'acknowledge', 3, 'A stage 2 complaint acknowledged within 3 working days', figure(1), n, 'acknowledge'),
          timescale(policy, second?.id, 'respond', 20, 'A stage 2 response within 20 working days', figure(1), n),
          stages(formal.length),
        ]
      : [
          timescale(policy, first?.id, 'acknowledge', 5, 'A complaint acknowledged within 5 working days of being received', figure(0), n, 'acknowledge'),
          timescale(policy, first?.id, 'respond', 10, 'A stage 1 response within 10 working days of the acknowledgement', figure(0), n),
          extensions(figure(0), 'stage 1', n),
          stages(formal.length),
          independence(policy, second?.id),
          timescale(policy, second?.id, 'acknowledge', 5, 'A stage 2 complaint acknowledged within 5 working days', figure(1), n, 'acknowledge'),
          timescale(policy, second?.id, 'respond', 20, 'A stage 2 response within 20 working days of the acknowledgement', figure(1), n),
          extensions(figure(1), 'stage 2', n),
        ];
  provisions.push(
    outsideBodies(policy, figures.year),
    { provision: 'Learning from complaints is reported to the governing body', evidence: `Lessons recorded at outcomes: ${n(figures.lessons.length)}; actions agreed: ${n(figures.actionsAgreed)}, done: ${n(figures.actionsDone)}, overdue: ${n(figures.actionsOverdue)}.` },
    { provision: 'The complaints policy is published and easy to find, and complaints can be made in any reasonable way' },
    memberResponsible(policy),
    { provision: 'Staff handling complaints are trained, and complaints are not treated as a service request' },
  );
  return { code, title: TITLES[code], provisions };
}

function timescale(policy: Policy, stageId: string | undefined, kind: DeadlineKind, limit: number, provision: string, f: StageFigures | undefined, n: Shown, measured: 'acknowledge' | 'respond' = 'respond'): Provision {
  const rule = stageById(policy, stageId)?.deadlines.find((d) => d.kind === kind && d.event === 'received');
  if (!stageId || !rule) return { provision, evidence: stageId ? 'The policy sets no such timescale.' : 'The policy has no such stage.', answer: 'No' };
  const within = rule.unit === 'workingDays' ? rule.amount <= limit : undefined;
  const [total, onTime] = measured === 'acknowledge' ? [f?.acknowledged ?? 0, f?.acknowledgedOnTime ?? 0] : [f?.responded ?? 0, f?.respondedOnTime ?? 0];
  // The policy's rule can only fail it; whether it was met is the year's to show, and 0 of 0 shows nothing.
  const answer = within === false ? 'No' : total === 0 ? 'Not shown: none this year' : onTime < total ? 'Not always' : within ? 'Yes' : undefined;
  return {
    provision,
    evidence: `The policy: ${describePeriod(rule.amount, rule.unit)} (clause ${rule.clause}). This year: ${n(onTime)} of ${n(total)} on time.`,
    ...(answer ? { answer } : {}),
  };
}

/** LGSCO 9.5-9.7, Housing Ombudsman 9.5, 9.7: shown where the policy names the member (oversight.memberResponsible). */
function memberResponsible(policy: Policy): Provision {
  const provision = 'A member of the governing body has lead responsibility for complaints';
  const member = policy.oversight?.memberResponsible;
  if (!member) return { provision };
  const title = policy.roles.find((r) => r.id === member.role)?.title ?? member.role;
  return {
    provision,
    evidence: `The policy names the ${title} (${member.clause}). Redress sends them this report each January and a summary each quarter (volumes, time taken, outcomes, themes, open actions); they read the reports in the console, not the cases.`,
    answer: 'Yes',
  };
}

function extensions(f: StageFigures | undefined, stage: string, n: Shown): Provision {
  return {
    provision: `An extension at ${stage} is explained to the complainant, and kept short`,
    evidence: `Responses given more time this year: ${n(f?.extended ?? 0)}; Redress records why and sends the holding letter with the new date each time.`,
  };
}

function stages(count: number): Provision {
  return { provision: 'A complaints procedure of two stages', evidence: `The policy has ${count} formal stage${count === 1 ? '' : 's'}.`, answer: count === 2 ? 'Yes' : 'No' };
}

function independence(policy: Policy, stageId: string | undefined): Provision {
  const rule = stageById(policy, stageId)?.independence;
  return {
    provision: 'Stage 2 is handled by someone not involved at stage 1',
    evidence: rule ? `The policy: ${rule.rule} (clause ${rule.clause}). Redress refuses a stage 2 decision by whoever decided stage 1.` : 'The policy sets no rule; Redress still refuses a stage 2 decision by whoever decided stage 1.',
    answer: rule ? 'Yes' : 'No',
  };
}

const CONTACT_WORDS: Record<string, string> = { Website: 'website', Telephone: 'telephone', Email: 'email', Post: 'post' };

function inWords(list: readonly string[]): string {
  return listInWords(list, 'and');
}

/**
 * What the policy's final letter says of where to go next, read from the letter Redress would send at the end of a
 * complaint that year (its template, the policy's own if it has one, and the case's windows), not from a promise:
 * each body with the ways to reach it the letter gives, and the last day where it gives one.
 */
function outsideBodies(policy: Policy, year: number): Provision {
  const provision = 'The final response says where the complainant can go next, and by when';
  const at = DateTime.fromISO(`${year}-06-30T12:00:00Z`);
  const c = sampleCase(policy, at);
  const facts = previewFacts(policy, 'final-outcome', c, at);
  let text: string;
  try {
    text = composeLetter(policy, facts).text;
  } catch (error) {
    if (!(error instanceof LetterIncompleteError) && !(error instanceof LetterTemplateError)) throw error;
    return { provision, evidence: `The final letter as the policy words it is refused before it can be sent: ${error.message}.`, answer: 'No' };
  }
  const last = policy.stages.find((s) => s.final) ?? (policy.stages[policy.stages.length - 1] as Policy['stages'][number]);
  const ended = atStageOutcome(policy, c, last.id, at);
  const bodies = bodiesToGoTo(policy, ended, { kind: 'final' }).filter((b) => text.includes(b.name));
  if (bodies.length === 0) return { provision, evidence: 'The final letter names no outside body: the policy gives none for a complaint.', answer: 'No' };
  let dated = true;
  const said = bodies.map((b) => {
    const ways = b.contactLines.filter((line) => text.includes(line.slice(line.indexOf(': ') + 2))).map((line) => CONTACT_WORDS[line.split(':')[0] as string] ?? 'contact');
    const reach = ways.length ? `with its ${inWords(ways)}` : 'with no contact details';
    const body = policy.outsideBodies.find((x) => x.id === b.id);
    const window = windowFor(ended, b.id);
    const limit = body?.timeLimit;
    if (b.until && text.includes(dateInWords(b.until))) {
      const period = window ? `${window.rule}, clause ${window.clause}` : limit ? describePeriod(limit.amount, limit.unit) : '';
      return `${b.name} ${reach}, and the last day to contact it (${period})`;
    }
    dated = false;
    if (limit && b.limit && text.includes(b.limit)) return `${b.name} ${reach}, and its time limit only in words (${describePeriod(limit.amount, limit.unit)} from ${limit.from}: Redress does not record that day)`;
    return `${b.name} ${reach}, and no time limit (the policy gives none)`;
  });
  const reachable = bodies.every((b) => b.contactLines.length > 0);
  return {
    provision,
    evidence: `The final letter names ${said.join('; ')}. Redress checks each letter for these before it is sent.`,
    answer: dated && reachable ? 'Yes' : 'Partly',
  };
}

type Shown = (count: number) => string;

/** A count as the assessment states it: in words when small, for publication, as the report's tables do. */
function countShown(publication: Publication | undefined): Shown {
  return (count) => (publication && count > 0 && count < publication.threshold ? `fewer than ${publication.threshold}` : String(count));
}
