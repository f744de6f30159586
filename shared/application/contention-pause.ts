/**
 * A short, random pause before re-deciding a write that lost a race (another intake took the next reference,
 * another writer changed the case): spread out, the contenders stop colliding. Grows with the attempt, capped.
 */
export function contentionPause(attempt: number, capMs = 200): Promise<void> {
  const ms = Math.random() * Math.min(capMs, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
