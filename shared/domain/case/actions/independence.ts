import type { Policy } from '#domain/policy/policy-schema';
import type { Case } from '../case.js';
import { rolesAbout } from '../named-in-complaint.js';
import { clauseInWords } from '#domain/policy/clause-words';
import { roleTitle as title, stageById } from '#domain/policy/policy-lookups';

/**
 * Why a role or a person may not handle a stage of this case, or undefined when they may: a stage with an
 * independence rule (Connected Together 2.5, Alumot 3.2, the council's stage two; Housing Ombudsman code 6.13)
 * is never decided by a role or a person who decided an earlier stage, and no complaint is handled by the
 * person it is about.
 */
export function independenceProblem(policy: Policy, c: Case, stageId: string, who: { readonly role?: string; readonly person?: string }): string | undefined {
  if (who.role && rolesAbout(c).includes(who.role)) return `this complaint is about the ${title(policy, who.role)}: it cannot be handled by them`;
  const stage = stageById(policy, stageId);
  if (!stage?.independence) return undefined;
  const rule = `${stage.independence.rule} (${clauseInWords(stage.independence.clause)})`;
  const earlier = (c.outcomes ?? []).filter((o) => o.stage !== stageId);
  const byRole = who.role ? earlier.find((o) => o.handlerRole === who.role) : undefined;
  if (byRole && who.role !== c.handlerRole) return `${title(policy, byRole.handlerRole)} handled ${byRole.stage} of this complaint; ${stage.name} must be handled by someone not involved before: ${rule}`;
  const byPerson = who.person ? earlier.find((o) => o.by === who.person) : undefined;
  if (byPerson) return `${who.person} decided ${byPerson.stage} of this complaint; ${stage.name} must be decided by someone not involved before: ${rule}`;
  return undefined;
}
