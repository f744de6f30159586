import type { FC, PropsWithChildren } from 'hono/jsx';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

/** A page that says one thing: its title as the heading, then a few words. */
export const MessagePage: FC<PropsWithChildren<{ title: string; signed?: Signed | undefined }>> = ({ title, signed, children }) => (
  <Layout title={title} signed={signed}>
    <h1>{title}</h1>
    {children}
  </Layout>
);
