/**
 * What a role may do on a case, where a policy says (`roles[].capabilities`): record (note, acknowledge, categorise,
 * record events, meetings and progress), route (pass it to another handler or person), decide (the stage's
 * decisions: outcome, extension, escalation, early resolution, closing), and administer held mail.
 */
export const CAPABILITIES = ['record', 'route', 'decide'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Capabilities a role may list: the case ones, `held-mail` (settling mail held before it became a case), and
 * `reports`: reading the organisation's annual report in the console whoever `reporting.to` names (a role that lists
 * `reports` alone reads reports and no case: the Member Responsible for Complaints, LGSCO 9.5-9.7), and `restrict`
 * (setting, reviewing and lifting a restriction on a person's contact, which only a role above a case's handler may
 * do; a role that lists capabilities must list it too).
 */
export const ROLE_CAPABILITIES = [...CAPABILITIES, 'held-mail', 'reports', 'restrict'] as const;
export type RoleCapability = (typeof ROLE_CAPABILITIES)[number];

/** Whether a role reads cases: every role does, save one whose capabilities are `reports` alone. */
export function readsCases(capabilities: readonly RoleCapability[] | undefined): boolean {
  return !capabilities || capabilities.some((c) => c !== 'reports');
}
