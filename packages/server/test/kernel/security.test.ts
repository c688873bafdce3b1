/**
 * What a council's penetration test checks first: the headers every answer carries, writes from
 * another site refused, source maps never served, and odd input (NUL bytes, lone surrogates, the
 * year 1, numbers beyond 32 bits, a bare `%` in a search) answered 400 naming the field and rule.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import { createServer } from '../../src/server.ts';
import { openTestStore } from '../helpers/db.ts';
import { buildFixture, FIXTURE_PASSWORD, registeredChildrensHome } from '../helpers/fixture.ts';

let store: Store;
let app: FastifyInstance;
let url: string;
let web: string;
let tm: string;
const json = (res: Response) => res.json() as Promise<any>;

const send = (method: string, p: string, options: { body?: unknown; headers?: Record<string, string>; cookie?: string } = {}) =>
  fetch(`${url}${p}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });

beforeAll(async () => {
  // A built web app of two files, and a source map an older build left beside them.
  web = mkdtempSync(path.join(tmpdir(), 'lantern-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Lantern</title><script type="module" src="/app.js"></script>');
  writeFileSync(path.join(web, 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
  writeFileSync(path.join(web, 'app.js.map'), '{"version":3,"sources":["secret.tsx"]}');
  store = await openTestStore();
  await buildFixture(store.db);
  app = await createServer({ store, webDist: web });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  const res = await send('POST', '/api/session', { body: { username: 'tm', password: FIXTURE_PASSWORD } });
  tm = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(web, { recursive: true, force: true });
});

describe('the headers every answer carries', () => {
  it('a strict Content-Security-Policy, no framing, nosniff, no referrer and a Permissions-Policy, on the page and the API', async () => {
    for (const p of ['/', '/api/health']) {
      const res = await send('GET', p);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      // Over plain http (as here) no HSTS: it would lock a local demo out of its own address.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('Cache-Control: no-store on every API answer, success or problem', async () => {
    for (const [method, p] of [
      ['GET', '/api/health'],
      ['GET', '/api/session'],
      ['GET', '/api/no-such-thing'],
    ] as const) {
      const res = await send(method, p, { cookie: tm });
      expect(res.headers.get('cache-control'), p).toBe('no-store');
    }
  });

  it('HSTS when the public address is https', async () => {
    process.env.LANTERN_PUBLIC_URL = 'https://lantern.example.gov.uk';
    const secure = await createServer({ store, webDist: null });
    try {
      const res = await secure.inject({ method: 'GET', url: '/api/health' });
      expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=31536000/);
    } finally {
      delete process.env.LANTERN_PUBLIC_URL;
      await secure.close();
    }
  });

  it('never serves a source map, even one left in the folder', async () => {
    expect((await send('GET', '/app.js')).status).toBe(200);
    const map = await send('GET', '/app.js.map');
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.tsx');
  });
});

describe('writes from another site', () => {
  it('refuses a write with a foreign Origin, or marked cross-site, with a 403 problem document', async () => {
    const body = { name: 'Forged', partnerType: 'housing' };
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      const res = await send('POST', '/api/providers', { body, cookie: tm, headers });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toMatch(/another site/);
    }
    const providers = await json(await send('GET', '/api/providers', { cookie: tm }));
    expect(providers.providers).toEqual([]);
  });

  it('accepts the same write from Lantern’s own page', async () => {
    const res = await send('POST', '/api/providers', {
      cookie: tm,
      headers: { origin: url, 'sec-fetch-site': 'same-origin' },
      body: registeredChildrensHome('Oakfield 100% House_', 'SC123456'),
    });
    expect(res.status).toBe(201);
    const other = await send('POST', '/api/providers', {
      cookie: tm,
      headers: { origin: url },
      body: registeredChildrensHome('Elm Lodge', 'SC654321'),
    });
    expect(other.status).toBe(201);
  });
});

describe('odd input gets a 400 naming the field and the rule', () => {
  const child = { givenName: 'Ada', familyName: 'Test', sex: 'F', dateOfBirth: '2015-03-01' };
  const refused = async (res: Response, field: string, rule: string) => {
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  };

  it('a NUL byte in text, in a query parameter, or in a field name', async () => {
    await refused(await send('POST', '/api/children', { cookie: tm, body: { ...child, givenName: 'A\u0000da' } }), 'givenName', 'no-nul');
    await refused(await send('GET', '/api/children?q=ad%00a', { cookie: tm }), 'query.q', 'no-nul');
    await refused(await send('GET', '/api/providers?search=%00', { cookie: tm }), 'query.search', 'no-nul');
  });

  it('a lone UTF-16 surrogate', async () => {
    // Sent as JSON's own escape, the way a broken client would.
    const body = JSON.stringify({ ...child, familyName: 'X' }).replace('"X"', '"\\ud800X"');
    await refused(await send('POST', '/api/children', { cookie: tm, body }), 'familyName', 'unicode');
    // Whereas a whole emoji (a surrogate pair) is fine text.
    expect((await send('GET', `/api/children?q=${encodeURIComponent('📄')}`, { cookie: tm })).status).toBe(200);
  });

  it('a date outside 1900–2100, as a date or a date and time', async () => {
    await refused(await send('POST', '/api/children', { cookie: tm, body: { ...child, dateOfBirth: '0001-01-01' } }), 'dateOfBirth', 'date-range');
    await refused(await send('POST', '/api/children', { cookie: tm, body: { ...child, dateOfBirth: '2999-12-31' } }), 'dateOfBirth', 'date-range');
    await refused(await send('GET', '/api/returns/annex-a?asOf=0001-01-01', { cookie: tm }), 'query.asOf', 'date-range');
  });

  it('an integer beyond 32 bits, in a body or a query', async () => {
    const res = await send('GET', '/api/providers', { cookie: tm });
    const provider = (await json(res)).providers.find((p: { name: string }) => p.name === 'Elm Lodge');
    await refused(await send('PATCH', `/api/providers/${provider.providerId}`, { cookie: tm, body: { version: 2 ** 40, name: 'x' } }), 'version', 'range');
    const q = await send('GET', '/api/children?q=ada&limit=99999999999', { cookie: tm });
    expect(q.status).toBe(400);
  });

  it('a search for % or _ matches those characters, not everything', async () => {
    const all = async (search: string) =>
      ((await json(await send('GET', `/api/providers?search=${encodeURIComponent(search)}`, { cookie: tm }))).providers as { name: string }[]).map(
        (p) => p.name,
      );
    expect(await all('%')).toEqual(['Oakfield 100% House_']);
    expect(await all('_')).toEqual(['Oakfield 100% House_']);
    expect(await all('Oak%House')).toEqual([]);
    expect(await all('Oak_ield')).toEqual([]);
  });
});
