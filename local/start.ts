/**
 * `npm start`: the whole pipeline on this machine. DynamoDB Local (data under .data/dynamodb), the SES
 * emulator and its viewer, SMTP intake and the HTTP front door, all on loopback. Ctrl-C stops everything.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { loadConfig } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { localRuntime } from '#composition/local-runtime';
import { powertoolsLog } from '#composition/powertools-log';
import { DateTime } from 'luxon';
import { runDueTimers } from './local-clock.js';
import { JavaMissingError, startDynamoDbLocal, type RunningServer } from './dynamodb-local.js';
import { startHttpServer } from './http-server.js';
import { startSesEmulator } from './ses-emulator.js';
import { startSmtpListener } from './smtp-listener.js';
import { formHandlerDeps } from '#composition/form-handler-deps';
import { formRoute } from './form-route.js';
import { statusRoute } from './status-route.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const config = loadConfig();
  const policies = loadPolicyDirectory(config.REDRESS_POLICIES_DIR);
  const log = powertoolsLog('redress-local', 'WARN');
  mkdirSync(config.REDRESS_DATA_DIR, { recursive: true });
  const running: RunningServer[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.reverse().map((s) => s.stop()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const dynamodbServer = await startDynamoDbLocal(config.REDRESS_DYNAMODB_PORT, join(config.REDRESS_DATA_DIR, 'dynamodb'));
    running.push(dynamodbServer);
    const ses = await startSesEmulator(config.REDRESS_SES_PORT);
    running.push(ses);
    const { dynamodb, rawMail, intake, timers: localTimers } = localRuntime(config, { policies, log });
    await ensureTable(dynamodb, config.REDRESS_TABLE);
    running.push(
      await startSmtpListener({
        port: config.REDRESS_SMTP_PORT,
        maxEmailBytes: config.REDRESS_MAX_EMAIL_BYTES,
        rawMail,
        intake,
        log,
        onDelivered: (rawKey, result) => {
          const what =
            result.status === 'in-progress'
              ? 'duplicate, already being taken in'
              : result.outcomes.map((o) => (o.kind === 'held' ? `held (${o.reason})` : `${o.kind} ${o.reference}`)).join(', ');
          console.log(`mail in: ${what}  [${rawKey}]`);
        },
      }),
    );
    const forms = formRoute(formHandlerDeps(config, intake, dynamodb, config.REDRESS_FORM_SECRET));
    running.push(
      await startHttpServer(config.REDRESS_HTTP_PORT, [forms, statusRoute(policies, config)], (e) => log.error('HTTP error', { error: e.message })),
    );

    // No EventBridge Scheduler locally: timers live in the store and this clock fires them when due, and
    // sends each organisation's digest once on a working day from 08:00.
    const tick = async () => {
      for (const f of await runDueTimers(localTimers, intake, new Date(), log)) {
        console.log(`timer: ${f.timer.input.reference} ${f.timer.input.purpose} ${f.timer.input.kind}: ${f.outcome}`);
      }
      const now = DateTime.now().setZone('Europe/London');
      if (now.hour >= 8) {
        for (const policy of policies.all) {
          if ((await intake.digest(policy.id, now)) === 'sent') console.log(`digest sent for ${policy.id}`);
        }
      }
    };
    const clock = setInterval(() => void tick().catch((e: Error) => log.error('local clock tick failed', { error: e.message })), config.REDRESS_TIMER_POLL_SECONDS * 1000);
    running.push({ endpoint: 'clock', stop: async () => clearInterval(clock) });

    console.log(`Redress is running locally.
  SMTP intake      smtp://localhost:${config.REDRESS_SMTP_PORT}  (mail to any policy's complaints address)
  HTTP             http://localhost:${config.REDRESS_HTTP_PORT}/  (complaint forms at /forms/<policy-id>)
  Sent mail        http://localhost:${config.REDRESS_SES_PORT}/  (SES emulator viewer; JSON at /store)
  DynamoDB Local   ${dynamodbServer.endpoint}  (data in ${join(config.REDRESS_DATA_DIR, 'dynamodb')})
  Raw mail         ${join(config.REDRESS_DATA_DIR, 'mail')}
  Policies         ${policies.all.map((p) => p.id).join(', ')}

Ready. In another terminal, send a sample complaint:
  npm run --silent redress -- send-sample
then: npm run --silent redress -- case list
Timers fire every ${config.REDRESS_TIMER_POLL_SECONDS} s when due; to jump ahead: npm run --silent redress -- clock run-due --now 2027-01-31T09:00:00Z
Ctrl-C stops everything.`);
  } catch (error) {
    await stopAll();
    if (error instanceof JavaMissingError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

await main();
