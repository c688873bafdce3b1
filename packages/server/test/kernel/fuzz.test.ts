/**
 * The fuzz suite: malformed requests, generated from the OpenAPI document, at every write route
 * (its body and its path) and at the query parameters of every read route, signed in as each kind
 * of user. Whatever arrives, Lantern answers 4xx (or succeeds): a 5xx fails the test, and the test
 * lists every request that caused one so it can be replayed. Deterministic (a fixed seed).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};
type Parameter = { in: string; name: string; schema: Schema };
type Operation = { method: string; path: string; params: Parameter[]; body: Schema | null };
type Case = { method: string; url: string; body: string | undefined; as: string };

/** Requests per write route and per read route with query parameters, on each database. */
const PER_WRITE = 18;
const PER_READ = 10;
const USERS = ['sw', 'tm', 'hos', 'iro', 'analyst', 'admin'];

let server: TestServer;
let ids: Awaited<ReturnType<typeof buildFixture>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  ids = await buildFixture(server.store.db);
  for (const u of USERS) cookies[u] = await signInAs(server, u, FIXTURE_PASSWORD);
});
afterAll(() => server?.close());

/** What breaks a server: NUL, broken Unicode, years nobody lives in, numbers beyond 32 bits, wildcards, floods. */
const poison = fc.constantFrom<unknown>(
  '\u0000',
  'a\u0000b',
  'x\ud800',
  '\udc00y',
  '0001-01-01',
  '9999-12-31',
  '1899-12-31',
  '2101-01-01',
  '0001-01-01T00:00:00Z',
  '2026-02-30',
  2 ** 31,
  2 ** 40,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1,
  0,
  1.5,
  '%',
  '_',
  '%_%',
  '\\',
  'r'.repeat(280),
  `${'報'.repeat(300)}.txt`,
  '報告 📄.txt',
  '../../etc/passwd',
  "'; drop table person; --",
  '',
  ' ',
  null,
  true,
  [],
  {},
  [null],
  '99999999999999999999',
  'NaN',
);

const plainDate = fc.integer({ min: 1950, max: 2030 }).chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })));

/** A value that fits the schema (roughly), so a poisoned sibling is what the server meets. */
function plausible(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => plausible(b, depth)));
  if (schema.allOf?.length) return plausible(Object.assign({}, ...schema.allOf), depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date') return plainDate.map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      if (schema.format === 'date-time') return fc.constant('2026-03-02T10:00:00Z');
      if (schema.format === 'uuid') return fc.constantFrom(ids.childA, ids.childB, ids.swA, ids.teamA, ids.mother, randomUUID());
      return fc.string({
        minLength: Math.min(schema.minLength ?? 1, 5),
        maxLength: Math.max(Math.min(schema.minLength ?? 1, 5), Math.min(schema.maxLength ?? 20, 20)),
      });
    case 'integer': {
      const min = schema.minimum ?? -5;
      return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? min + 10, min + 10)) });
    }
    case 'number':
      return fc.double({ min: 0, max: 1, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(value(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : object(schema, depth + 1);
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  }
}

/** Mostly plausible, one time in four poisoned: most requests carry one or two bad fields. */
const value = (schema: Schema, depth: number): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: plausible(schema, depth), weight: 3 }, { arbitrary: poison, weight: 1 });

function object(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = schema.required ?? [];
  const entries = Object.entries(props).map(([k, s]) => [k, value(s, depth)] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: required.filter((k) => k in props) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A path parameter: a fixture child where the route names a child, else any id, or a poisoned one. */
function pathValue(p: Parameter): fc.Arbitrary<string> {
  const good = p.name === 'childId' ? fc.constantFrom(ids.childA, ids.childB) : plausible(p.schema, 0).map(String);
  return fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: poison.map((v) => String(v)), weight: 1 });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Percent-encodes, sending a lone surrogate as the invalid UTF-8 bytes a broken client would. */
const encode = (s: string) => encodeURIComponent(s.replace(LONE_SURROGATE, '\u0001')).replaceAll('%01', '%ED%A0%80');

function cases(op: Operation, count: number, seed: number): Case[] {
  const path = fc.record(Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p)])));
  const query = fc.record(Object.fromEntries(op.params.filter((p) => p.in === 'query').map((p) => [p.name, value(p.schema, 0)])), { requiredKeys: [] });
  // The whole body may be the wrong thing altogether, or not JSON.
  const body = op.body
    ? fc.oneof(
        { arbitrary: value(op.body, 0).map((b) => JSON.stringify(b)), weight: 9 },
        { arbitrary: fc.constantFrom('{"a":', '[]', '"x"', '{"a":"\\ud800"}'), weight: 1 },
      )
    : fc.constant(undefined);
  return fc.sample(fc.record({ path, query, body, as: fc.constantFrom(...USERS) }), { numRuns: count, seed }).map((c) => {
    let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(String((c.path as Record<string, string>)[name])));
    const q = Object.entries(c.query as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`);
    if (q.length) url += `?${q.join('&')}`;
    return { method: op.method.toUpperCase(), url, body: op.method === 'get' || op.method === 'delete' ? undefined : (c.body ?? '{}'), as: c.as };
  });
}

async function operations(): Promise<{ writes: Operation[]; reads: Operation[] }> {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
  };
  const writes: Operation[] = [];
  const reads: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const operation = { method, path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema ?? null };
      // Signing out would only end the session the rest of the suite signs in with.
      if (path.startsWith('/api/session') && method === 'delete') continue;
      if (['post', 'put', 'patch', 'delete'].includes(method)) writes.push(operation);
      else if (method === 'get' && operation.params.some((p) => p.in === 'query')) reads.push(operation);
    }
  return { writes, reads };
}

describe('malformed requests generated from the OpenAPI document', () => {
  it(`answer no write route or query with a 5xx (${PER_WRITE} requests a write route, ${PER_READ} a read route's query)`, { timeout: 420_000 }, async () => {
    const { writes, reads } = await operations();
    expect(writes.length).toBeGreaterThan(50);
    const all = [...writes.flatMap((op, i) => cases(op, PER_WRITE, 1000 + i)), ...reads.flatMap((op, i) => cases(op, PER_READ, 5000 + i))];
    expect(all.length).toBeGreaterThanOrEqual(2000);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const send = async (c: Case) => {
      const res = await fetch(`${server.url}${c.url}`, {
        method: c.method,
        headers: { cookie: cookies[c.as] as string, ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: c.body,
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) failures.push(`${res.status} ${c.method} ${c.url} as ${c.as}: ${c.body?.slice(0, 300)} → ${text.slice(0, 200)}`);
      else if (res.status >= 400 && !res.headers.get('content-type')?.includes('application/problem+json'))
        failures.push(`${res.status} without a problem document: ${c.method} ${c.url}`);
    };
    // Four at a time, as a busy office would send them.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < all.length) await send(all[next++] as Case);
      }),
    );
    // Most are refused; some get through as valid records, which is fine so long as nothing breaks.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(all.length / 2);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
