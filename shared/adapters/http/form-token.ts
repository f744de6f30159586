import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The form's start time, signed with a server secret, so that a submission made faster than a person could
 * fill the form (a bot) can be told apart, and the token cannot be forged or moved to another organisation.
 */
export function issueFormToken(secret: string, policyId: string, issuedAt: number): string {
  return `${issuedAt}.${sign(secret, policyId, issuedAt)}`;
}

export type TokenCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'invalid' | 'too-fast' | 'expired' };

export function checkFormToken(
  secret: string,
  policyId: string,
  token: string,
  now: number,
  limits: { minFillSeconds: number; maxAgeSeconds: number },
): TokenCheck {
  const [issued, signature] = token.split('.');
  const issuedAt = Number(issued);
  if (!issued || !signature || !Number.isSafeInteger(issuedAt)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(secret, policyId, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = (now - issuedAt) / 1000;
  if (age < limits.minFillSeconds) return { ok: false, reason: 'too-fast' };
  if (age > limits.maxAgeSeconds) return { ok: false, reason: 'expired' };
  return { ok: true };
}

function sign(secret: string, policyId: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${policyId}:${issuedAt}`).digest('base64url');
}
