import { createHash, randomBytes } from 'node:crypto';

/** A new page token: 256 random bits, URL-safe (43 characters). Nobody can guess one or work it out from a reference. */
export function newPageToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The key a page is found by: the token's SHA-256, so that the store's keys (seen in logs, metrics and backups)
 * never hold a token that opens a page.
 */
export function pageKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
