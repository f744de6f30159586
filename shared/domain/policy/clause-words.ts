import { DEPLOYMENT_DEFAULT_CLAUSE } from './policy-defaults.js';
import { listInWords } from '#domain/text/list-in-words';

/** A clause reference made of numbers ("2.3", "7.3, 7.4, 8.2", "2.2-2.4"), as most policies number theirs. */
const NUMBERED = /^\d+(\.\d+)*(\s*[,–-]\s*\d+(\.\d+)*)*$/;

/**
 * A rule's `clause` as a sentence names it. Most policies number their clauses ("clause 2.3", "clause 6.1,
 * 6.4"); a policy without numbers (the council's) gives its section headings instead, and "clause What is the
 * Corporate Complaints Procedure?" reads as nonsense: a heading is named as a section, in quotation marks.
 * Several headings are separated by semicolons in the policy file. Redress's own default (retention) says so in
 * its own words.
 */
export function clauseInWords(clause: string): string {
  const trimmed = clause.trim();
  if (trimmed === DEPLOYMENT_DEFAULT_CLAUSE) return trimmed;
  if (NUMBERED.test(trimmed)) return `clause ${trimmed}`;
  const headings = trimmed.split(';').map((h) => h.trim()).filter(Boolean);
  if (headings.length <= 1) return `section “${trimmed}”`;
  const quoted = headings.map((h) => `“${h}”`);
  return `sections ${listInWords(quoted, 'and')}`;
}
