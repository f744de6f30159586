import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Reads a secret's string value once (at cold start), then lets the client go; a missing value fails loudly rather
 * than signing with nothing.
 */
export async function secretValue(client: SecretsManagerClient, secretArn: string): Promise<string> {
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!result.SecretString) throw new Error(`secret ${secretArn} has no string value`);
    return result.SecretString;
  } finally {
    client.destroy();
  }
}
