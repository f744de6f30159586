import { renderLetter, type Letter } from '#domain/letters/letter';
import { organisationInText } from '#domain/policy/organisation-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { AnnualFigures } from './annual-figures.js';

/**
 * The January letter to the roles the report is for (Alumot 4.1): the year's main figures in words and where the
 * full report is. No lessons and nothing about any one case: email is not where the report's detail belongs.
 */
export function annualReportLetter(policy: Policy, figures: AnnualFigures, fullReport: string): Letter {
  const stageLines = figures.stages.map((s) => {
    const average = s.averageWorkingDaysToRespond === null ? '' : `, in ${s.averageWorkingDaysToRespond} working days on average`;
    return `${s.name}: ${s.entered} entered, ${s.responded} responded to (${s.respondedOnTime} on time${average}); upheld ${s.outcomes.upheld}, partly upheld ${s.outcomes['partly-upheld']}, not upheld ${s.outcomes['not-upheld']}.`;
  });
  return renderLetter(`Complaints in ${figures.year}: the annual report for ${organisationInText(policy)}`, [
    {
      paragraphs: [
        `The annual report on complaints to ${organisationInText(policy)} for 1 January to 31 December ${figures.year} is ready${policy.reporting.clause ? ` (our complaints policy, clause ${policy.reporting.clause})` : ''}.`,
        `Complaints received: ${figures.received}. Resolved at once: ${figures.earlyResolutions}. Withdrawn: ${figures.withdrawn}. Not for this procedure: ${figures.redirected}. Asked for the next stage: ${figures.escalated}.`,
        ...stageLines,
        `Actions agreed: ${figures.actionsAgreed}, of which done: ${figures.actionsDone}, overdue: ${figures.actionsOverdue}.`,
        `The full report, with what complaints were about, the charts, the year before and the lessons learnt: ${fullReport}`,
      ],
    },
  ]);
}
