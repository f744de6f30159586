/** One thing wrong in a policy file, located as precisely as the file allows. */
export interface PolicyProblem {
  readonly file: string;
  /** 1-based line in the file, when the problem points at a value that exists. */
  readonly line?: number;
  /** Where inside the policy, e.g. "stages[1].deadlines[0].unit"; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export function formatProblem(p: PolicyProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** A policy (or set of policies) that cannot be used: fix the files named, then run `redress policy check`. */
export class PolicyError extends Error {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PolicyError';
  }
}

/** A lookup for a policy, stage or event that the loaded policies do not have. */
export class UnknownPolicyItemError extends Error {
  constructor(
    readonly item: 'policy' | 'stage' | 'event' | 'role' | 'out-of-scope matter' | 'letter kind',
    readonly value: string,
    readonly known: readonly string[],
  ) {
    super(`unknown ${item} "${value}"; known: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownPolicyItemError';
  }
}
