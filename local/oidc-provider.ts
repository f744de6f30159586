import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '#domain/letters/letter';
import type { RunningServer } from './dynamodb-local.js';
import { checkPassword, type LocalStaffMember } from './staff-directory.js';

export interface LocalOidcOptions {
  readonly port: number;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the console takes sign-ins back, and where it lands after sign-out. */
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  readonly staff: readonly LocalStaffMember[];
}

const SCOPES = 'openid profile email groups';
const STYLE = 'body{font-family:Arial,sans-serif;font-size:19px;max-width:640px;margin:30px auto;padding:0 15px;color:#0b0c0c}label{display:block;font-weight:700;margin:20px 0 5px}input{font:inherit;width:100%;padding:5px;border:2px solid #0b0c0c;box-sizing:border-box}button{font:inherit;margin-top:20px;background:#00703c;color:#fff;border:0;padding:10px 15px}.error-summary{border:5px solid #d4351c;padding:15px}.hint{color:#505a5f}';

/**
 * What every answer of the provider says, as the console's pages do: never cached, framed or sniffed, no script,
 * only its own stylesheet (by hash), no Referer (the way back carries the sign-in's code), and forms posted only
 * to itself and on to the console (browsers hold the redirect after a sign-in or sign-out to form-action too).
 */
function securityHeaders(consoleOrigin: string): Record<string, string> {
  const style = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
  return {
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': `default-src 'none'; style-src ${style}; form-action 'self' ${consoleOrigin}; base-uri 'none'; frame-ancestors 'none'`,
  };
}

/**
 * A real OpenID Connect provider on loopback for `npm start` (oidc-provider): authorization code with PKCE, one
 * confidential client (the console), people from the local staff file with their groups as a claim, a plain
 * sign-in page of its own. It stands where Cognito's managed sign-in stands on AWS, so the console's sign-in code
 * is the same in both.
 */
export async function startLocalOidcProvider(options: LocalOidcOptions): Promise<RunningServer> {
  // A fresh signing key each start: sessions end with the process, as the console's own do.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', use: 'sig', alg: 'RS256' };
  const find = (id: string) => options.staff.find((s) => s.username === id);
  const headers = securityHeaders(new URL(options.redirectUri).origin);
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: SCOPES.split(' '),
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    // The console reads who someone is from the ID token alone, as it does Cognito's.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const person = find(id);
      return person ? { accountId: id, claims: () => ({ sub: id, name: person.name, email: person.email, groups: person.groups }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The console is the deployment's own client: signing in is consent enough.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page('Sign out', `<h1>Sign out of Redress</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page('Signed out', '<h1>You have signed out</h1>');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in problem', `<h1>That did not work</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p><p>Go back to the console and sign in again.</p>`);
    },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { Session: 8 * 3600, Interaction: 600, Grant: 8 * 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  // Loopback over plain HTTP: no proxy in front.
  provider.proxy = false;
  provider.use(async (ctx, next) => {
    await next();
    ctx.set(headers);
  });

  const callback = provider.callback();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', options.issuer).pathname;
    const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(path);
    if (!interaction) return void callback(request, response);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    signIn(provider, options.staff, request, response, Boolean(interaction[2])).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page('Sign-in problem', `<h1>That sign-in has expired</h1><p>Go back to the console and sign in again.</p><!-- ${escapeHtml(error.name)} -->`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: options.issuer,
    port: options.port,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's own sign-in page: username and password, checked against the staff file. */
async function signIn(provider: Provider, staff: readonly LocalStaffMember[], request: IncomingMessage, response: ServerResponse, posted: boolean): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  const action = `/interaction/${details.uid}/login`;
  if (!posted) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(action));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8').slice(0, 4096));
  const person = checkPassword(staff, form.get('username') ?? '', form.get('password') ?? '');
  if (!person) {
    response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(action, 'The username or password is not right.'));
    return;
  }
  await provider.interactionFinished(request, response, { login: { accountId: person.username } }, { mergeWithLastSubmission: false });
}

function loginPage(action: string, problem?: string): string {
  return page(
    'Sign in to Redress',
    `<h1>Sign in to Redress</h1>
${problem ? `<div class="error-summary" role="alert"><h2>There is a problem</h2><p>${escapeHtml(problem)}</p></div>` : ''}
<form method="post" action="${escapeHtml(action)}">
<div class="field"><label for="username">Username</label><input type="text" id="username" name="username" autocomplete="username" required></div>
<div class="field"><label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required></div>
<button type="submit">Sign in</button>
</form>
<p class="hint">Local sign-in for development: the people and passwords are in npm start's banner.</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** `npm start`'s sign-in as the configuration describes it: the staff file and the provider the console expects. */
export async function startLocalSignIn(
  config: { REDRESS_OIDC_PORT: number; REDRESS_OIDC_ISSUER?: string | undefined; REDRESS_OIDC_CLIENT_ID: string; REDRESS_OIDC_CLIENT_SECRET: string; REDRESS_PUBLIC_URL?: string | undefined },
  staff: readonly LocalStaffMember[],
): Promise<RunningServer> {
  const base = (config.REDRESS_PUBLIC_URL ?? '').replace(/\/+$/, '');
  return startLocalOidcProvider({
    port: config.REDRESS_OIDC_PORT,
    issuer: config.REDRESS_OIDC_ISSUER ?? `http://localhost:${config.REDRESS_OIDC_PORT}`,
    clientId: config.REDRESS_OIDC_CLIENT_ID,
    clientSecret: config.REDRESS_OIDC_CLIENT_SECRET,
    redirectUri: `${base}/console/callback`,
    postLogoutRedirectUri: `${base}/console/signed-out`,
    staff,
  });
}
