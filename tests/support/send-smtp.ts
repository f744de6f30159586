import nodemailer from 'nodemailer';

/** Delivers a raw message to an SMTP server on loopback, as a mail server would. */
export async function sendRaw(port: number, from: string, to: string[], raw: string | Buffer): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from, to }, raw });
  } finally {
    transport.close();
  }
}
