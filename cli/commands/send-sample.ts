import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { StackUnavailableError } from '#cli/stack-context';
import { loadPolicyDirectory } from '#adapters/file/policy-files';

/** `redress send-sample [--policy ID]`: a sample complaint over SMTP to the running local stack. */
export async function sendSampleCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' }, from: { type: 'string' } } });
  const config = loadConfig();
  const policies = loadPolicyDirectory(config.REDRESS_POLICIES_DIR, policyDefaultsFrom(config));
  const policy = policies.get(values.policy ?? 'not-alone-mentoring');
  const to = policy.intake.addresses[0] as string;
  const from = values.from ?? 'sam.sample@example.org';
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: config.REDRESS_SMTP_PORT, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({
      from: `Sam Sample <${from}>`,
      to,
      subject: 'Complaint about my mentoring sessions',
      text:
        'Hello,\n\nMy last two mentoring sessions were cancelled at short notice and nobody explained why. ' +
        'I would like an explanation and a firm schedule for the next sessions.\n\nSam Sample\n',
    });
  } catch (error) {
    if ((error as { originalCode?: string }).originalCode === 'ECONNREFUSED') {
      throw new StackUnavailableError(`smtp://127.0.0.1:${config.REDRESS_SMTP_PORT}`);
    }
    throw error;
  } finally {
    transport.close();
  }
  process.stdout.write(`sent a sample complaint from ${from} to ${to} over SMTP on port ${config.REDRESS_SMTP_PORT}\n`);
  return 0;
}
