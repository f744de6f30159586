/** A refusal's hint in the CLI's words: the flag to give, or the command to run instead. */
import { describe, expect, it } from 'vitest';
import { refusalHint } from '#cli/refusal-hint';

describe('refusal hints in the CLI', () => {
  it('names the flag for an input, with the value it needs where there is one', () => {
    expect(refusalHint({ input: 'summary' })).toBe('--summary TEXT');
    expect(refusalHint({ input: 'remedies', value: 'apology' })).toBe('--remedy apology');
    expect(refusalHint({ input: 'confirmedInWriting' })).toBe('--confirmed-in-writing');
  });

  it('names the command to run instead, on the case', () => {
    expect(refusalHint({ instead: 'reopen', reference: 'ALU-2026-0001' })).toBe('npm run redress -- case reopen ALU-2026-0001 --reason TEXT');
    expect(refusalHint({ instead: 'extend', reference: 'CCC-2026-0002' })).toBe('npm run redress -- case extend CCC-2026-0002 respond DATE --reason TEXT');
  });

  it('says nothing it does not know', () => {
    expect(refusalHint({})).toBeUndefined();
    expect(refusalHint({ input: 'no-such-input' })).toBeUndefined();
  });
});
