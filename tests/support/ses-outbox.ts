import * as z from 'zod';

const storeSchema = z.object({
  emails: z.array(
    z.object({
      messageId: z.string(),
      from: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
      body: z.object({ text: z.string().optional(), html: z.string().optional() }),
      headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
      at: z.number(),
    }),
  ),
});
export type SentEmail = z.infer<typeof storeSchema>['emails'][number];

/** What the SES emulator has been asked to send, read over its HTTP API (GET /store). */
export async function sentEmails(sesEndpoint: string, to?: string): Promise<SentEmail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  const { emails } = storeSchema.parse(await response.json());
  return to ? emails.filter((e) => e.destination.to.some((t) => t.toLowerCase().includes(to.toLowerCase()))) : emails;
}
