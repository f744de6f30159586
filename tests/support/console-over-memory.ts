import { Hono } from 'hono';
import { consoleApp } from '#adapters/http/console-app';
import { consoleReportsApp } from '#adapters/http/console-reports-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { consoleReportsDeps } from '#composition/console-reports';
import { loadConfig } from '#config/config';
import { memoryStack, type MemoryStack } from './memory-stack.js';

const SECRET = 'a-test-session-secret-0123456789';
const ORIGIN = 'http://localhost:4100';

export interface ConsoleOverMemory {
  readonly stack: MemoryStack;
  /** GET a console path as someone in these groups ("policy:role"): the status, headers and body as bytes. */
  get(path: string, groups: readonly string[]): Promise<{ status: number; headers: Headers; body: Uint8Array }>;
  /** The same, the body as text. */
  page(path: string, groups: readonly string[]): Promise<{ status: number; page: string }>;
  /** POST a form (with the session's CSRF token and our origin) as someone in these groups: the status, Location and body. */
  post(path: string, form: Record<string, string>, groups: readonly string[]): Promise<{ status: number; location: string | null; page: string }>;
}

/** The console's pages and its reports, over the memory fakes, with a live session for whoever a test names. */
export async function consoleOverMemory(stack: MemoryStack = memoryStack()): Promise<ConsoleOverMemory> {
  const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: ORIGIN, REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
  const staffSessions = new MemoryStaffSessions();
  const app = new Hono();
  app.route('/', consoleReportsApp(consoleReportsDeps(config, { ...stack, staffSessions }, SECRET)));
  app.route('/', consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: SECRET })));
  const expiresAt = stack.clock.now().getTime() + 24 * 3600_000;
  await staffSessions.open('sid-1', 'u-1', expiresAt);
  const cookieFor = (groups: readonly string[]) => `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Sam Staff', email: 'sam@org.test', groups, csrf: 'the-csrf' }, SECRET, expiresAt)}`;
  const get = async (path: string, groups: readonly string[]) => {
    const res = await app.request(path, { headers: { cookie: cookieFor(groups) } });
    return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
  };
  return {
    stack,
    get,
    page: async (path, groups) => {
      const { status, body } = await get(path, groups);
      return { status, page: new TextDecoder().decode(body) };
    },
    post: async (path, form, groups) => {
      const res = await app.request(path, {
        method: 'POST',
        body: new URLSearchParams({ csrf: 'the-csrf', ...form }),
        headers: { cookie: cookieFor(groups), origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      });
      return { status: res.status, location: res.headers.get('location'), page: await res.text() };
    },
  };
}
