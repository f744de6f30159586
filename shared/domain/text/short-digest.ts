/**
 * A stable hex digest of a text, `length` characters long, for names that must fit a service's limit (a timer's
 * schedule name): the same text always gives the same name, and different texts in one case's names practically
 * never collide. Not for secrets or integrity (it is not cryptographic); pure, so the domain needs no node:crypto.
 */
export function shortDigest(text: string, length: number): string {
  let hex = '';
  for (let seed = 0; hex.length < length; seed++) hex += mix53(text, seed).toString(16).padStart(14, '0');
  return hex.slice(0, length);
}

/** cyrb53 (public domain): two 32-bit multiplicative hashes folded into 53 bits. */
function mix53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
