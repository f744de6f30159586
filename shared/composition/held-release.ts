import { DateTime } from 'luxon';
import type { HeldReleaseDeps } from '#adapters/http/held-release-app';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbStaffSessions } from '#adapters/dynamodb/dynamodb-staff-sessions';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import { systemClock } from '#adapters/clock/system-clock';
import { heldFor, heldToRelease } from '#application/console/held-access';
import { releaseHeld } from '#application/held/release-held';
import type { Cases } from '#application/ports/cases';
import type { Clock } from '#application/ports/clock';
import type { StaffSessions } from '#application/ports/staff-sessions';
import type { Counters } from '#application/ports/counters';
import type { HeldMail } from '#application/ports/held-mail';
import type { Log } from '#application/ports/log';
import type { Metrics } from '#application/ports/metrics';
import type { RawMail } from '#application/ports/raw-mail';
import type { Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { casesTable } from './cases-table.js';
import { consoleSessionSecret, consoleSessionSettings } from './console-session-settings.js';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { s3Client } from './s3-client.js';
import { mailReaderFor } from './mail-reader.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

export interface HeldReleasePorts {
  readonly policies: PolicySet;
  readonly staffSessions: StaffSessions;
  readonly heldMail: HeldMail;
  readonly rawMail: RawMail;
  readonly cases: Cases;
  readonly counters: Counters;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
}

/** Releasing held mail over its ports, the same locally and in Lambda. */
export function heldReleaseDeps(config: Config, ports: HeldReleasePorts, sessionSecret: string): HeldReleaseDeps {
  const settings = settingsFrom(config);
  const deps = { ...settings, ...ports, mailReader: mailReaderFor(ports.rawMail, settings) };
  return {
    ...consoleSessionSettings(config, sessionSecret, ports.staffSessions, ports.clock),
    held: {
      list: (member) => heldFor(deps, member),
      release: async (member, id, policyId) => {
        await heldToRelease(deps, member, id, policyId);
        return releaseHeld(deps, { id, at: DateTime.fromJSDate(ports.clock.now()), actor: member.email ?? member.name, ...(policyId ? { policyId } : {}) });
      },
    },
    organisations: ports.policies.all.map((p) => ({ id: p.id, name: p.organisation.name, stages: p.stages.map((st) => ({ id: st.id, name: st.name })) })),
  };
}

/** The held-mail release function: held mail and cases in DynamoDB, raw mail in S3, the session key from Secrets Manager. */
export async function composeHeldRelease(config: Config) {
  const table = casesTable(config);
  const log = powertoolsLog('redress-held-release');
  const metrics = new PowertoolsMetrics('redress-held-release');
  const ports: HeldReleasePorts = {
    policies: deployedPolicies(config),
    staffSessions: new DynamoDbStaffSessions(table),
    heldMail: new DynamoDbHeldMail(table),
    rawMail: new S3RawMailStore(s3Client(config), requiredSetting(config.REDRESS_RAW_MAIL_BUCKET, 'REDRESS_RAW_MAIL_BUCKET', 'the bucket held raw mail is released from')),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    clock: systemClock,
    log,
    metrics,
  };
  return { deps: heldReleaseDeps(config, ports, await consoleSessionSecret(config)), log, metrics };
}
