/**
 * `npm start`: the whole pipeline on this machine. DynamoDB Local (data under .data/dynamodb), the SES
 * emulator and its viewer, SMTP intake and the HTTP front door, all on loopback, plus the two loops AWS runs
 * for us: the outbox sender and the clock that fires timers and the morning digest. Ctrl-C stops everything.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { composeLocalStack } from '#composition/local-stack';
import { powertoolsLog } from '#composition/powertools-log';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { LONDON } from '#domain/calendar/working-calendar';
import { JavaMissingError, startDynamoDbLocal, type RunningServer } from './dynamodb-local.js';
import { frontDoorRoutes } from './front-door.js';
import { startLocalSignIn } from './oidc-provider.js';
import { localStaffDirectory } from './staff-directory.js';
import { startHttpServer } from './http-server.js';
import { runDueTimers } from './local-clock.js';
import { startSesEmulator } from './ses-emulator.js';
import { startSmtpListener } from './smtp-listener.js';
import { repeatEvery } from './repeat-every.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const config = loadConfig();
  const policies = loadPolicyDirectory(config.REDRESS_POLICIES_DIR, policyDefaultsFrom(config));
  const log = powertoolsLog('redress-local', 'WARN');
  // Complaints are personal data: the data folder is readable by its owner only (and made so if it was not).
  mkdirSync(config.REDRESS_DATA_DIR, { recursive: true, mode: 0o700 });
  chmodSync(config.REDRESS_DATA_DIR, 0o700);
  const running: RunningServer[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.reverse().map((s) => s.stop()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const dynamodbServer = await startDynamoDbLocal(config.REDRESS_DYNAMODB_PORT, join(config.REDRESS_DATA_DIR, 'dynamodb'));
    running.push(dynamodbServer);
    running.push(await startSesEmulator(config.REDRESS_SES_PORT));
    const stack = composeLocalStack(config, { policies, log });
    const { useCases } = stack;
    await ensureTable(stack.table.client, config.REDRESS_TABLE);

    // The outbox sender: on AWS the table's stream wakes it; here it runs every few seconds and right after
    // each message or form that was taken in.
    const outbox = repeatEvery(config.REDRESS_OUTBOX_POLL_SECONDS * 1000, async () => {
      const report = await useCases.sendDueLetters();
      if (report.sent + report.timersSet + report.failed + report.dead > 0) {
        console.log(`outbox: ${report.sent} sent, ${report.timersSet} timer changes, ${report.failed} to retry, ${report.dead} given up, ${report.waiting} waiting`);
      }
    }, (e) => log.error('outbox run failed; it will run again', { error: e.message }));
    running.push({ endpoint: 'outbox', stop: async () => outbox.stop() });

    running.push(
      await startSmtpListener({
        port: config.REDRESS_SMTP_PORT,
        maxEmailBytes: config.REDRESS_MAX_EMAIL_BYTES,
        maxRecipients: config.REDRESS_SMTP_MAX_RECIPIENTS,
        rawMail: stack.rawMail,
        noteReceipt: useCases.noteMailReceipt,
        take: useCases.takeReceivedEmail,
        log,
        now: () => stack.clock.now(),
        onDelivered: (rawKey, outcomes) => {
          console.log(`mail in: ${outcomes.map((o) => (o.kind === 'held' ? `held (${o.reason})` : `${o.kind} ${o.reference}`)).join(', ')}  [${rawKey}]`);
          outbox.nudge();
        },
      }),
    );
    const staff = localStaffDirectory(config.REDRESS_LOCAL_STAFF_FILE as string, policies);
    running.push(await startLocalSignIn(stack.config, staff));
    running.push(await startHttpServer(config.REDRESS_HTTP_PORT, frontDoorRoutes(stack, () => outbox.nudge()), (e) => log.error('HTTP error', { error: e.message })));

    // No EventBridge Scheduler locally: timers live in the store and this clock fires them when due, sweeps
    // raw mail never taken in, and queues each organisation's digest once on a working day from the digest hour (and in January, where the
    // policy asks, the year's annual report, once; the weekly themes notice and the quarterly summary likewise).
    const clock = repeatEvery(config.REDRESS_TIMER_POLL_SECONDS * 1000, async () => {
      for (const f of await runDueTimers(stack.localTimers, useCases.fireTimer, stack.clock.now(), log)) {
        console.log(`timer: ${f.timer.input.reference} ${f.timer.input.purpose} ${f.timer.input.kind}: ${f.outcome}`);
      }
      // Raw mail stored and never taken in (a crash, a copy): one index query, usually empty.
      const unclaimed = await useCases.sweepUnclaimedMail();
      if (unclaimed.kept + unclaimed.destroyed + unclaimed.failed > 0) console.log(`unclaimed mail: ${unclaimed.kept} kept, ${unclaimed.destroyed} destroyed, ${unclaimed.failed} to retry`);
      const now = DateTime.fromJSDate(stack.clock.now()).setZone(LONDON);
      if (now.hour >= config.REDRESS_DIGEST_HOUR) {
        for (const policy of policies.all) {
          if ((await useCases.sendDigest(policy.id, now)) === 'sent') console.log(`digest queued for ${policy.id}`);
          if ((await useCases.sendAnnualReport(policy.id, now)) === 'sent') console.log(`annual report queued for ${policy.id}`);
          if ((await useCases.sendThemes(policy.id, now)) === 'sent') console.log(`themes notice queued for ${policy.id}`);
          if ((await useCases.sendQuarterlySummary(policy.id, now)) === 'sent') console.log(`quarterly summary queued for ${policy.id}`);
        }
      }
      outbox.nudge();
    }, (e) => log.error('local clock tick failed', { error: e.message }));
    running.push({ endpoint: 'clock', stop: async () => clock.stop() });

    console.log(`Redress is running locally.
  SMTP intake      smtp://localhost:${config.REDRESS_SMTP_PORT}  (mail to any policy's complaints address)
  HTTP             http://localhost:${config.REDRESS_HTTP_PORT}/  (complaint forms at /forms/<policy-id>; each complainant's page at /cases/<token>, linked from their letters)
  Staff console    ${config.REDRESS_PUBLIC_URL}/console  (signed in through the local provider at ${config.REDRESS_OIDC_ISSUER})
  Sent mail        http://localhost:${config.REDRESS_SES_PORT}/  (SES emulator viewer; JSON at /store)
  DynamoDB Local   ${dynamodbServer.endpoint}  (data in ${join(config.REDRESS_DATA_DIR, 'dynamodb')})
  Raw mail         ${join(config.REDRESS_DATA_DIR, 'mail')}
  Signing keys     ${join(config.REDRESS_DATA_DIR, 'secrets.json')}  (made on first start, the owner's alone; unless set in the environment)
  Policies         ${policies.all.map((p) => p.id).join(', ')}

Staff (local only; edit ${config.REDRESS_LOCAL_STAFF_FILE} to add people or roles):
${staff.map((p) => `  ${p.username.padEnd(44)} ${p.password}  ${p.groups.join(', ')}`).join('\n')}

Ready. In another terminal, send a sample complaint:
  npm run --silent redress -- send-sample
then: npm run --silent redress -- case list
Letters go out every ${config.REDRESS_OUTBOX_POLL_SECONDS} s (waiting ones: npm run --silent redress -- outbox list).
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
