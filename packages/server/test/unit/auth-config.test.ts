import { describe, expect, it } from 'vitest';
import { authSettings, plainHttpWarning } from '../../src/kernel/auth/config.ts';

describe('sign-in settings from the environment', () => {
  it('defaults: passwords on, no identity provider, 30 idle minutes, 10 hours, cookie not Secure', () => {
    expect(authSettings({})).toEqual({ publicUrl: null, secureCookies: false, idleMinutes: 30, sessionHours: 10, passwords: true, oidc: null });
  });

  it('an https public address makes the cookie Secure and gives the identity provider its redirect', () => {
    const s = authSettings({
      LANTERN_PUBLIC_URL: 'https://lantern.council.gov.uk/',
      LANTERN_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      LANTERN_OIDC_CLIENT_ID: 'abc',
      LANTERN_PASSWORDS: 'off',
    });
    expect(s.secureCookies).toBe(true);
    expect(s.passwords).toBe(false);
    expect(s.oidc).toMatchObject({ redirectUri: 'https://lantern.council.gov.uk/api/session/oidc/callback', clientSecret: null });
  });

  it('refuses half an identity provider, and a nonsense idle timeout, with the setting named', () => {
    expect(() => authSettings({ LANTERN_OIDC_ISSUER: 'https://accounts.google.com' })).toThrow(/LANTERN_OIDC_CLIENT_ID/);
    expect(() => authSettings({ LANTERN_OIDC_ISSUER: 'https://accounts.google.com', LANTERN_OIDC_CLIENT_ID: 'x' })).toThrow(/LANTERN_PUBLIC_URL/);
    expect(() => authSettings({ LANTERN_IDLE_MINUTES: 'soon' })).toThrow(/LANTERN_IDLE_MINUTES/);
  });
});

describe('the warning at start about plain http', () => {
  it('warns when a non-local address is served over http, and names the fix', () => {
    expect(plainHttpWarning(authSettings({}), '0.0.0.0')).toMatch(/plain http.*LANTERN_PUBLIC_URL=https/s);
    expect(plainHttpWarning(authSettings({ LANTERN_PUBLIC_URL: 'http://lantern.council.gov.uk' }), 'localhost')).toMatch(/lantern\.council\.gov\.uk/);
  });

  it('is quiet on this machine, and behind https', () => {
    expect(plainHttpWarning(authSettings({}), 'localhost')).toBeNull();
    expect(plainHttpWarning(authSettings({}), '127.0.0.1')).toBeNull();
    expect(plainHttpWarning(authSettings({ LANTERN_PUBLIC_URL: 'https://lantern.council.gov.uk' }), '0.0.0.0')).toBeNull();
  });
});
