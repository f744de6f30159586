/**
 * `npm run bench`: every benchmark, figures printed, each with a baseline measured in the same run. The
 * intake benchmarks start their own DynamoDB Local (in memory) and SES emulator on free loopback ports.
 * `npm run bench -- web-form email-intake` runs only the parts named.
 */
import { freePort } from '#local/free-port';
import { startDynamoDbLocal } from '#local/dynamodb-local';
import { startSesEmulator } from '#local/ses-emulator';
import { costBenchmark } from './cost.bench.js';
import { deadlinePlansBenchmark } from './deadline-plans.bench.js';
import { emailIntakeBenchmark } from './email-intake.bench.js';
import { houseBenchmark } from './house.bench.js';
import { morningBenchmark } from './morning.bench.js';
import { staffActionBenchmark } from './staff-action.bench.js';
import { timersAndDigestBenchmark } from './timers-and-digest.bench.js';
import { webFormBenchmark } from './web-form.bench.js';

type Servers = { dynamodb: string; ses: string };
const parts: Record<string, (servers: Servers) => Promise<void>> = {
  house: houseBenchmark,
  'email-intake': emailIntakeBenchmark,
  'web-form': webFormBenchmark,
  'timers-and-digest': timersAndDigestBenchmark,
  cost: costBenchmark,
  morning: morningBenchmark,
  'staff-action': staffActionBenchmark,
};
const named = process.argv.slice(2);
const unknown = named.filter((n) => n !== 'deadline-plans' && !(n in parts));
if (unknown.length > 0) throw new Error(`no benchmark called ${unknown.join(', ')}: name some of deadline-plans, ${Object.keys(parts).join(', ')}`);
const chosen = (name: string) => named.length === 0 || named.includes(name);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
console.log(`node ${process.version}, ${new Date().toISOString()}`);
if (chosen('deadline-plans')) deadlinePlansBenchmark();

const running = Object.entries(parts).filter(([name]) => chosen(name));
if (running.length > 0) {
  const [dynamodb, ses] = await Promise.all([startDynamoDbLocal(await freePort()), startSesEmulator(0)]);
  try {
    for (const [, run] of running) await run({ dynamodb: dynamodb.endpoint, ses: ses.endpoint });
  } finally {
    await Promise.all([dynamodb.stop(), ses.stop()]);
  }
}
