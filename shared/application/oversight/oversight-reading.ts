import { DateTime } from 'luxon';
import { indexedAbout } from '#domain/case/about-role';
import { addressesOf } from '#domain/case/route-case';
import type { Sending } from '#domain/letters/addressing';
import type { Policy } from '#domain/policy/policy-schema';
import type { ReportRecord } from '#domain/reporting/report-record';
import type { ReportRecords } from '../ports/report-records.js';

/**
 * The anonymous report records of every year from `from` to `to` (London dates), each case once: one query of
 * small items per year (the reporting index), never the cases themselves. A case active in two years has a
 * record in each; the newer is kept.
 */
export async function recordsBetween(reportRecords: ReportRecords, policyId: string, from: string, to: string): Promise<ReportRecord[]> {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const perYear = await Promise.all(years.map((y) => reportRecords.ofYear(policyId, y)));
  const byReference = new Map<string, ReportRecord>();
  for (const records of perYear) for (const r of records) byReference.set(r.reference, r);
  return [...byReference.values()];
}

/** Records a mailbox may be told of: never a complaint about whoever reads it (as the digest keeps them). */
export function recordsFor(policy: Policy, records: readonly ReportRecord[], address: string): ReportRecord[] {
  const theirs = (about: string) => addressesOf(policy, about).has(address.toLowerCase());
  return records.filter((r) => !indexedAbout(r).some(theirs));
}

/** Where a notice sends staff to open one case: its console page, or the CLI command without a front door. */
export function caseLink(sending: Sending, reference: string): string {
  return sending.pageBaseUrl ? `${sending.pageBaseUrl.replace(/\/+$/, '')}/console/cases/${reference}` : `npm run --silent redress -- case show ${reference}`;
}

/** The Monday (ISO date) of the week a day is in. */
export function mondayOf(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).startOf('week').toISODate() as string;
}
