import type { Policy } from './policy-schema.js';

/**
 * The address staff notices and digests come from: the policy's `intake.staffNoticesFrom`, else "staff-notices@" the
 * domain of its first complaints address. Never a complaints address, so that a member of staff who presses Reply
 * writes to an address whose mail is staff mail, not to complaint intake.
 */
export function staffNoticesSender(policy: Policy): string {
  if (policy.intake.staffNoticesFrom) return policy.intake.staffNoticesFrom;
  const domain = (policy.intake.addresses[0] as string).split('@')[1] ?? '';
  return `staff-notices@${domain}`;
}

/**
 * The addresses the policy knows as its staff's: each role's notice mailbox and contact address, less the complaints
 * addresses (a role whose contact is the complaints address, as a small charity's often is, makes that address no
 * more a member of staff than any other complainant writing from it). Lower case.
 */
export function staffAddressesOf(policy: Policy): ReadonlySet<string> {
  const intake = new Set(policy.intake.addresses.map((a) => a.toLowerCase()));
  const known = policy.roles.flatMap((r) => [r.noticeEmail, r.contact?.email]).filter((a): a is string => Boolean(a));
  return new Set(known.map((a) => a.toLowerCase()).filter((a) => !intake.has(a)));
}

/** The roles whose notice mailbox or contact address this is (a complaints address is no role's: see staffAddressesOf). */
export function rolesOfStaffAddress(policy: Policy, address: string): readonly string[] {
  const a = address.toLowerCase();
  if (!staffAddressesOf(policy).has(a)) return [];
  return policy.roles.filter((r) => [r.noticeEmail, r.contact?.email].some((own) => own?.toLowerCase() === a)).map((r) => r.id);
}
