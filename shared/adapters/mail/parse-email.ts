import { Readable, Transform, type TransformCallback } from 'node:stream';
import { convert } from 'html-to-text';
import { MailParser, type AddressObject, type AttachmentStream, type MessageText } from 'mailparser';
import { BoundHeaderFields } from './bound-header-fields.js';
import { DEFAULT_PARSE_LIMITS, type EmailParseLimits } from '#domain/mail/email-parse-limits';
import { isDangerousAttachment } from '#domain/mail/dangerous-attachment';
import { MalformedEmailError } from '#domain/mail/mail-errors';
import type { MailAddress, ParsedAttachment, ParsedEmail } from '#domain/mail/parsed-email';

/** Where attachment bytes go while the message streams past: stored beside the raw message. */
export interface AttachmentSink {
  store(index: number, filename: string, contentType: string, content: Readable): Promise<string>;
  discard(storageKey: string): Promise<void>;
}

/**
 * Parses a raw message with mailparser's streaming parser: attachments flow to the sink (or are counted and
 * dropped) instead of being held in memory, HTML-to-text stops at the configured length, and the MIME tree
 * is bounded, and so is each field of the header section (BoundHeaderFields). Malformed input (no header section)
 * is a MalformedEmailError.
 */
export async function parseEmail(
  source: Readable | Uint8Array,
  limits: EmailParseLimits = DEFAULT_PARSE_LIMITS,
  sink?: AttachmentSink,
): Promise<ParsedEmail> {
  const parser = new MailParser({
    maxHtmlLengthToParse: limits.maxHtmlLengthToParse,
    maxChildNodes: limits.maxMimeParts,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    keepDeliveryStatus: true,
    checksumAlgo: false,
  });

  const headerLines: { key: string; line: string }[] = [];
  const attachments: ParsedAttachment[] = [];
  const pending: Promise<void>[] = [];
  let text: MessageText | undefined;
  let parsedHeaders: Map<string, unknown> | undefined;

  parser.on('headerLines', (lines: { key: string; line: string }[]) => {
    if (headerLines.length === 0) headerLines.push(...lines);
  });
  parser.on('headers', (h: Map<string, unknown>) => {
    parsedHeaders ??= h;
  });
  parser.on('data', (data: AttachmentStream | MessageText) => {
    if (data.type === 'text') {
      text = data;
      return;
    }
    pending.push(takeAttachment(data, attachments.length, limits, sink).then((a) => void attachments.push(a)));
  });

  const input = source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : source;
  await new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    // The parser fails only on the message itself (too many parts, broken structure); the input stream's
    // own errors (a failed read) stay as they are, so that the caller retries them.
    parser.on('error', (error: Error) => reject(new MalformedEmailError(error.message)));
    input.on('error', reject);
    // Each header field bounded first: one huge field (a 1 MB subject) would make the parser refuse the whole message.
    input.pipe(new BoundHeaderFields()).pipe(parser);
  });
  await Promise.all(pending);

  // A header section is lines of "Name: value"; mailparser reports other first lines with an empty key.
  if (!headerLines.some((h) => /^[\x21-\x39\x3b-\x7e]+$/.test(h.key)) || !parsedHeaders) {
    throw new MalformedEmailError('no header section found');
  }
  const headers = collectHeaders(headerLines);
  const get = (name: string) => parsedHeaders?.get(name);
  const { value: messageText, notConverted } = plainText(text, limits.maxHtmlLengthToParse);
  const fromHeaders = headers.get('from')?.length ?? 0;
  return {
    ...(fromHeaders === 1 && firstAddress(get('from')) ? { from: firstAddress(get('from')) } : {}),
    fromHeaders,
    sender: firstAddress(get('sender')),
    replyTo: firstAddress(get('reply-to')),
    to: addresses(get('to')),
    cc: addresses(get('cc')),
    subject: typeof get('subject') === 'string' ? (get('subject') as string) : '',
    date: get('date') instanceof Date && !Number.isNaN((get('date') as Date).getTime()) ? (get('date') as Date).toISOString() : undefined,
    messageId: typeof get('message-id') === 'string' ? (get('message-id') as string) : undefined,
    inReplyTo: typeof get('in-reply-to') === 'string' ? (get('in-reply-to') as string) : undefined,
    references: referencesOf(get('references')),
    text: messageText,
    textNotConverted: notConverted,
    attachments,
    headers,
    contentType: headers.get('content-type')?.[0] ?? 'text/plain',
  };
}

async function takeAttachment(
  data: AttachmentStream,
  index: number,
  limits: EmailParseLimits,
  sink: AttachmentSink | undefined,
): Promise<ParsedAttachment> {
  const filename = data.filename ?? `attachment-${index + 1}`;
  const contentType = data.contentType;
  const dangerous = isDangerousAttachment(filename, contentType);
  const counter = new ByteCounter(limits.maxAttachmentBytes);
  const counted = data.content.pipe(counter);
  try {
    if (sink && index < limits.maxAttachments) {
      const storageKey = await sink.store(index, filename, contentType, counted);
      if (!counter.exceeded) return { filename, contentType, size: counter.bytes, dangerous, storageKey };
      await sink.discard(storageKey);
    } else {
      counted.resume();
      await new Promise((resolve) => counted.on('end', resolve));
    }
    return { filename, contentType, size: counter.bytes, dangerous };
  } finally {
    data.release?.();
  }
}

/** Counts bytes and stops passing them on past a limit, while still draining its input. */
class ByteCounter extends Transform {
  bytes = 0;
  exceeded = false;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) this.exceeded = true;
    done(null, this.exceeded ? undefined : chunk);
  }
}

/**
 * The message's plain text. mailparser converts a lone top-level HTML body but not an HTML part inside
 * multipart/related, so an HTML-only message of that shape is converted here, under the same length limit.
 */
function plainText(text: MessageText | undefined, maxHtml: number): { value: string; notConverted: boolean } {
  if (text?.text) return { value: text.text, notConverted: false };
  if (!text?.html) return { value: '', notConverted: false };
  if (text.html.length > maxHtml) return { value: '', notConverted: true };
  try {
    return { value: convert(text.html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }), notConverted: false };
  } catch {
    // html-to-text refuses some pathological documents (deep nesting); the HTML stays in the raw message.
    return { value: '', notConverted: true };
  }
}

function collectHeaders(lines: { key: string; line: string }[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const name = key.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

function addressObjects(value: unknown): AddressObject[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]) as AddressObject[];
}

function addresses(value: unknown): MailAddress[] {
  const out: MailAddress[] = [];
  const visit = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address) out.push({ address: entry.address.toLowerCase(), name: entry.name ?? '' });
    }
  };
  for (const object of addressObjects(value)) visit(object.value ?? []);
  return out;
}

function firstAddress(value: unknown): MailAddress | undefined {
  return addresses(value)[0];
}

function referencesOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
