import { DateTime } from 'luxon';
import { renderLetter, type Letter } from '#domain/letters/letter';
import { organisationInText } from '#domain/policy/organisation-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { QuarterlySummary } from './quarterly-summary.js';
import { spanInWords, themeLine } from './themes-letter.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 actions agreed with complainants are not yet done; 1 of them is past the date promised." */
function openActionsInWords(open: number, overdue: number): string {
  // Where none was ever agreed, "every action has been done" would claim work that never was.
  if (open === 0) return 'No action agreed with a complainant is waiting to be done.';
  if (open === 1) return `1 action agreed with a complainant is not yet done; ${overdue ? 'it is past the date promised' : 'its date has not yet come'}.`;
  const late = overdue === 0 ? 'none of them is yet past the date promised' : overdue === open ? 'all of them are past the date promised' : `${overdue} of them ${overdue === 1 ? 'is' : 'are'} past the date promised`;
  return `${open} actions agreed with complainants are not yet done; ${late}.`;
}

/** "October to December 2026": a quarter's months in words. */
export function quarterInWords(summary: Pick<QuarterlySummary, 'quarter'>): string {
  const [a, b] = [DateTime.fromISO(summary.quarter.first), DateTime.fromISO(summary.quarter.last)];
  return `${a.toFormat('LLLL')} to ${b.toFormat('LLLL yyyy')}`;
}

/**
 * The quarterly summary as the Member Responsible for Complaints reads it by email: figures in sentences, in the
 * order the codes ask for (volumes, time taken, outcomes, themes, open actions), and where the full report is.
 * Nothing about any one case: no reference, name or words of a complaint.
 */
export function quarterlySummaryLetter(policy: Policy, summary: QuarterlySummary, fullReport: string): Letter {
  const f = summary.figures;
  const clause = policy.oversight?.memberResponsible?.clause;
  const stages = f.stages;
  return renderLetter(`Complaints, ${quarterInWords(summary)}: the quarterly summary for ${organisationInText(policy)}`, [
    {
      paragraphs: [
        `This is the quarterly summary of complaints to ${organisationInText(policy)} for ${spanInWords(summary.quarter.first, summary.quarter.last)}, sent to you as the Member Responsible for Complaints${clause ? ` (${clause})` : ''}.`,
      ],
    },
    {
      heading: 'How many',
      paragraphs: [
        `Complaints received: ${f.received} (the quarter before: ${summary.receivedBefore}).`,
        `Resolved straight away, and not counted as complaints: ${f.earlyResolutions}. Withdrawn: ${f.withdrawn}. Not for this procedure and sent elsewhere: ${f.redirected}. Taken to the next stage at the complainant's request: ${f.escalated}.`,
      ],
    },
    {
      heading: 'How long they took',
      paragraphs: stages.map((s) => {
        if (s.responded === 0) return s.entered === 0 ? `${s.name}: no complaint reached this stage in the quarter.` : `${s.name}: ${plural(s.entered, 'complaint', 'complaints')} started this stage; none was answered in the quarter.`;
        const days = s.averageWorkingDaysToRespond === null ? '' : `, in ${s.averageWorkingDaysToRespond} working days${s.responded === 1 ? '' : ' on average'}`;
        const onTime = s.responded === 1 ? `${s.respondedOnTime ? 'within' : 'later than'} the time the policy sets` : `${s.respondedOnTime} of them within the time the policy sets`;
        return `${s.name}: ${s.responded} answered, ${onTime}${days}. Acknowledged on time: ${s.acknowledgedOnTime} of ${s.acknowledged}.`;
      }),
    },
    {
      heading: 'What was decided',
      paragraphs: stages.map((s) => {
        const o = s.outcomes;
        return o.upheld + o['partly-upheld'] + o['not-upheld'] === 0 ? `${s.name}: no decision in the quarter.` : `${s.name}: upheld ${o.upheld}, partly upheld ${o['partly-upheld']}, not upheld ${o['not-upheld']}.`;
      }),
    },
    {
      heading: 'What complaints were about',
      paragraphs: [
        ...(f.byCategory.some((c) => c.count > 0) ? [`By category:\n${f.byCategory.filter((c) => c.count > 0).map((c) => `- ${c.name}: ${c.count}`).join('\n')}`] : []),
        ...(summary.byTeam.length ? [`By the team handling them:\n${summary.byTeam.map((t) => `- ${t.name}: ${t.count}`).join('\n')}`] : []),
        summary.themes.length
          ? `Well above usual in the last 30 days of the quarter:\n${summary.themes.map((t) => `- ${themeLine(t)}`).join('\n')}`
          : 'Nothing was well above usual in the last 30 days of the quarter.',
      ],
    },
    {
      heading: 'Actions still to do',
      paragraphs: [
        openActionsInWords(summary.openActions, summary.overdueActions),
      ],
    },
    { paragraphs: [`The full report for ${summary.quarter.year}, with the charts and the year before: ${fullReport}`] },
  ]);
}
