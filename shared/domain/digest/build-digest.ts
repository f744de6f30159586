import { DateTime } from 'luxon';
import type { Case, CaseDeadline } from '#domain/case/case';
import { LONDON } from '#domain/calendar/working-calendar';
import { dateInWords } from '#domain/letters/dates-in-words';
import { renderLetter, type Letter, type LetterSection } from '#domain/letters/letter';
import type { Policy } from '#domain/policy/policy-schema';

export interface DigestLine {
  readonly reference: string;
  readonly text: string;
}

export interface Digest {
  readonly policyId: string;
  readonly date: string;
  readonly sections: readonly { readonly heading: string; readonly lines: readonly DigestLine[] }[];
}

const KIND_WORDS: Record<string, string> = {
  acknowledge: 'acknowledge',
  meet: 'meet the complainant',
  respond: 'respond',
  'respond-max': 'respond (limit)',
  'appeal-window': 'appeal window ends',
  'external-escalation-window': 'outside-body window ends',
  retention: 'destroy records',
};

/**
 * One organisation's morning view of its open cases: overdue, due today, due this week, new since yesterday,
 * awaiting acknowledgement, awaiting signature. A confidential case shows its reference and "confidential" only.
 * Undefined when there is nothing to say.
 */
export function buildDigest(policy: Policy, openCases: readonly Case[], now: DateTime): Digest | undefined {
  const today = now.setZone(LONDON).startOf('day');
  const todayIso = today.toISODate() as string;
  const todayMs = Date.parse(`${todayIso}T00:00:00Z`);
  const weekEnd = today.plus({ days: 7 }).toISODate() as string;
  const since = now.minus({ hours: 24 }).toISO() as string;
  const stageName = (id: string) => policy.stages.find((s) => s.id === id)?.name ?? id;
  const line = (c: Case, d?: CaseDeadline): DigestLine => {
    if (c.confidential) return { reference: c.reference, text: `${c.reference}: confidential` };
    if (!d) return { reference: c.reference, text: `${c.reference}: ${stageName(c.stage)}, received ${c.receivedAt.slice(0, 10)}` };
    // Whole calendar days between two dates: UTC midnights, so no clock change can make a day 23 or 25 hours.
    const days = Math.round((Date.parse(`${d.dueDate}T00:00:00Z`) - todayMs) / 86_400_000);
    const left = days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : days === 0 ? 'due today' : `${days} day${days === 1 ? '' : 's'} left`;
    return { reference: c.reference, text: `${c.reference}: ${stageName(c.stage)}, ${KIND_WORDS[d.kind] ?? d.kind} by ${dateInWords(d.dueDate)} (${left})` };
  };
  const byDue = (a: { d: CaseDeadline }, b: { d: CaseDeadline }) => a.d.dueDate.localeCompare(b.d.dueDate);
  const deadlines = openCases.flatMap((c) => c.deadlines.filter((d) => d.kind !== 'retention').map((d) => ({ c, d })));
  const overdue = deadlines.filter(({ d }) => (d.status === 'pending' || d.status === 'missed') && d.dueDate < todayIso && !d.kind.endsWith('window')).sort(byDue);
  const dueToday = deadlines.filter(({ d }) => d.status === 'pending' && d.dueDate === todayIso).sort(byDue);
  const thisWeek = deadlines.filter(({ d }) => d.status === 'pending' && d.dueDate > todayIso && d.dueDate <= weekEnd).sort(byDue);
  const fresh = openCases.filter((c) => c.receivedAt >= since).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const awaitingAck = openCases.filter((c) => c.deadlines.some((d) => d.kind === 'acknowledge' && (d.status === 'pending' || d.status === 'missed')));
  const awaitingSignature = openCases.filter((c) => c.status === 'awaiting-signature');

  const sections = [
    { heading: 'Overdue', lines: overdue.map(({ c, d }) => line(c, d)) },
    { heading: 'Due today', lines: dueToday.map(({ c, d }) => line(c, d)) },
    { heading: 'Due this week', lines: thisWeek.map(({ c, d }) => line(c, d)) },
    { heading: 'New since yesterday', lines: fresh.map((c) => line(c)) },
    { heading: 'Awaiting acknowledgement', lines: awaitingAck.map((c) => line(c, c.deadlines.find((d) => d.kind === 'acknowledge'))) },
    { heading: 'Awaiting signature', lines: awaitingSignature.map((c) => line(c)) },
  ].filter((s) => s.lines.length > 0);
  return sections.length > 0 ? { policyId: policy.id, date: todayIso, sections } : undefined;
}

export function digestLetter(policy: Policy, digest: Digest): Letter {
  const counts = digest.sections.map((s) => `${s.heading.toLowerCase()}: ${s.lines.length}`).join('; ');
  const sections: LetterSection[] = [
    { paragraphs: [`${policy.organisation.name}, open complaints on ${dateInWords(digest.date)}. ${counts}.`] },
    ...digest.sections.map((s) => ({ heading: `${s.heading} (${s.lines.length})`, paragraphs: s.lines.map((l) => l.text) })),
  ];
  return renderLetter(`Complaints digest for ${dateInWords(digest.date)}: ${policy.organisation.name}`, sections);
}
