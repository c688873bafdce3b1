/**
 * How people sign in, from the environment (read when asked, so a test can set it per server):
 *   LANTERN_PUBLIC_URL          the address people use, e.g. https://lantern.council.gov.uk; https
 *                               makes the session cookie Secure (LANTERN_SECURE_COOKIES=1 still does)
 *   LANTERN_IDLE_MINUTES        a session unused this long ends (default 30); it ends after
 *                               LANTERN_SESSION_HOURS (default 10) whatever happens
 *   LANTERN_PASSWORDS=off       no local passwords: everyone signs in through the identity provider
 *   LANTERN_OIDC_ISSUER, LANTERN_OIDC_CLIENT_ID, LANTERN_OIDC_CLIENT_SECRET, LANTERN_OIDC_REDIRECT_URI
 *                               the council's OpenID Connect provider (Entra ID, Google, Okta…);
 *                               the redirect defaults to LANTERN_PUBLIC_URL + /api/session/oidc/callback
 *   LANTERN_OIDC_NAME           what the sign-in button calls it (default "your council account")
 */
export type OidcSettings = { issuer: string; clientId: string; clientSecret: string | null; redirectUri: string; name: string };

export type AuthSettings = {
  publicUrl: string | null;
  secureCookies: boolean;
  idleMinutes: number;
  sessionHours: number;
  passwords: boolean;
  oidc: OidcSettings | null;
};

const positive = (value: string | undefined, fallback: number, name: string) => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of ${name.endsWith('HOURS') ? 'hours' : 'minutes'}, not "${value}"`);
  return n;
};

export function authSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const publicUrl = env.LANTERN_PUBLIC_URL ? env.LANTERN_PUBLIC_URL.replace(/\/+$/, '') : null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`LANTERN_PUBLIC_URL must be an http or https address, not "${publicUrl}"`);
  const issuer = env.LANTERN_OIDC_ISSUER || null;
  const clientId = env.LANTERN_OIDC_CLIENT_ID || null;
  let oidc: OidcSettings | null = null;
  if (issuer && clientId) {
    const redirectUri = env.LANTERN_OIDC_REDIRECT_URI || (publicUrl ? `${publicUrl}/api/session/oidc/callback` : null);
    if (!redirectUri) throw new Error('Set LANTERN_OIDC_REDIRECT_URI or LANTERN_PUBLIC_URL so the identity provider knows where to send people back');
    oidc = { issuer, clientId, clientSecret: env.LANTERN_OIDC_CLIENT_SECRET || null, redirectUri, name: env.LANTERN_OIDC_NAME || 'your council account' };
  } else if (issuer || clientId) {
    throw new Error('Set both LANTERN_OIDC_ISSUER and LANTERN_OIDC_CLIENT_ID to sign in through an identity provider');
  }
  const passwords = !['off', '0', 'false', 'no'].includes((env.LANTERN_PASSWORDS ?? '').toLowerCase());
  return {
    publicUrl,
    secureCookies: env.LANTERN_SECURE_COOKIES === '1' || !!publicUrl?.startsWith('https://'),
    idleMinutes: idleMinutes(env),
    sessionHours: positive(env.LANTERN_SESSION_HOURS, 10, 'LANTERN_SESSION_HOURS'),
    passwords,
    oidc,
  };
}

/**
 * LANTERN_IDLE_MINUTES alone, as authSettings reads it: every request checks its session against
 * it, and reading the whole environment (a dozen variables) for it was a hundredth of the server's
 * CPU on opening a child's record. Still read when asked, the parse kept for the same text.
 */
export function idleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.LANTERN_IDLE_MINUTES;
  if (text !== idleRead.text) idleRead = { text, minutes: positive(text, 30, 'LANTERN_IDLE_MINUTES') };
  return idleRead.minutes;
}
let idleRead: { text: string | undefined; minutes: number } = { text: undefined, minutes: 30 };

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** A warning for the start-up log when people would reach Lantern over plain http from elsewhere, else null. */
export function plainHttpWarning(settings: AuthSettings, listenHost: string): string | null {
  const host = settings.publicUrl ? new URL(settings.publicUrl).hostname : listenHost;
  const local = LOCAL_HOSTS.includes(host) || host.endsWith('.localhost');
  if (local || settings.secureCookies) return null;
  return (
    `Warning: Lantern is served at ${settings.publicUrl ?? `http://${listenHost}`} over plain http, so passwords and session cookies ` +
    'cross the network readable. Put it behind https and set LANTERN_PUBLIC_URL=https://… (the cookie is then Secure).'
  );
}
