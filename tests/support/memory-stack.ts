import { MemoryStaffDirectory } from '#adapters/memory/memory-staff-directory';
import { MemoryCases } from '#adapters/memory/memory-cases';
import { MemoryCounters } from '#adapters/memory/memory-counters';
import { MemoryHeldMail } from '#adapters/memory/memory-held-mail';
import { MemoryMailReceipts } from '#adapters/memory/memory-mail-receipts';
import { MemoryMailer } from '#adapters/memory/memory-mailer';
import { MemoryMetrics } from '#adapters/memory/memory-metrics';
import { MemoryOutbox } from '#adapters/memory/memory-outbox';
import { MemoryRawMail } from '#adapters/memory/memory-raw-mail';
import { MemoryTables } from '#adapters/memory/memory-tables';
import { MemoryReportRecords } from '#adapters/memory/memory-report-records';
import { MemoryPendingActions } from '#adapters/memory/memory-pending-actions';
import { MemoryTimers } from '#adapters/memory/memory-timers';
import { MovableClock } from '#adapters/memory/movable-clock';
import type { IntakeOutcome, Verdicts } from '#application/intake/take-email';
import type { Log } from '#application/ports/log';
import { settingsFrom } from '#composition/settings';
import { bindUseCases, type Ports } from '#composition/use-cases';
import { loadConfig } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { seedPolicies } from './policies.js';
import { TEST_START } from './test-start.js';

/** A log that keeps what was said, so a test can assert that someone was told. */
export class RecordingLog implements Log {
  readonly lines: { level: string; message: string; extra?: Record<string, unknown> }[] = [];
  info(message: string, extra?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, ...(extra ? { extra } : {}) });
  }
  warn(message: string, extra?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, ...(extra ? { extra } : {}) });
  }
  error(message: string, extra?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, ...(extra ? { extra } : {}) });
  }
}

/**
 * Makes one method of a port fail the way a real service fails (an outage, a crash mid-way) for the calls
 * `when` picks: the next one by default. Every other call goes through to the real fake.
 */
export function faulty<T extends object>(port: T, method: keyof T & string, when: (call: number) => boolean = (n) => n === 1, error: () => Error = () => new Error(`injected fault in ${method}`)): T {
  let calls = 0;
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        calls++;
        if (when(calls)) throw error();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export interface MemoryStack {
  readonly tables: MemoryTables;
  readonly cases: MemoryCases;
  readonly counters: MemoryCounters;
  readonly heldMail: MemoryHeldMail;
  readonly outbox: MemoryOutbox;
  readonly reportRecords: MemoryReportRecords;
  readonly pendingActions: MemoryPendingActions;
  readonly timers: MemoryTimers;
  readonly rawMail: MemoryRawMail;
  readonly receipts: MemoryMailReceipts;
  readonly mailer: MemoryMailer;
  readonly clock: MovableClock;
  readonly log: RecordingLog;
  readonly metrics: MemoryMetrics;
  readonly staffDirectory: MemoryStaffDirectory;
  readonly policies: PolicySet;
  readonly useCases: ReturnType<typeof bindUseCases>;
  /** The same use cases over ports some of which a test replaced (with faulty ones, say). */
  withPorts(replace: Partial<Ports>): ReturnType<typeof bindUseCases>;
  /** Stores raw bytes as SES would and takes them in; `key` names the delivery (SES's message id). */
  deliver(raw: string, options?: { key?: string; recipients?: string[]; envelopeFrom?: string; receivedAt?: string; verdicts?: Verdicts }): Promise<IntakeOutcome[]>;
  /** Works through the outbox until nothing more is due. */
  drain(): Promise<void>;
}

/** Every port over memory fakes: the rules of intake and of the case lifecycle, tested in milliseconds. */
export function memoryStack(overrides: Record<string, string> = {}, policies: PolicySet = seedPolicies): MemoryStack {
  const tables = new MemoryTables();
  const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_OPERATOR_EMAIL: 'ops@redress.test', ...overrides });
  const ports = {
    policies,
    cases: new MemoryCases(tables),
    counters: new MemoryCounters(tables),
    heldMail: new MemoryHeldMail(tables),
    outbox: new MemoryOutbox(tables, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    reportRecords: new MemoryReportRecords(tables),
    pendingActions: new MemoryPendingActions(tables),
    timers: new MemoryTimers(),
    rawMail: new MemoryRawMail(),
    receipts: new MemoryMailReceipts(tables),
    mailer: new MemoryMailer(),
    clock: new MovableClock(new Date(TEST_START)),
    log: new RecordingLog(),
    metrics: new MemoryMetrics(),
    staffDirectory: new MemoryStaffDirectory(),
  };
  const settings = settingsFrom(config);
  const withPorts = (replace: Partial<Ports>) => bindUseCases({ ...ports, ...replace }, settings);
  const useCases = withPorts({});
  let n = 0;
  return {
    tables,
    ...ports,
    useCases,
    withPorts,
    async deliver(raw, options = {}) {
      const key = options.key ?? `inbound/${++n}.eml`;
      await ports.rawMail.put(key, Buffer.from(raw.replace(/\r?\n/g, '\r\n')));
      return useCases.takeEmail({
        rawKey: key,
        recipients: options.recipients ?? [],
        receivedAt: options.receivedAt ?? ports.clock.now().toISOString(),
        ...(options.envelopeFrom ? { envelopeFrom: options.envelopeFrom } : {}),
        ...(options.verdicts ? { verdicts: options.verdicts } : {}),
      });
    },
    async drain() {
      for (let i = 0; i < 20; i++) {
        const r = await useCases.sendDueLetters();
        if (r.sent + r.timersSet + r.failed + r.dead === 0) return;
      }
      throw new Error('the outbox did not settle in 20 runs');
    },
  };
}

/** A plain email, CRLF or not; headers as given. */
export function email(headers: string[], body = 'I am not happy with the service I received.'): string {
  return [...headers, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\n');
}

/** A multipart/mixed email: a text part, then each file as a base64 attachment. */
export function emailWithAttachments(headers: string[], text: string, files: readonly (readonly [name: string, type: string, content: string])[]): string {
  return [
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    text,
    ...files.flatMap(([name, type, content]) => ['--b', `Content-Type: ${type}; name="${name}"`, `Content-Disposition: attachment; filename="${name}"`, 'Content-Transfer-Encoding: base64', '', Buffer.from(content).toString('base64')]),
    '--b--',
    '',
  ].join('\n');
}
