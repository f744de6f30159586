/** Why a message was held, in the words that follow who sent it and when. */
export const HELD_WHY: Record<string, string> = {
  'unknown-recipient': 'sent to an address no policy uses',
  unparseable: 'could not be read as an email',
  'too-large': 'over the size limit',
  'too-large-for-store': 'too large to store as a case',
  'quarantined-spam': 'judged spam by the mail service',
  'quarantined-virus': 'a virus was found in it',
  'auto-reply': 'an automatic reply',
  'possibly-automatic': 'perhaps automatic or bulk mail',
  'own-address': 'from one of our own addresses',
  'bounce-unmatched': 'a delivery report about no case',
  'staff-mail': 'staff mail that quotes no case',
  'staff-unverified': 'from a staff address the mail service could not confirm',
  'staff-notices-reply': 'sent to the staff-notices address by someone not known as staff',
  'staff-about': 'from the staff address of someone the case it quotes is about',
};
