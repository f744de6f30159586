import { describe, expect, it } from 'vitest';
import { cognitoLogoutUrl } from '#adapters/http/oidc-sign-in';
import { consoleHome, openCaseLine } from '#domain/letters/staff-links';

describe('where notices send staff', () => {
  const sending = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test' };

  it('to the case in the console on the front door, and to one of its actions', () => {
    const withDoor = { ...sending, pageBaseUrl: 'https://complaints.example.org/' };
    expect(openCaseLine(withDoor, 'ALU-2026-0001')).toBe('Open it in the console: https://complaints.example.org/console/cases/ALU-2026-0001');
    expect(openCaseLine(withDoor, 'ALU-2026-0001', 'escalate')).toBe('https://complaints.example.org/console/cases/ALU-2026-0001/actions/escalate');
    expect(consoleHome(withDoor)).toBe('https://complaints.example.org/console');
  });

  it('to the CLI where there is no front door', () => {
    expect(openCaseLine(sending, 'ALU-2026-0001')).toBe('Read it with: npm run redress -- case show ALU-2026-0001');
    expect(openCaseLine(sending, 'ALU-2026-0001', 'escalate')).toBe('npm run redress -- case escalate ALU-2026-0001');
    expect(consoleHome(sending)).toBeUndefined();
  });
});

describe("signing out of Cognito, whose discovery publishes no end-session endpoint", () => {
  it('goes to its logout address with the client and where to come back to', () => {
    expect(cognitoLogoutUrl('https://redress-1234.auth.eu-west-2.amazoncognito.com/logout', 'abc123', 'https://x.execute-api.eu-west-2.amazonaws.com/console/signed-out')).toBe(
      'https://redress-1234.auth.eu-west-2.amazoncognito.com/logout?client_id=abc123&logout_uri=https%3A%2F%2Fx.execute-api.eu-west-2.amazonaws.com%2Fconsole%2Fsigned-out',
    );
  });
});
