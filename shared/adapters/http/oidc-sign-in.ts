import * as client from 'openid-client';

/** Who signed in, from the ID token: the claims the console needs, the same from Cognito and the local provider. */
export interface SignedIn {
  readonly sub: string;
  readonly name: string;
  readonly email?: string;
  readonly groups: readonly string[];
  readonly idToken: string;
}

/** What a sign-in under way must remember between leaving for the provider and coming back. */
export interface SignInChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /**
   * For a sign-in that must ask for the password: when it began (epoch seconds, by the system clock, which
   * openid-client checks the ID token's times against). The ID token must say the person authenticated since.
   */
  readonly freshSince?: number;
}

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** Cognito puts groups in "cognito:groups"; the local provider in "groups". */
  readonly groupsClaim: string;
  /**
   * For a provider that publishes no end_session_endpoint (Cognito): its logout address, taking `client_id` and
   * `logout_uri`.
   */
  readonly logoutUrl?: string;
}

/**
 * Sign-in by OpenID Connect, authorization code with PKCE (openid-client): the same code against Cognito on AWS
 * and the local provider under `npm start`. The provider's metadata is discovered once and kept.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        // Only the loopback provider of `npm start` speaks plain HTTP.
        ...(isLoopback(this.settings.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /**
   * Where to send the person to sign in, and the checks to keep until they come back. A `fresh` sign-in asks the
   * provider to authenticate them again (`prompt=login`, `max_age=0`) whatever session it holds, and, since a
   * browser may drop those parameters on the way, `finish` refuses an ID token whose `auth_time` is older than
   * the start.
   */
  async start(options: { fresh?: boolean } = {}): Promise<{ url: string; checks: SignInChecks }> {
    const config = await this.config();
    const checks: SignInChecks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      ...(options.fresh ? { freshSince: Math.floor(Date.now() / 1000) } : {}),
    };
    const url = client.buildAuthorizationUrl(config, {
      ...(options.fresh ? { prompt: 'login', max_age: '0' } : {}),
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email' + (this.settings.groupsClaim === 'groups' ? ' groups' : ''),
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, checks };
  }

  /** The person who came back to `currentUrl`, checked against what the start kept; throws when any check fails. */
  async finish(currentUrl: URL, checks: SignInChecks): Promise<SignedIn> {
    const config = await this.config();
    // openid-client refuses an auth_time more than maxAge (plus its clock tolerance) before now: since the start.
    const maxAge = checks.freshSince === undefined ? undefined : Math.max(0, Math.ceil(Date.now() / 1000) - checks.freshSince);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, { expectedState: checks.state, expectedNonce: checks.nonce, pkceCodeVerifier: checks.codeVerifier, idTokenExpected: true, ...(maxAge === undefined ? {} : { maxAge }) });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('the sign-in returned no ID token');
    const groups = claims[this.settings.groupsClaim];
    return {
      sub: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : typeof claims.email === 'string' ? claims.email : claims.sub,
      ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
      idToken: tokens.id_token,
    };
  }

  /** Where to send the person so the provider ends its session too. */
  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint && this.settings.logoutUrl) return cognitoLogoutUrl(this.settings.logoutUrl, this.settings.clientId, this.settings.postLogoutRedirectUri);
    return client.buildEndSessionUrl(config, { post_logout_redirect_uri: this.settings.postLogoutRedirectUri, ...(idToken ? { id_token_hint: idToken } : {}) }).href;
  }
}

/** Cognito's own logout address, which its discovery document does not publish: client_id and logout_uri. */
export function cognitoLogoutUrl(logoutUrl: string, clientId: string, postLogoutRedirectUri: string): string {
  const url = new URL(logoutUrl);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('logout_uri', postLogoutRedirectUri);
  return url.href;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1';
}
