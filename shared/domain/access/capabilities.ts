import type { Case } from '#domain/case/case';
import { rolesAbout } from '#domain/case/named-in-complaint';
import { roleTitle, stageName } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { CAPABILITIES, type Capability } from '#domain/policy/capability';
import type { StaffMember } from './staff-member.js';
import { mayRead, roleAndAbove, rolesIn } from './case-access.js';
import { listInWords } from '#domain/text/list-in-words';

export { CAPABILITIES, type Capability };

/**
 * Whether a person may use a capability on a case. They must be able to read it. Then each role they hold counts:
 * - a role whose policy entry lists no `capabilities` does as it always has: everything, on the cases it handles
 *   or is above (`reportsTo`);
 * - a role that lists them has only those: `record` and `route` on every case of the organisation it may read (the
 *   council's Customer Relations Team records the complaint and passes it to the correct person), `decide` on the
 *   cases it handles or is above.
 */
export function mayUse(member: StaffMember, policy: Policy, c: Case, capability: Capability): boolean {
  if (!mayRead(member, policy, c)) return false;
  return [...rolesIn(member, policy.id)].some((r) => roleMayUse(policy, r, c, capability));
}

/** Whether one role of the policy may use a capability on a case (see mayUse; reading is the caller's to check). */
export function roleMayUse(policy: Policy, roleId: string, c: Pick<Case, 'handlerRole'>, capability: Capability): boolean {
  const role = policy.roles.find((r) => r.id === roleId);
  if (!role) return false;
  const handlesOrAbove = roleAndAbove(policy, c.handlerRole).has(roleId);
  if (!role.capabilities) return handlesOrAbove;
  if (!role.capabilities.includes(capability)) return false;
  return capability === 'decide' ? handlesOrAbove : true;
}

/** A role's title inside a sentence: "the Customer Relations Team", "an officer independent of ...". */
function titleInSentence(policy: Policy, roleId: string): string {
  const title = roleTitle(policy, roleId);
  return /^(The|An|A) /.test(title) ? title.replace(/^\w+/, (w) => w.toLowerCase()) : `the ${title}`;
}

/** A stage as the thing decided: "stage two", "the investigation stage". */
function stageDecided(policy: Policy, stageId: string): string {
  const name = stageName(policy, stageId).toLowerCase();
  return name.startsWith('stage') ? name : `the ${name} stage`;
}

const DOING: Record<Capability, (policy: Policy, c: Case) => string> = {
  record: () => 'record on this case (notes, acknowledgement, category, progress)',
  route: () => 'pass this case to another handler or person',
  decide: (policy, c) => `decide ${stageDecided(policy, c.stage)}`,
};

/**
 * Who can use a capability on a case, in one sentence for someone who cannot: the handling role (and, where any
 * role above it can too, "or someone above them"), then any role that may on every case (the Customer Relations
 * Team): "Only an officer independent of the service complained about (or someone above them) can decide stage
 * two"; on a complaint about a person, "Only the Chair ... can act on a complaint about the Chief Executive".
 */
export function whoCanSentence(policy: Policy, c: Case, capability: Capability): string {
  const about = rolesAbout(c);
  const chain = [...roleAndAbove(policy, c.handlerRole)];
  const handlerCan = roleMayUse(policy, c.handlerRole, c, capability);
  const aboveCan = chain.slice(1).some((r) => !about.includes(r) && roleMayUse(policy, r, c, capability));
  const handler = titleInSentence(policy, c.handlerRole);
  const first = handlerCan ? `${handler}${aboveCan ? ' (or someone above them)' : ''}` : aboveCan ? `someone above ${handler}` : undefined;
  const others = policy.roles.filter((r) => !chain.includes(r.id) && !about.includes(r.id) && roleMayUse(policy, r.id, c, capability)).map((r) => titleInSentence(policy, r.id));
  const names = [...(first ? [first] : []), ...others];
  const who = names.length === 0 ? 'no role of the policy' : listInWords(names, 'or');
  if (about.length > 0 && capability === 'decide') return `Only ${who} can act on a complaint about ${about.map((r) => titleInSentence(policy, r)).join(' and ')}.`;
  return `Only ${who} can ${DOING[capability](policy, c)}.`;
}
