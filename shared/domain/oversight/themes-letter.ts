import { DateTime } from 'luxon';
import { renderLetter, type Letter, type LetterSection } from '#domain/letters/letter';
import { organisationInText } from '#domain/policy/organisation-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { Theme, ThemeCheck, ThemeDimension, ThemeSettings } from './find-themes.js';
import { usualInWords } from './theme-judgement.js';

const NUMBER_WORDS: Readonly<Record<number, string>> = { 2: 'Two', 3: 'Three', 4: 'Four', 5: 'Five', 6: 'Six', 7: 'Seven', 8: 'Eight', 9: 'Nine' };

/** The most cases a theme lists by reference: a notice is read, not searched. */
const MOST_LISTED = 30;

/** How a theme is named in a heading: what the count is of. */
const DIMENSION_WORDS: Record<ThemeDimension, (name: string) => string> = {
  category: (name) => `${name} (category)`,
  team: (name) => `${name} (the team handling them)`,
  place: (name) => `"${name}" (where it happened, in the words given)`,
};

/** "7 November to 6 December 2026", "20 December 2026 to 18 January 2027": a span in words. */
export function spanInWords(from: string, to: string): string {
  const [a, b] = [DateTime.fromISO(from), DateTime.fromISO(to)];
  return a.year === b.year ? `${a.toFormat('d LLLL')} to ${b.toFormat('d LLLL yyyy')}` : `${a.toFormat('d LLLL yyyy')} to ${b.toFormat('d LLLL yyyy')}`;
}

/** "14 in the last 30 days; usually 4 (between 2 and 7)": a theme's figures. */
function figures(theme: Theme): string {
  return `${theme.judgement.count} in the last 30 days; ${usualInWords(theme.judgement.usual)}`;
}

/**
 * "Repairs (category): 14 in the last 30 days; usually 4 (between 2 and 7).": what is counted says what it is, since
 * a team's title ("The manager responsible for the service") alone does not.
 */
export function themeLine(theme: Theme): string {
  return `${DIMENSION_WORDS[theme.dimension](theme.name)}: ${figures(theme)}.`;
}

/** How "well above usual" was judged, in a sentence a person can check by hand. */
export function howJudged(check: Pick<ThemeCheck, 'windows'>, settings: ThemeSettings): string {
  const times = settings.deviations === 1 ? 'once' : settings.deviations === 2 ? 'twice' : `${settings.deviations} times`;
  return `How this is judged: each count of the last 30 days is compared with the counts of the ${check.windows} periods of 30 days before it (about ${Math.round((check.windows * 30) / 30.4)} months). A count is listed when it is at least ${settings.minimumCount} and higher than the average of those periods plus ${times} their usual variation (the standard deviation, or the square root of the average if that is larger, since even steady counts vary that much by chance).`;
}

/**
 * The weekly notice to the roles the report is for (LGSCO 9.4: look for themes and systemic issues): each
 * category, team or place well above its usual, with its figures and the cases behind it (their references and
 * where to open them; nothing of what any complaint says).
 */
export function themesLetter(policy: Policy, check: ThemeCheck, settings: ThemeSettings, openCase: (reference: string) => string): Letter {
  const count = check.themes.length;
  const things = count === 1 ? 'One thing has' : `${NUMBER_WORDS[count] ?? String(count)} things have`;
  const sections: LetterSection[] = [
    {
      paragraphs: [
        `${things} had far more complaints than usual in the last 30 days (${spanInWords(check.from, check.to)}) at ${organisationInText(policy)}:`,
        check.themes.map((t) => `- ${themeLine(t)}`).join('\n'),
        `This is a prompt to look, not a finding: a rise can have an ordinary cause. Please read the cases behind ${count === 1 ? 'it' : 'each one'} and decide whether there is a wider problem to put right.`,
      ],
    },
    ...check.themes.map((t) => ({
      heading: DIMENSION_WORDS[t.dimension](t.name),
      paragraphs: [
        `${figures(t)}. It would not have been listed at ${t.judgement.above} or fewer.`,
        `The ${t.references.length === 1 ? 'case' : `${t.references.length} cases`} behind it:\n${t.references.slice(0, MOST_LISTED).map((r) => `${r}: ${openCase(r)}`).join('\n')}${t.references.length > MOST_LISTED ? `\nand ${t.references.length - MOST_LISTED} more, received from ${spanInWords(check.from, check.to)}: find them in the console's case list.` : ''}`,
      ],
    })),
    { paragraphs: [howJudged(check, settings), 'Redress looks every week, on the first working day, and writes only when something is well above usual.'] },
  ];
  return renderLetter(`Complaints well above usual in the last 30 days: ${policy.organisation.name}`, sections);
}
