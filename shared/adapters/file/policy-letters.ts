import { DateTime } from 'luxon';
import { letterProblems } from '#domain/letters/letter-preview';
import type { PolicyProblem } from '#domain/policy/policy-errors';
import type { Policy } from '#domain/policy/policy-schema';

/** A policy's own letters, rendered and checked when its file loads: a problem is a policy problem like any other. */
export function letterProblemsOf(policy: Policy, file: string): PolicyProblem[] {
  return letterProblems(policy, DateTime.now()).map((p) => ({ file, path: `letters.${p.kind}`, message: p.message }));
}
