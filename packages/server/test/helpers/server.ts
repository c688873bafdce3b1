import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import type { SeedSummary } from '../../src/seed/generate.ts';
import { createServer } from '../../src/server.ts';
import { openTestStore } from './db.ts';
import { buildFixture, FIXTURE_PASSWORD } from './fixture.ts';

export type TestServer = { app: FastifyInstance; store: Store; url: string; seed: SeedSummary | null; close(): Promise<void> };

/**
 * A real Lantern server on a free port over a fresh database, optionally with a small demo
 * council. Integration tests speak HTTP to it; browser tests point Chromium at `url`.
 */
export async function startTestServer(
  options: { children?: number; web?: boolean; logs?: NodeJS.WritableStream; metricsToken?: string; store?: Store } = {},
): Promise<TestServer> {
  const store = options.store ?? (await openTestStore());
  // Imported only when wanted, so tests that build their own fixture do not load the generator.
  const seed = options.children ? await (await import('../../src/seed/generate.ts')).seedCouncil(store.db, { children: options.children, seed: 7 }) : null;
  const app = await createServer({
    store,
    webDist: options.web ? undefined : null,
    ...(options.logs ? { logger: { level: 'info', stream: options.logs } } : {}),
    ...(options.metricsToken ? { metrics: { token: options.metricsToken } } : {}),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    store,
    url,
    seed,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Signs in over HTTP and returns the session cookie header. */
export async function signInAs(server: TestServer, username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] as string;
}

/** A small HTTP client that carries a session cookie. */
export function client(server: TestServer, cookie?: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as any) : null;
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

/** A signed-in HTTP client (client()). */
export type Client = ReturnType<typeof client>;
/** The ids of the fixture council's teams, workers and children (buildFixture). */
export type FixtureIds = Awaited<ReturnType<typeof buildFixture>>;

/** Signs in as each fixture user named (helpers/fixture.ts), one after another; their clients in the same order. */
export async function signedIn<const U extends readonly string[]>(server: TestServer, ...usernames: U): Promise<{ [K in keyof U]: Client }> {
  const clients: Client[] = [];
  for (const username of usernames) clients.push(client(server, await signInAs(server, username, FIXTURE_PASSWORD)));
  return clients as { [K in keyof U]: Client };
}

/** A test server over the fixture council (helpers/fixture.ts) and its ids; the test file closes `server` after its tests. */
export async function startFixtureServer(): Promise<{ server: TestServer; ids: FixtureIds }> {
  const server = await startTestServer();
  return { server, ids: await buildFixture(server.store.db) };
}

/** A test server over the demo council (150 children) with its analyst signed in: the setup of the CIN census and SSDA903 tests. */
export async function startDemoWithAnalyst(): Promise<{ server: TestServer; analyst: Client; analystCookie: string }> {
  const server = await startTestServer({ children: 150 });
  const { DEMO_PASSWORD } = await import('../../src/seed/generate.ts');
  const analystCookie = await signInAs(server, 'analyst.demo', DEMO_PASSWORD);
  return { server, analyst: client(server, analystCookie), analystCookie };
}

/**
 * A household's supervising social worker records its recruitment — application, stage one, stage two
 * and panel, on the four dates given — each step recommending approval; the household's version after
 * the panel. A step refused stops the test there.
 */
export async function recruitedToPanel(ssw: Client, householdId: string, on: readonly [string, string, string, string]): Promise<number> {
  let version = 1;
  for (const [i, step] of ['application', 'stage-one', 'stage-two', 'panel'].entries()) {
    const res = await ssw.post(`/api/fostering/households/${householdId}/recruitment`, { version, step, on: on[i], recommendation: 'approve' });
    if (res.status !== 200) throw new Error(`recruitment ${step} gave ${res.status}: ${JSON.stringify(res.body)}`);
    version = res.body.version;
  }
  return version;
}

/**
 * A child put on a protection plan as a social worker records it: a strategy discussion decides on
 * section 47 enquiries, begun the same day, and the initial conference agrees a plan (neglect).
 * The plan's id.
 */
export async function protectionPlanByApi(sw: Client, childId: string, on: { strategy: string; conference: string; reasons: string }): Promise<string> {
  const sd = await sw.post(`/api/children/${childId}/strategy-discussions`, {
    heldOn: on.strategy,
    agencies: ['social-care', 'police', 'health', 'education'],
    decision: 'section-47',
    reasons: on.reasons,
  });
  const s47 = await sw.post(`/api/children/${childId}/section47s`, { strategyId: sd.body.strategyId, startDate: on.strategy });
  const icpc = await sw.post(`/api/children/${childId}/conferences`, {
    kind: 'initial',
    s47Id: s47.body.s47Id,
    heldOn: on.conference,
    outcome: 'plan',
    initialCategory: 'NEG',
    chair: 'R. Okafor',
    childMetDecider: true,
    parentsMetDecider: true,
  });
  expect(icpc.status).toBe(201);
  return icpc.body.planId;
}
