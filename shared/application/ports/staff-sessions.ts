/**
 * The console's sessions as the server knows them: a session's id is kept from sign-in until sign-out (or its
 * end), and a signed cookie opens the console only while its id is here. So signing out ends the session for a
 * copy of the cookie too, and an operator can end one by removing it.
 */
export interface StaffSessions {
  /** Records a session, live until `expiresAt` (epoch milliseconds); `who` is the provider's subject, for operators. */
  open(id: string, who: string, expiresAt: number): Promise<void>;
  /** Whether the session is live at `now`: recorded, not ended and not past its end. One read by key. */
  isLive(id: string, now: number): Promise<boolean>;
  /** Ends the session; ending one that is not there (already ended, or expired and removed) is not an error. */
  end(id: string): Promise<void>;
}
