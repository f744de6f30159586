import { Hono } from 'hono';
import { HeldMessageNotFoundError } from '#application/ports/store-errors';
import type { StaffMember } from '#domain/access/staff-member';
import { ActionRefusedError } from '#domain/case/case-change';
import { consoleSessions, type ConsoleSessionSettings, type Session } from './console-session.js';
import { heldMailPage, type HeldMailPageDeps } from './held-mail-page.js';
import { formValues } from './posted-form.js';

/** What releasing held mail calls. */
export interface HeldReleaseDeps extends ConsoleSessionSettings, HeldMailPageDeps {
  readonly held: HeldMailPageDeps['held'] & {
    /** Takes a held message in as a complaint (to policyId, for mail that named no organisation): its case's reference. */
    release(member: StaffMember, id: string, policyId: string | undefined): Promise<{ reference: string }>;
  };
}

/**
 * Releasing held mail into a case (POST /console/held/<id>/release), from the console's held-mail page. A part of
 * its own, as on AWS it is a function of its own: it alone parses raw mail, so the console's pages never load the
 * mail parser and its character sets. The same session, origin and CSRF checks as every console form.
 */
export function heldReleaseApp(deps: HeldReleaseDeps): Hono {
  const app = new Hono();
  const sessions = consoleSessions(deps);
  const path = '/console/held/:id/release';
  sessions.guard(app, { pages: [path], posts: [path] });
  app.post(path, async (c) => {
    const s = (await sessions.read(c)) as Session;
    const form = formValues(await c.req.parseBody());
    try {
      const policy = typeof form.policy === 'string' && form.policy ? form.policy : undefined;
      const { reference } = await deps.held.release(sessions.memberOf(s), c.req.param('id'), policy);
      return c.redirect(`/console/held?released=${encodeURIComponent(reference)}`, 303);
    } catch (error) {
      if (error instanceof HeldMessageNotFoundError) return heldMailPage(c, deps, sessions, s, { problem: 'There is no such held message that you can see.' }, 404);
      if (error instanceof ActionRefusedError && error.hint.input === 'policyId') {
        return heldMailPage(c, deps, sessions, s, { problem: 'Choose whose complaint it is before releasing it: it was sent to an address no organisation uses, so Redress cannot tell which organisation it is for. Nothing was released.' }, 400);
      }
      if (error instanceof ActionRefusedError) return heldMailPage(c, deps, sessions, s, { problem: error.message }, 400);
      throw error;
    }
  });
  return app;
}
