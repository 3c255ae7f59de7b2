import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations; the little used here is typed below.
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, for the sign-in tests.
 * Accounts and their claims live in `accounts` and can be changed between
 * sign-ins. `signIn` plays the browser at the provider: it follows the
 * authorization URL, logs in through the development interactions, consents,
 * and returns the redirect back to the client (the callback URL with code and state).
 */
export interface TestIdp {
  issuer: string;
  accounts: Map<string, Record<string, unknown>>;
  signIn(authorizationUrl: string, accountId: string): Promise<string>;
  close(): Promise<void>;
}

interface OidcProvider {
  callback(): (req: unknown, res: unknown) => void;
}

export async function startTestIdp(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider: OidcProvider = new Provider(issuer, {
    clients: [{ client_id: client.clientId, client_secret: client.clientSecret, redirect_uris: [client.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], email: ['email'], jourbok: ['jourbok_role', 'kommunkod'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx: unknown, id: string) {
      if (!accounts.has(id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, accountId: string): Promise<string> {
    const jar = new Map<string, string>();
    let url = authorizationUrl;
    let form: Record<string, string> | null = null;
    for (let step = 0; step < 20; step++) {
      const res = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      form = null;
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url).href;
        if (!url.startsWith(issuer)) return url; // back to the client
        continue;
      }
      const page = await res.text();
      if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${page.slice(0, 500)}`);
      // A development interaction page: the login form, or the consent form.
      form = page.includes('name="prompt" value="login"') ? { prompt: 'login', login: accountId, password: 'any' } : { prompt: 'consent' };
    }
    throw new Error('too many steps at the provider');
  }

  return {
    issuer,
    accounts,
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
