import { randomBytes } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand cannot be mistaken.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * New secrets for the letter that asks to confirm a typed address: a link token of 256 random bits (43 URL-safe
 * characters), and a code of 50 random bits as two groups of five ("7KQ2M-9XD4H") for a reply to carry. Guessing
 * the code means sending of the order of 10^14 forged replies.
 */
export function newAddressCheck(): { token: string; code: string } {
  // 32 divides 256, so each byte's low five bits are uniform over the alphabet.
  const code = [...randomBytes(10)].map((b) => ALPHABET[b & 31]).join('');
  return { token: randomBytes(32).toString('base64url'), code: `${code.slice(0, 5)}-${code.slice(5)}` };
}
