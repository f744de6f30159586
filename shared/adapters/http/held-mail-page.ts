import type { Context } from 'hono';
import type { StaffMember } from '#domain/access/staff-member';
import type { HeldMessage } from '#domain/mail/held-message';
import { html } from './console/html.js';
import type { ConsoleSessions, Session } from './console-session.js';

/** What the held-mail page shows: the messages a person may settle, and the organisations to name them by. */
export interface HeldMailPageDeps {
  readonly held: { list(member: StaffMember): Promise<{ scope: string; messages: HeldMessage[] }[]> };
  /** The organisations of the deployment, for naming them and for releasing mail that named none. */
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly stages: readonly { readonly id: string; readonly name: string }[] }[];
}

/** The held-mail page, after a release or a discard (done) or with what stopped one (problem). */
export async function heldMailPage(c: Context, deps: HeldMailPageDeps, sessions: ConsoleSessions, s: Session, extra: { done?: string; problem?: string } = {}, status: 200 | 400 | 404 = 200): Promise<Response> {
  const groups = await deps.held.list(sessions.memberOf(s));
  const name = (scope: string) => (scope === 'operator' ? 'Sent to no organisation' : (deps.organisations.find((o) => o.id === scope)?.name ?? scope));
  return c.html(html.held({ signed: sessions.signed(s), groups: groups.map((g) => ({ ...g, name: name(g.scope) })), policies: deps.organisations, ...extra }), status);
}
