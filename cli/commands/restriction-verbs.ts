import type { CaseValues } from '#cli/commands/case-lifecycle';
import type { CliVerb } from '#cli/commands/case-verbs';

const none = (p: string[]) => p.length === 0;

/** `redress case restrict | restriction-review | restriction-lift`, appended to the case verbs. */
export const RESTRICTION_CLI_VERBS: {
  readonly restrict: CliVerb<'restrict'>;
  readonly 'restriction-review': CliVerb<'restriction-review'>;
  readonly 'restriction-lift': CliVerb<'restriction-lift'>;
} = {
  restrict: {
    usage: 'restrict REF --reason TEXT --scope TEXT --open email|post|phone|in-person... --contact-name NAME --contact-role ROLE --review-on YYYY-MM-DD [--email E] [--name N]',
    help: `  case restrict REF --reason TEXT --scope TEXT --open CHANNEL... --contact-name NAME
            --contact-role ROLE --review-on DATE [--email E] [--name N]
                             restrict how the complainant (or --email/--name) contacts us: why, what is
                             limited, the channels left open (--open email, post, phone, in-person), one
                             point of contact, a review date; writes to them. Only a role above the handler.
                             Their mail is still taken in, kept on the case and sent to the point of contact
`,
    fits: (p, v: CaseValues) => none(p) && Boolean(v.reason && v.scope && v['contact-name'] && v['contact-role'] && v['review-on']),
    input: (_r, v) => ({
      ...(v.email ? { email: v.email } : {}),
      ...(v.name ? { name: v.name } : {}),
      reason: v.reason ?? '',
      scope: v.scope ?? '',
      channels: v.open ?? [],
      contactName: v['contact-name'] ?? '',
      contactRole: v['contact-role'] ?? '',
      reviewOn: v['review-on'] ?? '',
    }),
  },
  'restriction-review': {
    usage: 'restriction-review REF --review-on YYYY-MM-DD --note TEXT [--open CHANNEL...]',
    help: `  case restriction-review REF --review-on DATE --note TEXT [--open CHANNEL...]
                             the restriction was reviewed and is kept (the channels may change); writes to them
`,
    fits: (p, v) => none(p) && Boolean(v['review-on'] && v.note),
    input: (_r, v) => ({ reviewOn: v['review-on'] ?? '', note: v.note ?? '', ...(v.open?.length ? { channels: v.open } : {}) }),
  },
  'restriction-lift': {
    usage: 'restriction-lift REF [--note TEXT]',
    help: '  case restriction-lift REF [--note TEXT]\n                             the restriction ends; writes to them\n',
    fits: none,
    input: (_r, v) => ({ ...(v.note ? { note: v.note } : {}) }),
  },
};
