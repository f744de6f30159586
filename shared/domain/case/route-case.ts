import type { Policy, Stage } from '#domain/policy/policy-schema';

/** The stage a new complaint starts at: the policy's first formal stage (an informal word needs no case). */
export function entryStage(policy: Policy): Stage {
  return policy.stages.find((s) => s.formal) ?? (policy.stages[0] as Stage);
}

/** Who handles a stage: the stage's role, unless a routing rule names another for whom it is about. */
export function handlerFor(policy: Policy, stageId: string, about: string | undefined): string {
  const stage = policy.stages.find((s) => s.id === stageId);
  const rule = about
    ? policy.routing.find((r) => r.about === about && (!r.stages || r.stages.includes(stageId)))
    : undefined;
  return rule?.handler ?? stage?.handler ?? (policy.roles[0]?.id as string);
}

/** Where notices for a role go: its own address, else the role it reports to, else the complaints inbox. */
export function notifyAddress(policy: Policy, roleId: string): string {
  const seen = new Set<string>();
  let role = policy.roles.find((r) => r.id === roleId);
  while (role && !seen.has(role.id)) {
    if (role.contact?.email) return role.contact.email;
    seen.add(role.id);
    role = policy.roles.find((r) => r.id === role?.reportsTo);
  }
  return policy.intake.addresses[0] as string;
}
