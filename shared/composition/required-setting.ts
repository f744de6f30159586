import { ConfigError } from '#config/config';

/** A setting an entry point cannot run without on AWS (the CDK stack sets it): missing, the cold start fails naming it. */
export function requiredSetting(value: string | undefined, name: string, what: string): string {
  if (!value) throw new ConfigError(`${name} must be set: ${what} (the CDK stack sets it)`);
  return value;
}
