#!/usr/bin/env node
/**
 * The staff and operator command line: `npm run --silent redress -- <verb>`. Each verb lives in
 * cli/commands/; this file only dispatches and turns the project's typed errors into one-line messages.
 */
import { CalendarRangeError } from '../shared/calendar/calendar-errors.js';
import { InstantError } from '../shared/calendar/parse-instant.js';
import { PolicyError, UnknownPolicyItemError } from '../shared/policy/policy-errors.js';
import { deadlinesCommand } from './commands/deadlines.js';
import { policyCheckCommand } from './commands/policy-check.js';
import { policyShowCommand } from './commands/policy-show.js';
import { UsageError } from './usage-error.js';

const HELP = `usage: npm run --silent redress -- <verb>

  policy check [FILE...]     validate policies (all of policies/ by default)
  policy show ID             a policy as a person reads it
  deadlines --policy ID --stage ID --event EVENT --at INSTANT
                             the deadlines an event starts, as JSON
`;

type Command = (args: string[]) => number;

const COMMANDS: Record<string, Command> = {
  'policy check': policyCheckCommand,
  'policy show': policyShowCommand,
  deadlines: deadlinesCommand,
};

function run(argv: string[]): number {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const two = argv.slice(0, 2).join(' ');
  const [name, rest] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0] as string, argv.slice(1)];
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown verb "${argv.join(' ')}"; run \`npm run redress -- help\``);
  return command(rest);
}

const KNOWN_ERRORS = [UsageError, InstantError, UnknownPolicyItemError, CalendarRangeError, PolicyError];

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  const known = KNOWN_ERRORS.some((type) => error instanceof type);
  const isArgError = error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
  if (!known && !isArgError) throw error;
  process.stderr.write(`redress: ${(error as Error).message.split('\n').join('\nredress: ')}\n`);
  process.exitCode = 2;
}
