/** Message-IDs compared without angle brackets or case: "<A@B>" and "a@b" are one thread key. */
export function threadKey(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '').toLowerCase();
}

/** Every Message-ID in a header value such as References. */
export function messageIdsIn(text: string): string[] {
  return [...text.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => threadKey(m[1] as string));
}

/** SES rewrites Message-IDs to <provider-id@region.amazonses.com>; replies may quote that form. */
export function providerThreadKey(providerMessageId: string): string {
  return `provider:${providerMessageId.toLowerCase()}`;
}

export function providerThreadKeyFor(messageId: string): string | undefined {
  const key = threadKey(messageId);
  const at = key.indexOf('@');
  return at > 0 && key.slice(at + 1).endsWith('amazonses.com') ? providerThreadKey(key.slice(0, at)) : undefined;
}
