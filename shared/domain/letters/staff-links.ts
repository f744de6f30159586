import type { Sending } from './addressing.js';

/**
 * Where a notice sends staff to open a case: its page in the console on the deployment's front door, or, with no
 * front door configured, the CLI command that shows it.
 */
export function openCaseLine(sending: Sending, reference: string, action?: string): string {
  if (!sending.pageBaseUrl) return action ? `npm run redress -- case ${action} ${reference}` : `Read it with: npm run redress -- case show ${reference}`;
  const url = `${sending.pageBaseUrl.replace(/\/+$/, '')}/console/cases/${reference}`;
  return action ? `${url}/actions/${action}` : `Open it in the console: ${url}`;
}

/** The console's own front page (the morning view, held mail), or nothing without a front door. */
export function consoleHome(sending: Sending): string | undefined {
  return sending.pageBaseUrl ? `${sending.pageBaseUrl.replace(/\/+$/, '')}/console` : undefined;
}
