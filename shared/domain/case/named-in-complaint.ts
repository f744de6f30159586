import type { Policy } from '#domain/policy/policy-schema';
import type { Case } from './case.js';
import { roleTitle } from '#domain/policy/policy-lookups';

/** Where in a complaint a person was named. */
export type NamedWhere = 'subject' | 'body';

/** One role a complaint names, by which of the policy's words, and where the complainant wrote them. */
export interface NamedFinding {
  readonly role: string;
  /** The policy's own words that matched (never the complainant's text, which is theirs to shape). */
  readonly words: string;
  readonly where: NamedWhere;
}

/** The roles a complaint's own words name, each with where it was found; empty when it names none. */
export interface NamedInComplaint {
  readonly roles: readonly string[];
  readonly found: readonly NamedFinding[];
}

/**
 * How much of a body is read for names. Text is hostile and can be large: past this the handler reads the rest,
 * as they read everything. A complaint says whom it is about early (the first screenful), and a name first
 * written past 20,000 characters is rare enough to leave to the person reading it.
 */
export const NAMED_SCAN_CHARS = 20_000;
const SUBJECT_SCAN_CHARS = 998;

const HONORIFICS = '(?:mr|mrs|ms|miss|mx|dr)\\.?';
/** Marks a name to be matched after an honorific ("Ms Nir", "Dr. Nir"), never alone: a surname alone is often a word. */
const HONORIFICS_MARK = '\u0000';
/** A line that begins a quoted earlier message (a reply's quote header or a client's separator): the rest is not theirs. */
const QUOTE_SEPARATORS = [/^-{2,}\s*original message\s*-{2,}$/i, /^_{10,}$/, /^-- $/];
const REPLY_HEADER = /^on\b.{0,300}\bwrote:?$/i;
const FORWARDED_HEADERS = /^(sent|date|to|subject|cc):/i;
/**
 * The greeting a letter opens with, to its first comma, colon or line end: "Dear Shaked Nir," or "To the CEO:".
 * The policy tells complainants to write to the CEO by name (5.1), so whom they greet is whom they write to, not
 * whom they complain about. Only the first line that says anything, and only up to 80 characters.
 */
const GREETING = /^\s*(?:dear|hello|hi|to|attn:?|attention:?|fao:?|for the attention of)\s[^,:\n]{1,80}(?:[,:]|\n|$)/i;

/**
 * The complainant's own words in a message: up to the first quoted earlier message, without ">" lines. A reply
 * quotes our letters, which name the handler ("Our Chief Executive, Shaked Nir, will look into ..."): were the
 * quote read as theirs, every reply would be rerouted. Bounded to NAMED_SCAN_CHARS before any pattern runs.
 */
export function complaintOwnWords(text: string): string {
  const lines = text.slice(0, NAMED_SCAN_CHARS).split(/\r?\n/);
  const own: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (QUOTE_SEPARATORS.some((s) => s.test(line) || s.test(trimmed))) break;
    // "On Mon, 23 Nov 2026, Alumot <a@b> wrote:", which clients often wrap onto a second line.
    if (/^on\b/i.test(trimmed) && (REPLY_HEADER.test(trimmed) || REPLY_HEADER.test(`${trimmed} ${(lines[i + 1] ?? '').trim()}`))) break;
    // Outlook's quote: "From: ..." followed by Sent/To/Subject lines.
    if (/^from:\s/i.test(trimmed) && lines.slice(i + 1, i + 4).some((l) => FORWARDED_HEADERS.test(l.trim()))) break;
    if (trimmed.startsWith('>')) continue;
    own.push(line);
  }
  return own.join('\n').trim();
}

/**
 * The words by which a complaint names a role: its `namedAs`, its contact's name, their given name alone
 * ("Shaked refused to meet me": where unsure, keep it from them) and "Ms Surname"; none unless it has namedAs.
 */
export function namesOf(policy: Policy, roleId: string): readonly string[] {
  const role = policy.roles.find((r) => r.id === roleId);
  if (!role?.namedAs) return [];
  const name = role.contact?.name?.trim();
  const parts = name ? name.split(/\s+/) : [];
  const given = parts.length > 1 ? parts[0] : undefined;
  const surname = parts.length > 1 ? parts.at(-1) : undefined;
  return [...role.namedAs, ...(name ? [name] : []), ...(given ? [given] : []), ...(surname ? [`${HONORIFICS_MARK}${surname}`] : [])];
}

/** Letters from other scripts that look like Latin ones ("СЕО" in Cyrillic), read as the Latin they pass for. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', і: 'i', І: 'I',
  Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X', ο: 'o',
};

/**
 * A text as a reader sees it, for matching names: compatibility forms folded (full-width "ＣＥＯ" is "CEO"),
 * invisible characters removed, lookalike letters read as Latin, and dotted initials joined ("C.E.O." and
 * "C. E. O." are "CEO"). A complainant who disguises a name, or whose keyboard does, is still heard.
 */
export function asRead(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (ch) => LOOKALIKES[ch] ?? ch)
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:\.[ \t]?\p{L}(?![\p{L}\p{N}]))+\.?/gu, (initials) => initials.replace(/[^\p{L}]/gu, ''));
}

function pattern(term: string): RegExp {
  const honorific = term.startsWith(HONORIFICS_MARK);
  const words = term.replace(HONORIFICS_MARK, '').trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Whole words only, any case, any run of spaces or hyphens between them: "chief-executive", "SHAKED  NIR's".
  return new RegExp(`(?<![\\p{L}\\p{N}])${honorific ? `${HONORIFICS}[\\s\\u00a0]+` : ''}${words.join('[\\s\\u00a0-]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * How a term reads to staff: the policy's own words; for a surname, with the honorific that matched ("Ms Nir",
 * "Dr Nir"), spelt as the house spells it whatever the case or dot typed, so only the policy's words are quoted.
 */
function termWords(term: string, matched: string): string {
  if (!term.startsWith(HONORIFICS_MARK)) return term;
  const honorific = /^\p{L}+/u.exec(matched)?.[0].toLowerCase() ?? '';
  return `${honorific.charAt(0).toUpperCase()}${honorific.slice(1)} ${term.slice(1)}`;
}

/**
 * The policy's people that a complaint names in its subject or its own words (see complaintOwnWords): each role
 * with `namedAs`, by those words or its contact's name. Where a word names two roles, both are named: where unsure,
 * the complaint is kept from everyone it may be about. For each role and place, the first words found.
 */
export function namedInComplaint(policy: Policy, complaint: { readonly subject?: string; readonly text: string }): NamedInComplaint {
  const places: [NamedWhere, string][] = [
    ['subject', asRead((complaint.subject ?? '').slice(0, SUBJECT_SCAN_CHARS))],
    ['body', asRead(complaintOwnWords(complaint.text).replace(GREETING, ''))],
  ];
  const found: NamedFinding[] = [];
  for (const role of policy.roles) {
    const terms = namesOf(policy, role.id).map((term) => ({ term, re: pattern(term) }));
    if (terms.length === 0) continue;
    for (const [where, text] of places) {
      if (!text) continue;
      let first: { term: string; index: number; matched: string } | undefined;
      for (const { term, re } of terms) {
        const match = re.exec(text);
        if (match && (!first || match.index < first.index)) first = { term, index: match.index, matched: match[0] };
      }
      if (first) found.push({ role: role.id, words: termWords(first.term, first.matched), where });
    }
  }
  return { roles: [...new Set(found.map((f) => f.role))], found };
}

/**
 * Every role a complaint is about: the one chosen (the form, staff, the address it was sent to) and those its
 * words name, unless the handler undid that. Nothing about the case reaches any of them.
 */
export function rolesAbout(c: Pick<Case, 'about' | 'named'>): readonly string[] {
  const named = c.named && c.named.decided !== 'undone' ? c.named.roles : [];
  return [...new Set([...(c.about ? [c.about] : []), ...named])];
}

/** "names the Chief Executive (Shaked Nir): "Chief Executive" in the subject, "Shaked Nir" in the body". */
export function namedReason(policy: Policy, named: NamedInComplaint): string {
  const title = (id: string) => roleTitle(policy, id);
  const where = (f: NamedFinding) => `"${f.words}" in the ${f.where}`;
  return named.roles.map((id) => `names the ${title(id)}: ${named.found.filter((f) => f.role === id).map(where).join(', ')}`).join('; ');
}
