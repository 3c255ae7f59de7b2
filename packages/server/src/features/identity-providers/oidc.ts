import * as client from 'openid-client';
import type { Claims } from './claims.ts';

/**
 * The OpenID Connect protocol, through openid-client: discovery, the
 * authorization request (authorization code flow with PKCE, state and nonce)
 * and the code exchange. Knows nothing about users or the database.
 */

export interface ProviderEndpoint {
  id: string;
  version: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An issuer must use https; plain http only on this machine (development and tests). */
export function isAllowedIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}

export function callbackUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/auth/oidc/callback`;
}

/** A sign-in that cannot go on; `reason` is the code written to the audit log. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: string,
    readonly details: Record<string, string> = {},
  ) {
    super(reason);
    this.name = 'SignInRefused';
  }
}

/**
 * Client authentication at the token endpoint: HTTP Basic, the default every
 * provider supports unless its metadata says otherwise; else the form body.
 */
function clientSecretAuth(secret: string): client.ClientAuth {
  return (as, metadata, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const auth = methods.includes('client_secret_basic') ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);
    return auth(as, metadata, body, headers);
  };
}

async function discover(provider: ProviderEndpoint): Promise<client.Configuration> {
  if (!isAllowedIssuer(provider.issuer)) throw new SignInRefused('issuer_not_allowed');
  const issuer = new URL(provider.issuer);
  try {
    return await client.discovery(issuer, provider.clientId, provider.clientSecret, clientSecretAuth(provider.clientSecret), {
      timeout: 10,
      ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    throw new SignInRefused('discovery_failed', { error: errorCode(error) });
  }
}

// Discovery results per provider, for an hour or until the provider is changed
// (a new version). The only state a server process keeps: losing it costs one request.
const DISCOVERY_TTL_MS = 60 * 60_000;
const discovered = new Map<string, { version: number; at: number; config: Promise<client.Configuration> }>();

export function configurationOf(provider: ProviderEndpoint): Promise<client.Configuration> {
  const hit = discovered.get(provider.id);
  if (hit && hit.version === provider.version && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const config = discover(provider);
  discovered.set(provider.id, { version: provider.version, at: Date.now(), config });
  config.catch(() => {
    if (discovered.get(provider.id)?.config === config) discovered.delete(provider.id);
  });
  return config;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function buildAuthorizationRequest(config: client.Configuration, redirectUri: string, scope: string): Promise<AuthorizationRequest> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state, nonce, codeVerifier };
}

/**
 * Exchange the code from the provider's redirect for tokens (openid-client
 * checks state, PKCE, the ID token's signature, issuer, audience and nonce)
 * and return the claims: the ID token's, completed from the userinfo endpoint
 * when one of `wanted` is missing there. Tokens are used here and forgotten.
 */
export async function exchangeCode(
  config: client.Configuration,
  currentUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
  wanted: string[],
): Promise<Claims> {
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      // The provider said no (the user cancelled, or is not allowed to use Jourbok).
      throw new SignInRefused('provider_refused', { error: error.error.slice(0, 100) });
    }
    throw new SignInRefused('token_exchange_failed', { error: errorCode(error) });
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new SignInRefused('token_exchange_failed', { error: 'no_id_token' });
  if (wanted.every((name) => name in idClaims) || !config.serverMetadata().userinfo_endpoint) return { ...idClaims };
  try {
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    // The signed ID token wins where both have a claim.
    return { ...userinfo, ...idClaims };
  } catch (error) {
    throw new SignInRefused('userinfo_failed', { error: errorCode(error) });
  }
}

/** A short, token-free description of a protocol error for the audit log. */
function errorCode(error: unknown): string {
  const e = error as { code?: unknown; error?: unknown; name?: unknown };
  const code = typeof e.error === 'string' ? e.error : typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'unknown';
  return code.slice(0, 100);
}
