import { connect, type Socket } from 'node:net';

/** One SMTP reply: its code and its text (the lines of a multi-line reply joined). */
export interface SmtpReply {
  readonly code: number;
  readonly text: string;
}

/**
 * A bare SMTP client over a socket, for what a library client would not do: DATA with no SIZE declared (nodemailer
 * declares it when the server offers SIZE), one RCPT at a time with each reply read, a body streamed in chunks.
 */
export class SmtpDialogue {
  private buffer = '';
  private readonly replies: SmtpReply[] = [];
  private waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void } | undefined;
  private lines: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.read(chunk));
    socket.on('close', () => this.waiting?.reject(new Error('the server closed the connection')));
  }

  /** Connects and reads the greeting. */
  static async open(port: number): Promise<{ dialogue: SmtpDialogue; greeting: SmtpReply }> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const dialogue = new SmtpDialogue(socket);
    return { dialogue, greeting: await dialogue.next() };
  }

  async command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.next();
  }

  /** DATA, then `totalBytes` of message in chunks as fast as the socket takes them, then the final dot: the reply to it. */
  async data(head: string, totalBytes: number, chunkBytes = 64 * 1024): Promise<SmtpReply> {
    const go = await this.command('DATA');
    if (go.code !== 354) return go;
    const line = `${'x'.repeat(78)}\r\n`;
    const chunk = line.repeat(Math.max(1, Math.floor(chunkBytes / line.length)));
    let sent = 0;
    const write = (text: string) => new Promise<void>((resolve) => (this.socket.write(text) ? resolve() : this.socket.once('drain', resolve)));
    await write(head);
    sent += Buffer.byteLength(head);
    while (sent < totalBytes) {
      await write(chunk);
      sent += chunk.length;
    }
    this.socket.write('.\r\n');
    return this.next();
  }

  async close(): Promise<void> {
    await this.command('QUIT').catch(() => undefined);
    this.socket.destroy();
  }

  private next(): Promise<SmtpReply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.lines.push(line.slice(4));
      // "250-..." continues a reply; "250 ..." ends it.
      if (line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), text: this.lines.join('\n') };
      this.lines = [];
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting.resolve(reply);
      else this.replies.push(reply);
    }
  }
}
