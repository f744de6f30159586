import type { Case } from './case.js';

/**
 * Whom a complaint is about, when that is one of the policy's roles (the form and staff choose from them): what an
 * index may keep to hide the case from that role, never free words that could name someone.
 */
export function aboutRoleOf(c: Pick<Case, 'about'>): { readonly aboutRole?: string } {
  return c.about && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.about) ? { aboutRole: c.about } : {};
}
