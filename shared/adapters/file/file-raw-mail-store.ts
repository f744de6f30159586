import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open as openFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RawMail } from '#application/ports/raw-mail';

/** Complaints are personal data: folders and files are readable by their owner only. */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** A message being written: renamed to its key once whole. */
const PARTIAL = '.partial';

/** Raw mail on local disk (npm start, tests): <root>/<key>, attachments under <root>/attachments/<key>/. */
export class FileRawMailStore implements RawMail {
  constructor(private readonly root: string) {}

  async put(key: string, content: Uint8Array): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
    // wx: a raw message is written once and never overwritten.
    await writeFile(path, content, { flag: 'wx', mode: FILE_MODE }).then(() => synced(path), (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }

  async putStream(key: string, content: Readable): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
    // Written beside its key and renamed into place once on disk, as S3 stores an object whole or not at all: a
    // crash part-way leaves no message under the key, only the partial file, which delete() takes too.
    const partial = `${path}${PARTIAL}`;
    await pipeline(content, createWriteStream(partial, { flags: 'w', mode: FILE_MODE }));
    // Stored means on disk: the SMTP listener answers 250 only after this returns.
    await synced(partial);
    await stat(path).then(
      () => {
        throw Object.assign(new Error(`raw mail ${key} is already stored`), { code: 'EEXIST' });
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
    await rename(partial, path);
  }

  async size(key: string): Promise<number> {
    return (await stat(this.path(key))).size;
  }

  async open(key: string): Promise<Readable> {
    await stat(this.path(key));
    return createReadStream(this.path(key));
  }

  async putAttachment(rawKey: string, index: number, filename: string, content: Readable): Promise<string> {
    const key = `attachments/${rawKey}/${index}-${safeName(filename)}`;
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
    await pipeline(content, createWriteStream(path, { mode: FILE_MODE }));
    return key;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
    await rm(`${this.path(key)}${PARTIAL}`, { force: true });
  }

  async keysUnder(prefix: string): Promise<string[]> {
    const folder = this.path(prefix);
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const root = resolve(this.root);
    return entries.filter((e) => e.isFile() && !e.name.endsWith(PARTIAL)).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/')).sort();
  }

  private path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`raw mail key ${key} points outside the store`);
    return join(path);
  }
}

async function synced(path: string): Promise<void> {
  const handle = await openFile(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** File names from mail are untrusted: keep letters, digits, dot, dash and underscore. */
export function safeName(filename: string): string {
  return filename.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || 'attachment';
}
