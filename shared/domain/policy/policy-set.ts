import type { PolicyProblem } from './policy-errors.js';
import { UnknownPolicyItemError } from './policy-errors.js';
import { withDefaults, type PolicyDefaults } from './policy-defaults.js';
import type { Policy } from './policy-schema.js';
import { staffNoticesSender } from './staff-addresses.js';

/** The loaded policies, found by id or by the complaints address mail arrives at. */
export class PolicySet {
  private readonly byId: ReadonlyMap<string, Policy>;
  private readonly byAddress: ReadonlyMap<string, Policy>;
  private readonly byStaffNotices: ReadonlyMap<string, Policy>;

  readonly all: readonly Policy[];

  /** `defaults` fill in what a policy leaves unsaid (its retention period); they never override what it says. */
  constructor(policies: readonly Policy[], defaults?: PolicyDefaults) {
    const all = defaults ? policies.map((p) => withDefaults(p, defaults)) : policies;
    this.all = all;
    this.byId = new Map(all.map((p) => [p.id, p]));
    this.byAddress = new Map(all.flatMap((p) => p.intake.addresses.map((a) => [a.toLowerCase(), p] as const)));
    this.byStaffNotices = new Map(all.map((p) => [staffNoticesSender(p).toLowerCase(), p] as const));
  }

  get(id: string): Policy {
    const policy = this.byId.get(id);
    if (!policy) throw new UnknownPolicyItemError('policy', id, [...this.byId.keys()]);
    return policy;
  }

  /** The policy whose complaints address this is (case-insensitive), or undefined. */
  forAddress(address: string): Policy | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  /** The policy whose staff notices come from this address (a reply to a notice comes back to it), or undefined. */
  forStaffNoticesAddress(address: string): Policy | undefined {
    return this.byStaffNotices.get(address.toLowerCase());
  }

  /** Two files with one id, or one address claimed by two policies, would make routing ambiguous. */
  static conflicts(policies: readonly { policy: Policy; file: string }[]): PolicyProblem[] {
    const problems: PolicyProblem[] = [];
    const ids = new Map<string, string>();
    const prefixes = new Map<string, string>();
    const addresses = new Map<string, string>();
    for (const { policy, file } of policies) {
      const other = ids.get(policy.id);
      if (other) problems.push({ file, path: 'id', message: `policy id "${policy.id}" is also used by ${other}` });
      ids.set(policy.id, file);
      const prefixOwner = prefixes.get(policy.referencePrefix);
      if (prefixOwner) {
        problems.push({ file, path: 'referencePrefix', message: `reference prefix ${policy.referencePrefix} is also used by ${prefixOwner}` });
      }
      prefixes.set(policy.referencePrefix, file);
      policy.intake.addresses.forEach((address, i) => {
        const key = address.toLowerCase();
        const owner = addresses.get(key);
        if (owner) {
          problems.push({
            file,
            path: `intake.addresses[${i}]`,
            message: `address ${address} is already the complaints address of ${owner}`,
          });
        }
        addresses.set(key, file);
      });
    }
    // A staff-notices sender that is also a complaints address would bring staff's replies in as complaints again.
    for (const { policy, file } of policies) {
      const sender = staffNoticesSender(policy).toLowerCase();
      const owner = addresses.get(sender);
      if (owner) problems.push({ file, path: 'intake.staffNoticesFrom', message: `staff notices would come from ${sender}, which is the complaints address of ${owner}: set intake.staffNoticesFrom to a staff address` });
    }
    return problems;
  }
}
