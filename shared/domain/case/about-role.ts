import type { Case } from './case.js';
import { rolesAbout } from './named-in-complaint.js';

/**
 * Whom a complaint is about, when that is one of the policy's roles (the form and staff choose from them, or its
 * words name one): what an index may keep to hide the case from that role, never free words that could name
 * someone. The index keeps one role: the first (the chosen one, else the first its words name).
 */
export function aboutRoleOf(c: Pick<Case, 'about' | 'named'>): { readonly aboutRole?: string } {
  const role = rolesAbout(c).find((r) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(r));
  return role ? { aboutRole: role } : {};
}
