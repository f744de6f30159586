import type { Case } from './case.js';
import { rolesAbout } from './named-in-complaint.js';

/**
 * Whom a complaint is about, when that is one of the policy's roles (the form and staff choose from them, or its
 * words name one): what an index may keep to hide the case from that role, never free words that could name
 * someone. The index keeps one role: the first (the chosen one, else the first its words name).
 */
export function aboutRoleOf(c: Pick<Case, 'about' | 'named'>): { readonly aboutRole?: string; readonly aboutRoles?: readonly string[] } {
  const roles = rolesAbout(c).filter((r) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(r));
  if (roles.length === 0) return {};
  // aboutRole as before (records already stored carry only it); aboutRoles only when there are more.
  return roles.length === 1 ? { aboutRole: roles[0] as string } : { aboutRole: roles[0] as string, aboutRoles: roles };
}

/** Every role an index record says its complaint is about: never shown to any of them. */
export function indexedAbout(r: { readonly aboutRole?: string; readonly aboutRoles?: readonly string[] }): string[] {
  return [...new Set([...(r.aboutRole ? [r.aboutRole] : []), ...(r.aboutRoles ?? [])])];
}
