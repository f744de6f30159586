import { adjustmentName } from '#domain/adjustments/adjustment-kinds';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';

/** A reasonable adjustment as the anonymous report record keeps it: which, and when it was in force; never its words. */
export interface RecordedAdjustment {
  readonly kind: string;
  readonly agreedAt: string;
  readonly endedAt?: string;
}

/** The year's count of cases with a reasonable adjustment in force at any time in it, and of each adjustment. */
export interface AdjustmentFigures {
  readonly cases: number;
  readonly byKind: readonly { readonly kind: string; readonly count: number }[];
}

/** The case's adjustments for its report record (kind and dates only: the details may name a language or a person). */
export function recordedAdjustments(c: Pick<Case, 'adjustments'>): { adjustments?: readonly RecordedAdjustment[] } {
  const list = (c.adjustments ?? []).map((a) => ({ kind: a.kind, agreedAt: a.agreedAt, ...(a.endedAt ? { endedAt: a.endedAt } : {}) }));
  return list.length > 0 ? { adjustments: list } : {};
}

/**
 * Counts, over the records of a year, the cases with an adjustment in force at some time in it (agreed before the
 * year ended, and not ended before it began), once each, and each kind once per case. Records made before
 * adjustments were kept have none and count nothing. `year` is the year's bounds in milliseconds, [from, to).
 */
export function adjustmentFigures(records: readonly { readonly adjustments?: readonly RecordedAdjustment[] }[], year: { readonly from: number; readonly to: number }): AdjustmentFigures {
  const inForce = (a: RecordedAdjustment) => Date.parse(a.agreedAt) < year.to && (!a.endedAt || Date.parse(a.endedAt) >= year.from);
  const kindsOf = records.map((r) => new Set((r.adjustments ?? []).filter(inForce).map((a) => a.kind))).filter((kinds) => kinds.size > 0);
  const counts = new Map<string, number>();
  for (const kinds of kindsOf) for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return { cases: kindsOf.length, byKind: [...counts].map(([kind, count]) => ({ kind, count })) };
}

/** The report's rows for them: the cases, then each adjustment made in either year, by its name. */
export function adjustmentItems(policy: Policy, current: AdjustmentFigures | undefined, previous: AdjustmentFigures | undefined): { item: string; count: (f: AdjustmentFigures | undefined) => number }[] {
  const kinds = [...new Set([...(current?.byKind ?? []), ...(previous?.byKind ?? [])].map((k) => k.kind))];
  return [
    { item: 'Cases with a reasonable adjustment in force in the year', count: (f) => f?.cases ?? 0 },
    ...kinds.map((kind) => ({ item: adjustmentName(policy, kind), count: (f: AdjustmentFigures | undefined) => f?.byKind.find((k) => k.kind === kind)?.count ?? 0 })),
  ];
}
