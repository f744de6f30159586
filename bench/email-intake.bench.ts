/**
 * Emails taken in per second end to end on the local stack (DynamoDB Local, raw mail on disk: parse,
 * classify, the case with its letters in the outbox), then the outbox sent through the SES emulator, against
 * mailparser's parse alone of the same messages in the same run.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { benchStack, countTransactions } from './bench-stack.js';

const CORPUS = new URL('../tests/corpus/', import.meta.url);

/** Person-written corpus messages, each made unique so that every delivery is a new complaint. */
function messages(count: number): Buffer[] {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', CORPUS), 'utf8')) as {
    emails: { file: string; expect: { autoReply: boolean; bounce: boolean; from: string | null } }[];
  };
  const written = manifest.emails.filter((e) => !e.expect.autoReply && !e.expect.bounce && e.expect.from);
  const raws = written.map((e) => readFileSync(new URL(`emails/${e.file}`, CORPUS), 'latin1'));
  return Array.from({ length: count }, (_, i) => {
    const raw = raws[i % raws.length] as string;
    // A fresh sender and Message-ID: one acknowledgement per sender per day would otherwise cap the run.
    const unique = `X-Bench: ${randomUUID()}\r\n` + raw.replace(/^(From:.*?)([\w.+-]+)@/im, `$1bench${i}.$2@`);
    return Buffer.from(unique, 'latin1');
  });
}

export async function emailIntakeBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log('email intake (issue 3)');
  const stack = await benchStack(endpoints);
  const { table, rawMail, useCases } = stack;
  const transactions = countTransactions(stack);

  const run = async (batch: Buffer[], concurrency: number) => {
    const keys = await Promise.all(
      batch.map(async (raw, i) => {
        const key = `inbound/bench/${randomUUID()}-${i}.eml`;
        await rawMail.put(key, raw);
        return key;
      }),
    );
    let next = 0;
    transactions.reset();
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < keys.length; i = next++) {
          const [outcome] = await useCases.takeEmail({
            rawKey: keys[i] as string,
            recipients: ['complaints@county-council.example'],
            receivedAt: new Date().toISOString(),
          });
          if (outcome?.kind !== 'case-opened') throw new Error(`bench message not opened: ${JSON.stringify(outcome)}`);
        }
      }),
    );
    const taken = batch.length / ((performance.now() - start) / 1000);
    const writesPerCase = transactions.count() / batch.length;
    const sendStart = performance.now();
    let sent = 0;
    for (;;) {
      const report = await useCases.sendDueLetters();
      sent += report.sent;
      if (report.sent + report.timersSet === 0) break;
    }
    return { taken, writesPerCase, lettersPerSecond: sent / ((performance.now() - sendStart) / 1000), sent };
  };

  await run(messages(20), 4); // warm-up: JIT, connections, table
  const count = 300;
  const sequential = await run(messages(count), 1);
  const parallel = await run(messages(count), 8);
  const crowd = await run(messages(count), 32);

  const batch = messages(count);
  for (const raw of batch.slice(0, 20)) await simpleParser(raw);
  const start = performance.now();
  for (const raw of batch) await simpleParser(raw);
  const parseOnly = count / ((performance.now() - start) / 1000);

  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  const writes = (r: { writesPerCase: number }) => `${r.writesPerCase.toFixed(2)} case writes a case`;
  console.log(`  taken in (250 answered), one at a time: ${fmt(sequential.taken)} emails/s, ${writes(sequential)} (${count} emails)`);
  console.log(`  taken in (250 answered), 8 at a time:   ${fmt(parallel.taken)} emails/s, ${writes(parallel)} (${count} emails)`);
  console.log(`  taken in (250 answered), 32 at a time:  ${fmt(crowd.taken)} emails/s, ${writes(crowd)} (${count} emails)`);
  console.log(`  outbox sender, their letters and timers after: ${fmt(parallel.lettersPerSecond)} letters/s (${parallel.sent} letters)`);
  console.log(`  baseline: mailparser simpleParser alone on the same messages: ${fmt(parseOnly)} emails/s`);
  console.log(`  taken in (8 at a time) as a share of parse alone: ${(parallel.taken / parseOnly).toFixed(3)}x`);
  table.client.destroy();
}
