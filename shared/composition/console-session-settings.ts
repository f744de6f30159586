import type { ConsoleSessionSettings } from '#adapters/http/console-session';
import { secretValue } from '#adapters/secrets/secret-value';
import { secretsClient } from './secrets-client.js';
import type { Clock } from '#application/ports/clock';
import type { StaffSessions } from '#application/ports/staff-sessions';
import type { Config } from '#config/config';
import { requiredSetting } from './required-setting.js';
import { readsOnlyReports } from '#domain/access/reads-only-reports';
import type { PolicySet } from '#domain/policy/policy-set';

/**
 * How every part of the console reads its sessions, from the configuration, the key that signs them and where they
 * are kept; with the policies, its pages offer no case list to a person who reads reports alone.
 */
export function consoleSessionSettings(config: Config, sessionSecret: string, sessions: StaffSessions, clock: Clock, policies?: Pick<PolicySet, 'all'>): ConsoleSessionSettings {
  // Cognito's sign-out is its own address (its discovery document names none); another provider's is at its issuer.
  const signOut = config.REDRESS_OIDC_LOGOUT_URL ?? requiredSetting(config.REDRESS_OIDC_ISSUER, 'REDRESS_OIDC_ISSUER', 'the sign-in provider, whose sign-out the console sends people on to');
  return {
    sessionSecret,
    sessions,
    publicUrl: requiredSetting(config.REDRESS_PUBLIC_URL, 'REDRESS_PUBLIC_URL', 'the front door staff sign in through'),
    signOutOrigin: new URL(signOut).origin,
    now: () => clock.now(),
    ...(policies ? { readsOnlyReports: (member) => readsOnlyReports(member, policies.all) } : {}),
  };
}

/** The key that signs console sessions, from Secrets Manager (on AWS each console function reads the same secret). */
export function consoleSessionSecret(config: Config): Promise<string> {
  return secretValue(secretsClient(config), requiredSetting(config.REDRESS_SESSION_SECRET_ARN, 'REDRESS_SESSION_SECRET_ARN', 'the Secrets Manager secret that signs console sessions'));
}
