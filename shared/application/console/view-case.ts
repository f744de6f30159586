import type { DateTime } from 'luxon';
import { mayKnowOf, mayRead } from '#domain/access/case-access';
import { mayReadVulnerability } from '#domain/access/vulnerability-access';
import type { StaffMember } from '#domain/access/staff-member';
import { recordView } from '#domain/case/actions/record-view';
import type { AttachmentRecord, Case, TimelineEvent } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import type { OutboxEntry } from '../ports/outbox.js';
import { CaseNotFoundError } from '../ports/store-errors.js';
import { staffChange, type StaffDeps } from '../staff/staff-deps.js';
import { STAFF_ACTIONS, type StaffVerb } from '../staff/staff-action-catalogue.js';
import type { Outbox } from '../ports/outbox.js';
import type { FileLinks } from '../ports/file-links.js';

export type CaseView =
  /** A confidential case the person may know of but not read: its reference, stage and dates. */
  | { readonly level: 'reference'; readonly case: Case; readonly policy: Policy }
  | {
      readonly level: 'full';
      readonly case: Case;
      readonly policy: Policy;
      readonly timeline: readonly TimelineEvent[];
      readonly letters: readonly OutboxEntry[];
      readonly files: readonly CaseFile[];
      /** Whether the person may take each action of the catalogue on this case; for one they may not, who can, in a sentence. */
      readonly permission: (verb: StaffVerb) => { readonly may: true } | { readonly may: false; readonly whoCan: string };
    };

/** A file the complainant sent, with a short-lived link to download it; none for a file that could run code. */
export interface CaseFile {
  readonly file: AttachmentRecord;
  readonly link?: string;
}

/**
 * A case as one person may see it. One they may not know of (another organisation's, or about them) is "no such
 * case", as if it did not exist. Reading a confidential case's content is put on its timeline, who and when.
 * The files it holds come with links made for this reading, which expire soon after and open only for `holder`
 * (the session reading it).
 */
export async function viewCase(deps: StaffDeps & { readonly outbox: Pick<Outbox, 'ofCase'>; readonly fileLinks: FileLinks }, member: StaffMember, reference: string, at: DateTime, holder: string): Promise<CaseView> {
  const c = await deps.cases.get(reference);
  const policy = c ? deps.policies.get(c.policyId) : undefined;
  if (!c || !policy || !mayKnowOf(member, policy, c)) throw new CaseNotFoundError(reference);
  if (!mayRead(member, policy, c)) return { level: 'reference', case: unseenVulnerability(member, policy, c), policy };
  const read = unseenVulnerability(member, policy, c.confidential ? await staffChange(deps, { reference, at, actor: member.name }, (current, _policy, ctx) => recordView(current, ctx)) : c);
  const [timeline, letters, files] = await Promise.all([
    deps.cases.timeline(reference),
    deps.outbox.ofCase(reference),
    Promise.all(read.attachments.map(async (file) => (file.dangerous ? { file } : { file, link: await deps.fileLinks.linkTo(file, holder) }))),
  ]);
  const permission = (verb: StaffVerb) => {
    const who = STAFF_ACTIONS[verb].who;
    return who.may(member, policy, read) ? ({ may: true } as const) : ({ may: false, whoCan: who.refusal(policy, read) } as const);
  };
  return { level: 'full', case: read, policy, timeline, letters, files, permission };
}

/** The case without why the complainant may be vulnerable, for a person below the handling role: no page can show it them. */
function unseenVulnerability(member: StaffMember, policy: Policy, c: Case): Case {
  if (!c.vulnerability || mayReadVulnerability(member, policy, c)) return c;
  const { vulnerability: _hidden, ...rest } = c;
  return rest;
}
