import { DateTime } from 'luxon';
import type { ConsoleDeps } from '#adapters/http/console-app';
import { OidcSignIn } from '#adapters/http/oidc-sign-in';
import { caseToActOn } from '#application/console/case-to-act-on';
import { DryRunCases } from '#application/console/dry-run-cases';
import { morningView } from '#application/console/morning-view';
import { viewCase } from '#application/console/view-case';
import type { Cases } from '#application/ports/cases';
import type { Clock } from '#application/ports/clock';
import type { Counters } from '#application/ports/counters';
import type { Log } from '#application/ports/log';
import type { Outbox } from '#application/ports/outbox';
import type { Config } from '#config/config';
import { describePolicy } from '#domain/policy/describe-policy';
import type { PolicySet } from '#domain/policy/policy-set';
import { requiredSetting } from './required-setting.js';
import { settingsFrom } from './settings.js';
import { bindStaffActions } from './use-cases.js';

export interface ConsolePorts {
  readonly policies: PolicySet;
  readonly cases: Cases;
  readonly counters: Counters;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly log: Log;
}

/** The console's routes over their ports and secrets, the same locally and in Lambda. */
export function consoleDeps(config: Config, ports: ConsolePorts, secrets: { readonly clientSecret: string; readonly sessionSecret: string }): ConsoleDeps {
  const deps = { ...settingsFrom(config), ...ports };
  const publicUrl = requiredSetting(config.REDRESS_PUBLIC_URL, 'REDRESS_PUBLIC_URL', 'the front door staff sign in through');
  const base = publicUrl.replace(/\/+$/, '');
  return {
    signIn: new OidcSignIn({
      issuer: requiredSetting(config.REDRESS_OIDC_ISSUER, 'REDRESS_OIDC_ISSUER', 'the sign-in provider (Cognito)'),
      clientId: config.REDRESS_OIDC_CLIENT_ID,
      clientSecret: secrets.clientSecret,
      redirectUri: `${base}/console/callback`,
      postLogoutRedirectUri: `${base}/console/signed-out`,
      groupsClaim: config.REDRESS_OIDC_GROUPS_CLAIM,
    }),
    morning: (member) => morningView(deps, member, DateTime.fromJSDate(ports.clock.now())),
    viewCase: (member, reference) => viewCase(deps, member, reference, DateTime.fromJSDate(ports.clock.now())),
    actions: {
      authorize: (member, reference) => caseToActOn(deps, member, reference),
      live: bindStaffActions(deps),
      dryRun: () => {
        const cases = new DryRunCases(ports.cases);
        return { staff: bindStaffActions({ ...deps, cases }), decided: () => cases.decided() };
      },
    },
    policyText: (member, policyId) => (member.memberships.some((m) => m.policyId === policyId) && ports.policies.all.some((p) => p.id === policyId) ? describePolicy(ports.policies.get(policyId)) : undefined),
    sessionSecret: secrets.sessionSecret,
    sessionMinutes: config.REDRESS_SESSION_MINUTES,
    publicUrl,
    now: () => ports.clock.now(),
  };
}
