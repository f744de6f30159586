import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { parseInstant } from '#domain/calendar/parse-instant';
import type { HeldMessage } from '#domain/mail/held-message';
import { oneLineSafe } from '#domain/text/display-safe';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

const OPTIONS = {
  policy: { type: 'string' },
  settled: { type: 'boolean' },
  operator: { type: 'boolean' },
  reason: { type: 'string' },
  confidential: { type: 'boolean' },
  at: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function parse(args: string[]) {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS, strict: true });
  return { positionals, values, at: values.at ? parseInstant(values.at) : DateTime.now(), actor: values.by ?? process.env.USER ?? 'staff' };
}

function line(h: HeldMessage): string {
  const settled = h.settled ? (h.settled.status === 'released' ? `released into ${h.settled.reference}` : `discarded: ${oneLineSafe(h.settled.reason)}`) : 'waiting';
  return [h.id, h.scope, h.receivedAt.slice(0, 16).replace('T', ' '), h.reason, settled, oneLineSafe(h.from ?? '-'), oneLineSafe(h.subject ?? '(no subject)')].join('\t');
}

/** `redress held list [--policy ID | --operator] [--settled] [--json]`: messages waiting for a person, newest first. */
export async function heldListCommand(args: string[]): Promise<number> {
  const { positionals, values } = parse(args);
  if (positionals.length > 0) throw new UsageError('usage: redress held list [--policy ID | --operator] [--settled] [--json]');
  return withStack(async ({ policies, useCases }) => {
    const scopes = values.policy ? [policies.get(values.policy).id] : values.operator ? ['operator'] : [...policies.all.map((p) => p.id), 'operator'];
    const held = (await Promise.all(scopes.map((s) => useCases.held.list(s, values.settled ? 'settled' : 'waiting')))).flat();
    if (values.json) process.stdout.write(JSON.stringify(held) + '\n');
    else if (held.length === 0) process.stdout.write(values.settled ? 'no held messages dealt with\n' : 'no held messages waiting\n');
    else for (const h of held) process.stdout.write(line(h) + '\n');
    return 0;
  });
}

/** `redress held release ID [--policy ID] [--confidential]`: the held message becomes a case; prints its reference. */
export async function heldReleaseCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parse(args);
  if (positionals.length !== 1) throw new UsageError('usage: redress held release ID [--policy ID] [--confidential] [--at INSTANT] [--by NAME] [--json]');
  return withStack(
    async ({ useCases }) => {
      const released = await useCases.held.release({ id: positionals[0] as string, at, actor, ...(values.policy ? { policyId: values.policy } : {}), confidential: Boolean(values.confidential) });
      if (values.json) process.stdout.write(JSON.stringify(released) + '\n');
      else process.stdout.write(`${released.held.id}: released into ${released.reference}\n`);
      return 0;
    },
    { sendLetters: true },
  );
}

/** `redress held discard ID --reason TEXT`: not a complaint; the reason is kept, and so is the raw message. */
export async function heldDiscardCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parse(args);
  if (positionals.length !== 1 || !values.reason) throw new UsageError('usage: redress held discard ID --reason TEXT [--at INSTANT] [--by NAME] [--json]');
  return withStack(async ({ useCases }) => {
    const held = await useCases.held.discard({ id: positionals[0] as string, at, actor, reason: values.reason as string });
    if (values.json) process.stdout.write(JSON.stringify(held) + '\n');
    else process.stdout.write(line(held) + '\n');
    return 0;
  });
}
