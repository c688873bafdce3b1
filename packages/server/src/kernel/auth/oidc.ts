/**
 * Sign-in through the council's OpenID Connect provider: the authorisation code flow with PKCE,
 * a state and a nonce (openid-client does the protocol and checks the ID token). Lantern keeps
 * only who the person is (subject, email); what they may do stays Lantern's role.
 */
import * as client from 'openid-client';
import type { OidcSettings } from './config.ts';

let discovered: { key: string; config: Promise<client.Configuration> } | null = null;

/** A plain-http issuer is allowed only on this machine (a test's provider). */
const localIssuer = (issuer: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(issuer);

function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  if (discovered?.key !== key) {
    const config = client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret ?? undefined,
      settings.clientSecret ? undefined : client.None(),
      localIssuer(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    // A provider that could not be reached is asked again next time rather than remembered as down.
    config.catch(() => {
      if (discovered?.key === key) discovered = null;
    });
    discovered = { key, config };
  }
  return discovered.config;
}

/** What the browser keeps between leaving for the provider and coming back (in a short-lived cookie). */
export type PendingSignIn = { state: string; nonce: string; verifier: string };

export async function startSignIn(settings: OidcSettings): Promise<{ url: string; pending: PendingSignIn }> {
  const config = await configuration(settings);
  const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending };
}

export type Identity = { subject: string; email: string | null; emailVerified: boolean; issuer: string };

/** Exchanges the code the provider sent back for an ID token, checked; who the person is. */
export async function finishSignIn(settings: OidcSettings, query: string, pending: PendingSignIn): Promise<Identity> {
  const config = await configuration(settings);
  const current = new URL(settings.redirectUri);
  current.search = query;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The identity provider sent no ID token');
  // Many providers put the email only in the userinfo answer, not the ID token.
  const info = typeof claims.email === 'string' ? claims : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  const email = typeof info.email === 'string' ? info.email.toLowerCase() : null;
  // Entra ID gives no email_verified; its email is the directory's own.
  return { subject: claims.sub, email, emailVerified: info.email_verified !== false, issuer: claims.iss };
}
