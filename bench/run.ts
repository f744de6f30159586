/**
 * `npm run bench`: every benchmark, figures printed, each with a baseline measured in the same run. The
 * intake benchmarks start their own DynamoDB Local (in memory) and SES emulator on free loopback ports.
 */
import { freePort } from '#local/free-port';
import { startDynamoDbLocal } from '#local/dynamodb-local';
import { startSesEmulator } from '#local/ses-emulator';
import { costBenchmark } from './cost.bench.js';
import { deadlinePlansBenchmark } from './deadline-plans.bench.js';
import { emailIntakeBenchmark } from './email-intake.bench.js';
import { houseBenchmark } from './house.bench.js';
import { timersAndDigestBenchmark } from './timers-and-digest.bench.js';
import { webFormBenchmark } from './web-form.bench.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
console.log(`node ${process.version}, ${new Date().toISOString()}`);
deadlinePlansBenchmark();

const [dynamodb, ses] = await Promise.all([startDynamoDbLocal(await freePort()), startSesEmulator(0)]);
try {
  await houseBenchmark({ dynamodb: dynamodb.endpoint, ses: ses.endpoint });
  await emailIntakeBenchmark({ dynamodb: dynamodb.endpoint, ses: ses.endpoint });
  await webFormBenchmark({ dynamodb: dynamodb.endpoint, ses: ses.endpoint });
  await timersAndDigestBenchmark({ dynamodb: dynamodb.endpoint, ses: ses.endpoint });
  await costBenchmark({ dynamodb: dynamodb.endpoint, ses: ses.endpoint });
} finally {
  await Promise.all([dynamodb.stop(), ses.stop()]);
}
