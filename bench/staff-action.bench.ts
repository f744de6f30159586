/**
 * A staff action through `actOnCase` (issue 22: it reads its case once) on DynamoDB Local: the DynamoDB requests a
 * case note from a signed-in person makes, counted by middleware on the client, and its p50 and p95, beside a bare
 * GetItem of the same case item and a TransactWrite putting it back as read under its version check, the two taken in turn in the
 * same run. The stack runs as on AWS (no read after each transaction to wait for DynamoDB Local's commit).
 */
import { performance } from 'node:perf_hooks';
import { GetItemCommand, TransactWriteItemsCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DateTime } from 'luxon';
import { key } from '#adapters/dynamodb/table-design';
import { marshall } from '@aws-sdk/util-dynamodb';
import { benchStack } from './bench-stack.js';

const RUNS = 40;
const WARM_UP = 5;

function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number).toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

export async function staffActionBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log(`a staff action through actOnCase (issue 22), ${RUNS} of each taken in turn`);
  const stack = await benchStack(endpoints, {}, { awaitCommits: false });
  const client = stack.table.client;
  const table = stack.config.REDRESS_TABLE;
  const requests: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems?.length;
      requests.push(`${String(context.commandName).replace(/Command$/, '')}${items === undefined ? '' : ` of ${items} item${items === 1 ? '' : 's'}`}`);
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );

  await stack.rawMail.put('inbound/staff-action.eml', Buffer.from(['From: Bench Person <bench@example.net>', 'To: complaints@county-council.example', 'Subject: Bench complaint', 'Message-ID: <staff-action@example.net>', '', 'The library closed early again.', ''].join('\r\n')));
  const [opened] = await stack.useCases.takeEmail({ rawKey: 'inbound/staff-action.eml', recipients: [], receivedAt: new Date().toISOString() });
  if (opened?.kind !== 'case-opened') throw new Error(`the bench's complaint did not open a case: ${JSON.stringify(opened)}`);
  const reference = opened.reference;
  const actor = { kind: 'signed-in' as const, member: { id: 'bench', name: 'Bench Officer', email: 'officer@county-council.example', memberships: [{ policyId: 'county-council', role: 'customer-relations' }], operator: false } };

  const note = async (): Promise<void> => {
    const acted = await stack.useCases.act(actor, 'note', reference, { text: 'Called the complainant back.' }, { at: DateTime.now() });
    if (acted.outcome !== 'saved') throw new Error(`the note was not saved: ${acted.outcome}`);
  };
  // The baseline: the least a read-decide-write of this case can cost, the case item read and put back under its version.
  const bare = async (): Promise<void> => {
    const read = await client.send(new GetItemCommand({ TableName: table, Key: marshall(key.case(reference)), ConsistentRead: true }));
    const item = read.Item as Record<string, AttributeValue>;
    const version = Number((item.version as { N: string }).N);
    await client.send(
      new TransactWriteItemsCommand({
        // Put back as read (its version unchanged, so the staff action's own version check still holds).
        TransactItems: [{ Put: { TableName: table, Item: item, ConditionExpression: '#v = :expected', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(version) } } } }],
      }),
    );
  };

  for (let i = 0; i < WARM_UP; i++) {
    await note();
    await bare();
  }
  const counted = async (work: () => Promise<void>) => {
    requests.length = 0;
    await work();
    return [...requests];
  };
  const noteRequests = await counted(note);
  const bareRequests = await counted(bare);
  const times = { note: [] as number[], bare: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, work] of [['note', note], ['bare', bare]] as const) {
      const t = performance.now();
      await work();
      times[name].push(performance.now() - t);
    }
  }
  const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] as number;
  console.log(`  a case note through actOnCase (signed in):  ${noteRequests.length} requests (${noteRequests.join(', ')}), ${percentiles(times.note)}`);
  console.log(`  baseline: bare GetItem + TransactWrite:     ${bareRequests.length} requests (${bareRequests.join(', ')}), ${percentiles(times.bare)}`);
  console.log(`  ratio of p50s: ${(median(times.note) / median(times.bare)).toFixed(2)}x`);
  client.destroy();
}
