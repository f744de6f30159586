import * as z from 'zod/mini';

const address = z.email();

/** Whether text is one email address, by the same rule the policy files and the web form use. */
export function isEmailAddress(text: string): boolean {
  return address.safeParse(text).success;
}
