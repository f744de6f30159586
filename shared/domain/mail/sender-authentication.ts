/** The receiving service's verdicts on who sent a message (SES's receipt); absent where none was made (local SMTP). */
export interface AuthenticationVerdicts {
  readonly spf?: string;
  readonly dkim?: string;
  readonly dmarc?: string;
}

/** failed: the From's domain was shown not to have sent it; passed: DMARC showed it did; unchecked: neither. */
export type SenderAuthentication = 'failed' | 'passed' | 'unchecked';

/**
 * What the verdicts say of the From address. DMARC is the verdict about the From domain itself (SPF or DKIM passing
 * for that domain), so its PASS stands even where SPF failed on the way (a forwarder) and its FAIL stands alone.
 * Without a DMARC verdict (a domain with no DMARC policy is GRAY), an SPF or DKIM FAIL is a failure.
 */
export function senderAuthentication(verdicts: AuthenticationVerdicts | undefined): SenderAuthentication {
  if (!verdicts) return 'unchecked';
  if (verdicts.dmarc === 'FAIL') return 'failed';
  if (verdicts.dmarc === 'PASS') return 'passed';
  if (verdicts.spf === 'FAIL' || verdicts.dkim === 'FAIL') return 'failed';
  return 'unchecked';
}
