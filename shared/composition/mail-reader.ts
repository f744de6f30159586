import { StreamingMailReader } from '#adapters/mail/streaming-mail-reader';
import type { RawMail } from '#application/ports/raw-mail';
import type { Settings } from './settings.js';

/** The reader of stored raw mail, over whichever raw-mail store the entry point built, bounded by the settings. */
export function mailReaderFor(rawMail: RawMail, settings: Pick<Settings, 'limits' | 'bounceScanBytes'>): StreamingMailReader {
  return new StreamingMailReader(rawMail, settings.limits, settings.bounceScanBytes);
}
