import type { Policy, Stage } from '#domain/policy/policy-schema';
import type { Case } from './case.js';
import { rolesAbout } from './named-in-complaint.js';
import { stageById } from '#domain/policy/policy-lookups';

/** The stage a new complaint starts at: the policy's first formal stage (an informal word needs no case). */
export function entryStage(policy: Policy): Stage {
  return policy.stages.find((s) => s.formal) ?? (policy.stages[0] as Stage);
}

/**
 * Who handles a stage: the stage's role, unless a routing rule names another for whom it is about. Never a
 * person the complaint is about (it may be about several, see rolesAbout): where neither says otherwise, it goes
 * to the nearest role above them who is not, else to any role that is not.
 */
export function handlerFor(policy: Policy, stageId: string, about: string | readonly string[] | undefined): string {
  const kept = new Set(typeof about === 'string' ? [about] : (about ?? []));
  const stage = stageById(policy, stageId);
  const rule = policy.routing.find((r) => kept.has(r.about) && !kept.has(r.handler) && (!r.stages || r.stages.includes(stageId)));
  let chosen = rule?.handler ?? stage?.handler ?? (policy.roles[0]?.id as string);
  const climbed = new Set<string>();
  while (kept.has(chosen) && !climbed.has(chosen)) {
    climbed.add(chosen);
    const above = policy.roles.find((r) => r.id === chosen)?.reportsTo;
    if (!above) break;
    chosen = above;
  }
  if (!kept.has(chosen)) return chosen;
  return policy.roles.find((r) => !kept.has(r.id))?.id ?? chosen;
}

/**
 * Where notices for a role go: its own address, else the nearest role above it with one, else the operators.
 * Never a complaints address: on AWS that is SES's inbound address, and a notice sent there comes straight
 * back in as mail (`policy check` refuses a role whose address is one of its policy's intake addresses).
 */
export function staffAddress(policy: Policy, roleId: string, operatorEmail: string, about?: string | readonly string[]): string {
  const seen = new Set<string>();
  const kept = new Set(typeof about === 'string' ? [about] : (about ?? []));
  const theirs = new Set([...kept].flatMap((r) => [...addressesOf(policy, r)]));
  let role = policy.roles.find((r) => r.id === roleId);
  while (role && !seen.has(role.id)) {
    const address = role.noticeEmail ?? role.contact?.email;
    // A complaint about a person never reaches their mailbox, even by climbing the chain to it.
    if (address && !isIntakeAddress(policy, address) && !kept.has(role.id) && !theirs.has(address.toLowerCase())) return address;
    seen.add(role.id);
    role = policy.roles.find((r) => r.id === role?.reportsTo);
  }
  return operatorEmail;
}

/** A role's own addresses, lower-cased: where anything about a complaint against that person must never go. */
export function addressesOf(policy: Policy, roleId: string): ReadonlySet<string> {
  const role = policy.roles.find((r) => r.id === roleId);
  return new Set([role?.noticeEmail, role?.contact?.email].filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()));
}

/** Where a case's notices for a role go: as staffAddress, never to the person the complaint is about. */
export function noticeAddress(policy: Policy, c: Pick<Case, 'about' | 'named'>, roleId: string, operatorEmail: string): string {
  return staffAddress(policy, roleId, operatorEmail, rolesAbout(c));
}

function isIntakeAddress(policy: Policy, address: string): boolean {
  return policy.intake.addresses.some((a) => a.toLowerCase() === address.toLowerCase());
}

/**
 * Roles whose notices cannot reach them: no address of their own or above them, or only a complaints address
 * (which would bring the notice straight back in as mail). Their notices go to the operators; `policy check`
 * names them with the fix.
 */
export function rolesWithoutNoticeAddress(policy: Policy): { role: string; problem: string }[] {
  return policy.roles.flatMap((r) => {
    if (staffAddress(policy, r.id, '') !== '') return [];
    const address = r.noticeEmail ?? r.contact?.email;
    const problem = address && isIntakeAddress(policy, address)
      ? `${address} is a complaints address: notices there would come back in as mail`
      : 'no address, nor any role above it';
    return [{ role: r.id, problem }];
  });
}
