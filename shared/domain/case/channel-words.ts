import type { Channel, PreferredChannel } from './case.js';

/** How a complaint came, as staff read it on a case and in a form. */
export const CHANNEL_WORDS: Readonly<Record<Channel, string>> = {
  email: 'By email',
  web: 'On the web form',
  phone: 'By telephone',
  letter: 'By letter',
  'in-person': 'In person',
};

/** How a complainant asked to be written to. */
export const PREFERRED_WORDS: Readonly<Record<PreferredChannel, string>> = {
  email: 'By email',
  post: 'By post',
  phone: 'By telephone',
};
