import type { StaffSessions } from '#application/ports/staff-sessions';

/** Console sessions in memory, with DynamoDbStaffSessions' rules: live until ended or past their end. */
export class MemoryStaffSessions implements StaffSessions {
  private readonly sessions = new Map<string, number>();

  async open(id: string, _who: string, expiresAt: number): Promise<void> {
    this.sessions.set(id, expiresAt);
  }

  async isLive(id: string, now: number): Promise<boolean> {
    return (this.sessions.get(id) ?? 0) > now;
  }

  async end(id: string): Promise<void> {
    this.sessions.delete(id);
  }
}
