/**
 * What a role may do on a case, where a policy says (`roles[].capabilities`): record (note, acknowledge, categorise,
 * record events, meetings and progress), route (pass it to another handler or person), decide (the stage's
 * decisions: outcome, extension, escalation, early resolution, closing), and administer held mail.
 */
export const CAPABILITIES = ['record', 'route', 'decide'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Capabilities a role may list: the case ones, and `held-mail` (settling mail held before it became a case). */
export const ROLE_CAPABILITIES = [...CAPABILITIES, 'held-mail'] as const;
export type RoleCapability = (typeof ROLE_CAPABILITIES)[number];
