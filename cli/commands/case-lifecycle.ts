import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { Case } from '#domain/case/case';
import { parseInstant } from '#domain/calendar/parse-instant';
import { CaseNotFoundError } from '#application/ports/store-errors';
import { pageAddress } from '#domain/letters/addressing';
import { caseJson } from '#cli/commands/case-json';
import { withStack, type StackContext } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';
import { clauseInWords } from '#domain/policy/clause-words';

const CHANNELS = ['phone', 'letter', 'in-person'] as const;

/** Every option any case verb takes; each verb checks the ones it needs (../shared/conventions/case-actions.md, cli/commands/case-verbs.ts). */
const OPTIONS = {
  at: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean' },
  reason: { type: 'string' },
  grounds: { type: 'string' },
  'respond-by': { type: 'string' },
  'by-post-or-phone': { type: 'boolean' },
  offered: { type: 'string' },
  held: { type: 'boolean' },
  summary: { type: 'string' },
  lessons: { type: 'string' },
  'what-upheld': { type: 'string' },
  'what-not-upheld': { type: 'string' },
  remedy: { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  due: { type: 'string', multiple: true },
  'confirmed-in-writing': { type: 'boolean' },
  agreed: { type: 'boolean' },
  policy: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  address: { type: 'string' },
  about: { type: 'string' },
  channel: { type: 'string' },
  confidential: { type: 'boolean' },
  new: { type: 'boolean' },
  revoke: { type: 'boolean' },
  to: { type: 'string' },
  subject: { type: 'string' },
  text: { type: 'string' },
  file: { type: 'string' },
  letter: { type: 'string' },
  on: { type: 'string' },
  'postal-address': { type: 'string' },
  review: { type: 'string' },
  clear: { type: 'boolean' },
  prefers: { type: 'string' },
  'content-type': { type: 'string' },
  description: { type: 'string' },
  category: { type: 'string' },
  // Restrictions on contact (case restrict, restriction-review, restriction-lift).
  scope: { type: 'string' },
  open: { type: 'string', multiple: true },
  'contact-name': { type: 'string' },
  'contact-role': { type: 'string' },
  'review-on': { type: 'string' },
  note: { type: 'string' },
} as const;

/** The options of every case verb, `--at` as an instant (default now) and `--by` (default $USER). */
export function parseCaseArgs(args: string[]) {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS, strict: true });
  const at = values.at ? parseInstant(values.at) : DateTime.now();
  return { positionals, values, at, actor: values.by ?? process.env.USER ?? 'staff' };
}

export type CaseValues = ReturnType<typeof parseCaseArgs>['values'];

/** A case as a case verb prints it: one line and its pending deadlines, or with `--json` as `case show --json`. */
export async function printCase(ctx: StackContext, c: Case, json: boolean): Promise<number> {
  if (json) {
    process.stdout.write(JSON.stringify(caseJson(c, await ctx.outbox.ofCase(c.reference))) + '\n');
    return 0;
  }
  process.stdout.write(`${c.reference}: ${c.status}${c.closure ? ` (${c.closure})` : ''}, stage ${c.stage}, handled by ${c.handlerRole}\n`);
  for (const d of c.deadlines.filter((x) => x.status === 'pending')) process.stdout.write(`  ${d.kind} by ${d.dueDate} (${d.rule}, ${clauseInWords(d.clause)})\n`);
  return 0;
}

/** `redress case open --policy ID --name N ... --summary TEXT`: a complaint by phone, letter or in person; prints the new reference. */
export async function caseOpenCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parseCaseArgs(args);
  const channel = values.channel ?? 'phone';
  if (positionals.length > 0 || !values.policy || !values.name || !values.summary || !(CHANNELS as readonly string[]).includes(channel)) {
    throw new UsageError(
      'usage: redress case open --policy ID --name N [--email E] [--phone P] [--address A] --summary TEXT [--about ROLE] [--channel phone|letter|in-person] [--confidential] [--at INSTANT] [--by NAME] [--json]',
    );
  }
  return withStack(
    async (ctx) => {
      const opened = await ctx.useCases.staff.open({
        policyId: values.policy as string,
        at,
        actor,
        name: values.name as string,
        summary: values.summary as string,
        channel: channel as (typeof CHANNELS)[number],
        confidential: Boolean(values.confidential),
        ...(values.email ? { email: values.email } : {}),
        ...(values.phone ? { phone: values.phone } : {}),
        ...(values.address ? { address: values.address } : {}),
        ...(values.about ? { about: values.about } : {}),
      });
      const c = await ctx.cases.get(opened.reference);
      if (values.json && c) return printCase(ctx, c, true);
      process.stdout.write(`${opened.reference}\n`);
      return 0;
    },
    { sendLetters: true },
  );
}

/**
 * `redress case page REF [--new | --revoke]`: the address of the complainant's own page (to give them by phone,
 * or to post), a new address that replaces it, or the page taken down.
 */
export async function casePageCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parseCaseArgs(args);
  if (positionals.length !== 1 || (values.new && values.revoke)) throw new UsageError('usage: redress case page REF [--new | --revoke] [--at INSTANT] [--by NAME]');
  const reference = (positionals[0] as string).toUpperCase();
  return withStack(async (ctx) => {
    const request = { reference, at, actor };
    const c = values.new ? await ctx.useCases.staff['page-new'](request) : values.revoke ? await ctx.useCases.staff['page-revoke'](request) : await ctx.cases.get(reference);
    if (!c) throw new CaseNotFoundError(reference);
    const base = ctx.config.REDRESS_PUBLIC_URL;
    if (!c.page) process.stdout.write(`${reference}: no page (make one with case page ${reference} --new)\n`);
    else process.stdout.write(base ? `${pageAddress(base, c.page.token)}\n` : `${reference}: the page's address needs REDRESS_PUBLIC_URL\n`);
    return 0;
  });
}

/**
 * `redress case attach REF --file PATH [--description TEXT] [--content-type TYPE]`: a scanned letter or notes of a
 * call stored as an email's attachment is and recorded on the case (`attach` in the staff-action catalogue).
 */
export async function caseAttachCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parseCaseArgs(args);
  if (positionals.length !== 1 || !values.file) throw new UsageError('usage: redress case attach REF --file PATH [--description TEXT] [--content-type TYPE] [--at INSTANT] [--by NAME] [--json]');
  const path = values.file;
  const content = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const reference = (positionals[0] as string).toUpperCase();
  return withStack(async (ctx) => {
    const acted = await ctx.useCases.attach({ kind: 'command-line', name: actor }, reference, { filename: basename(path), contentType: values['content-type'] ?? contentTypeOf(path), content, ...(values.description ? { description: values.description } : {}) }, { at });
    if (acted.outcome === 'refused') throw acted.refusal;
    return printCase(ctx, acted.case, Boolean(values.json));
  });
}

/** The type a scan or a note usually is, by its name; anything else is bytes. */
function contentTypeOf(path: string): string {
  const types: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', tif: 'image/tiff', tiff: 'image/tiff', txt: 'text/plain', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  return types[extname(path).slice(1).toLowerCase()] ?? 'application/octet-stream';
}
