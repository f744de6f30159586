/** Domains whose mail service documents that dots in the name before the "@" are ignored: one mailbox, however dotted. */
const DOTS_IGNORED = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address delivers to, as far as a sender can choose variants of it: what "one sender" means for
 * the one-acknowledgement-a-day limit. Case is set aside (no mail service in practice tells Jo@ from jo@), and so
 * is a "+tag" (Gmail, Outlook.com, iCloud, Fastmail, Proton and most hosted mail deliver jo+1@ to jo@). For
 * Gmail the dots go too, and googlemail.com is gmail.com: Google documents both as the same mailbox, so j.o@gmail.com
 * and jo@googlemail.com would otherwise be a way to send one person a letter for each variant. Other domains' dots
 * are kept: there they name different people (jo.smith@ and josmith@ at a council are two). This key only counts;
 * letters still go to the address as given.
 */
export function mailboxKey(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  const domain = lower.slice(at + 1);
  let local = lower.slice(0, at);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTS_IGNORED.has(domain)) return `${local.replace(/\./g, '')}@gmail.com`;
  return `${local}@${domain}`;
}
