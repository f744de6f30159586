import type { ConsoleSessionSettings } from '#adapters/http/console-session';
import { secretValue } from '#adapters/secrets/secret-value';
import type { Clock } from '#application/ports/clock';
import type { Config } from '#config/config';
import { requiredSetting } from './required-setting.js';

/** How every part of the console reads its sessions, from the configuration and the key that signs them. */
export function consoleSessionSettings(config: Config, sessionSecret: string, clock: Clock): ConsoleSessionSettings {
  return {
    sessionSecret,
    publicUrl: requiredSetting(config.REDRESS_PUBLIC_URL, 'REDRESS_PUBLIC_URL', 'the front door staff sign in through'),
    now: () => clock.now(),
  };
}

/** The key that signs console sessions, from Secrets Manager (on AWS each console function reads the same secret). */
export function consoleSessionSecret(config: Config): Promise<string> {
  return secretValue(config.AWS_REGION, requiredSetting(config.REDRESS_SESSION_SECRET_ARN, 'REDRESS_SESSION_SECRET_ARN', 'the Secrets Manager secret that signs console sessions'));
}
