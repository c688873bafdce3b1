/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID
 * Foundation) in the test process, standing in for the council's Entra ID, Google or Okta. Its
 * own development sign-in page takes any login: the login becomes the person's subject, and
 * their email is `<login>@council.example` (verified).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export const OIDC_CLIENT = { id: 'lantern-test', secret: 'a test client secret that is long enough' };

export type TestProvider = { issuer: string; env: Record<string, string>; close(): Promise<void> };

export async function startOidcProvider(lanternUrl: string): Promise<TestProvider> {
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const redirectUri = `${lanternUrl}/api/session/oidc/callback`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['a test cookie signing key'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: `${sub}@council.example`, email_verified: true, name: sub }),
    }),
    // The council has already consented for its own application: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client?.clientId as string;
      const existing = ctx.oidc.session?.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session?.accountId as string });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  http.on('request', provider.callback());
  return {
    issuer,
    env: {
      LANTERN_OIDC_ISSUER: issuer,
      LANTERN_OIDC_CLIENT_ID: OIDC_CLIENT.id,
      LANTERN_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      LANTERN_OIDC_REDIRECT_URI: redirectUri,
      LANTERN_OIDC_NAME: 'the council’s test account',
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** A browser in miniature: follows redirects by hand, keeping each site's cookies, so a test can walk the sign-in. */
export function cookieBrowser() {
  const jars = new Map<string, Map<string, string>>();
  const jar = (url: URL) => jars.get(url.host) ?? (jars.set(url.host, new Map()).get(url.host) as Map<string, string>);
  const store = (url: URL, res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair as string).indexOf('=');
      const name = (pair as string).slice(0, eq).trim();
      const value = (pair as string).slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar(url).delete(name);
      else jar(url).set(name, value);
    }
  };
  const request = async (href: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const url = new URL(href);
    const cookie = [...jar(url)].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    store(url, res);
    return res;
  };
  /** Requests, then follows redirects until a page answers; the last response and where it was. */
  const go = async (href: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    let res = await request(href, init);
    let at = href;
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
      at = new URL(res.headers.get('location') as string, at).href;
      // The last stop is Lantern's web page: report it, do not ask for it.
      if (new URL(at).pathname === '/' || new URL(at).pathname === '/sign-in') break;
      res = await request(at);
    }
    return { res, at };
  };
  return { go, cookie: (origin: string, name: string) => jar(new URL(origin)).get(name) };
}

/** Signs in through the provider's own page as `login`; where Lantern sent the browser in the end, and its session cookie. */
export async function signInThroughProvider(lanternUrl: string, login: string) {
  const browser = cookieBrowser();
  const page = await browser.go(`${lanternUrl}/api/session/oidc/start`);
  if (page.res.status !== 200) throw new Error(`the provider's sign-in page did not show: ${page.res.status} at ${page.at}`);
  const html = await page.res.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no sign-in form on the provider’s page');
  const done = await browser.go(new URL(action, page.at).href, { method: 'POST', form: { prompt: 'login', login, password: 'any' } });
  const session = browser.cookie(lanternUrl, 'lantern_session');
  return { landedAt: done.at, cookie: session ? `lantern_session=${session}` : null, browser };
}
