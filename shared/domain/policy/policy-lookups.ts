import type { Policy, Stage } from './policy-schema.js';

/**
 * The policy's stages and roles looked up by id, in one place: every letter, notice, page and rule reads a stage's
 * name or a role's title through these, so an id never shows where words belong.
 */
export function stageById(policy: Pick<Policy, 'stages'>, id: string | undefined): Stage | undefined {
  return id === undefined ? undefined : policy.stages.find((s) => s.id === id);
}

/** A stage's name ("Stage two"), or its id where the policy has no such stage (a case from an older policy). */
export function stageName(policy: Pick<Policy, 'stages'>, id: string): string {
  return stageById(policy, id)?.name ?? id;
}

/** A role's title ("Chief Executive (Shaked Nir)"), or its id where the policy has no such role. */
export function roleTitle(policy: Pick<Policy, 'roles'>, role: string): string {
  return policy.roles.find((r) => r.id === role)?.title ?? role;
}

/**
 * A role mid-sentence with its article: "the Chair", "the manager responsible ..." (a title's own "The"), "an
 * officer independent ..." (its own "An").
 */
export function roleInSentence(policy: Pick<Policy, 'roles'>, role: string): string {
  const title = roleTitle(policy, role);
  return /^(the|an?) /i.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : `the ${title}`;
}

/** A role's title mid-sentence: "shared with the relevant Director", where the title begins "The". */
export function roleTitleInText(policy: Pick<Policy, 'roles'>, role: string): string {
  return roleTitle(policy, role).replace(/^The /, 'the ');
}
