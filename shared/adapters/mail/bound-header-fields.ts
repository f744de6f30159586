import { Transform, type TransformCallback } from 'node:stream';

/**
 * The most of any one field of a message's own header section that is read: its first 64 KB and its last 4 KB. The
 * mail parser refuses a header section over 1 MB, so a 1 MB subject made the whole message unreadable, and a
 * complaint that could never be released into a case. No real field comes near it (RFC 5322 lines stop at 998
 * characters; a long References field is a few KB), and a case keeps only the first 998 bytes of a subject; the raw
 * message stays whole in the store. The end is kept because that is where an address field keeps its address, after
 * however long a display name.
 */
export const HEADER_FIELD_BOUND = { head: 64 * 1024, tail: 4 * 1024 } as const;

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const HT = 0x09;
/** Where the middle of a field was left out. */
const ELIDED = Buffer.from(' [...] ');

/**
 * Passes a raw message through with each over-long field of its top-level header section shortened to its first
 * `head` bytes, " [...] " and its last `tail` bytes (the line breaks within the part left out go too, which unfolds
 * it; the break that ends the field is kept). Everything after the header section, the body and every MIME part,
 * passes untouched.
 */
export class BoundHeaderFields extends Transform {
  private inHeader = true;
  private lineStart = true;
  private lineBytes = 0;
  private fieldBytes = 0;
  private cutting = false;
  /** The last `tail` bytes of the field being cut, as a ring. */
  private readonly ring: Buffer;
  private ringEnd = 0;
  /** How many bytes past the head the field has had: more than the ring holds means some were left out. */
  private beyondHead = 0;
  /** The line break that ends a field being cut, written once the next line shows the field is over. */
  private pendingBreak: number[] = [];

  constructor(private readonly bound: { readonly head: number; readonly tail: number } = HEADER_FIELD_BOUND) {
    super();
    this.ring = Buffer.alloc(bound.tail);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.inHeader) {
      done(null, chunk);
      return;
    }
    const kept: number[] = [];
    let i = 0;
    for (; i < chunk.length && this.inHeader; i++) {
      const byte = chunk[i] as number;
      if (this.lineStart && byte !== CR) {
        this.lineStart = false;
        const continues = byte === SP || byte === HT;
        // A continuation line of a field being cut goes into the ring; its line break replaces the one before it.
        if (continues && this.cutting) this.pendingBreak = [];
        else if (!continues) this.endField(kept);
      }
      if (byte === LF || byte === CR) {
        if (this.cutting) this.pendingBreak.push(byte);
        else kept.push(byte);
        if (byte === LF) {
          const blank = this.lineBytes === 0;
          this.lineStart = true;
          this.lineBytes = 0;
          if (blank) {
            this.endField(kept);
            this.inHeader = false;
          }
        }
        continue;
      }
      this.lineBytes++;
      if (this.cutting) this.remember(byte);
      else if (++this.fieldBytes > this.bound.head) {
        this.cutting = true;
        this.remember(byte);
      } else kept.push(byte);
    }
    const head = Buffer.from(kept);
    done(null, i < chunk.length ? Buffer.concat([head, chunk.subarray(i)]) : head);
  }

  override _flush(done: TransformCallback): void {
    const kept: number[] = [];
    this.endField(kept);
    done(null, kept.length ? Buffer.from(kept) : undefined);
  }

  private remember(byte: number): void {
    this.beyondHead++;
    if (this.ring.length === 0) return;
    this.ring[this.ringEnd] = byte;
    this.ringEnd = (this.ringEnd + 1) % this.ring.length;
  }

  /** A field ends: one past its head gets " [...] " where bytes were left out, its last bytes and its line break. */
  private endField(kept: number[]): void {
    if (this.cutting) {
      const full = this.beyondHead >= this.ring.length;
      if (this.beyondHead > this.ring.length) kept.push(...ELIDED);
      const tail = full ? Buffer.concat([this.ring.subarray(this.ringEnd), this.ring.subarray(0, this.ringEnd)]) : this.ring.subarray(0, this.ringEnd);
      for (const b of tail) kept.push(b);
    }
    kept.push(...this.pendingBreak);
    this.pendingBreak = [];
    this.cutting = false;
    this.fieldBytes = 0;
    this.ringEnd = 0;
    this.beyondHead = 0;
  }
}
