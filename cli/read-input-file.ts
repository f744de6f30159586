import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** A file named on the command line, or a one-line error saying why it cannot be read. */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
