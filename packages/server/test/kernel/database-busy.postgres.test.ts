/**
 * A busy database is not an unreachable one. When every connection is in use (many people opening
 * heavy pages at once), a request waits its turn and is answered, even when that takes longer than
 * connecting to a database that is away may take; only after the longer queue wait does it answer
 * 503, saying the service is busy. A database that does not answer at all is still refused after
 * the short wait. Timings are scaled down here (the defaults are 5 s and 30 s, postgres-pool.ts).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationPool, isDatabaseBusy, isDatabaseUnavailable } from '../../src/kernel/db/postgres-pool.ts';
import { openStore } from '../../src/kernel/db/store.ts';
import { newPostgresDatabase } from '../helpers/db.ts';
import { buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

const WAITS = { connectMs: 300, queueMs: 3_000 };

let database: Awaited<ReturnType<typeof newPostgresDatabase>>;
let server: TestServer;
let cookie: string;
const logLines: { level: number; msg: string; database?: string; refusedSinceLastLine?: number }[] = [];

beforeAll(async () => {
  database = await newPostgresDatabase('lantern_busy');
  // One connection, so a single long statement makes every other request wait for it.
  const store = await openStore({ kind: 'postgres', databaseUrl: database.url, poolSize: 1, waits: WAITS });
  await buildFixture(store.db);
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
  });
  server = await startTestServer({ store, logs });
  cookie = await signInAs(server, 'sw', FIXTURE_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** Holds the pool's only connection for `seconds`; resolves when it is given back. */
async function holdTheConnection(seconds: number) {
  let done = false;
  const held = sql`select pg_sleep(${seconds})`.execute(server.store.db).then(() => (done = true));
  // Until the statement has the connection, the request under test could take it first.
  while (server.store.poolUse().idle > 0 || server.store.poolUse().total === 0) await new Promise((r) => setTimeout(r, 10));
  return { held, released: () => done };
}

describe('waiting for a database connection', () => {
  it('answers a landing page asked for while every connection is busy for longer than connecting may take', async () => {
    const hold = await holdTheConnection(1.5);
    const page = await client(server, cookie).get('/api/work');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.sections.length).toBeGreaterThan(0);
    // It was answered after the connection came free: it waited 1.5 s, five times connectMs.
    expect(hold.released()).toBe(true);
    await hold.held;
  });

  it('answers 503 "busy", with Retry-After, only after the longer queue wait', async () => {
    const hold = await holdTheConnection(WAITS.queueMs / 1000 + 2);
    const page = await client(server, cookie).get('/api/work');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(page.body.title).toBe('Service busy');
    expect(page.body.detail).toMatch(/nothing was saved/);
    expect(hold.released()).toBe(false);
    await hold.held;
    expect((await client(server, cookie).get('/api/work')).status).toBe(200);
  });

  it('leaves one warning in the log for whoever is on call, not one per refused request', async () => {
    const before = logLines.filter((l) => l.database === 'busy').length;
    const hold = await holdTheConnection(WAITS.queueMs / 1000 + 2);
    const pages = await Promise.all([1, 2, 3].map(() => client(server, cookie).get('/api/work')));
    expect(pages.map((p) => p.status)).toEqual([503, 503, 503]);
    await hold.held;
    // The test above's 503 already wrote this minute's line: these three are counted, not written.
    const busy = logLines.filter((l) => l.database === 'busy');
    expect(before).toBe(1);
    expect(busy).toHaveLength(1);
    expect(busy[0]?.level).toBe(40);
    expect(busy[0]?.msg).toMatch(/Service busy/);
  });

  it('still refuses a database that does not answer after the short wait, as unreachable', async () => {
    // A server that accepts connections and says nothing, as a database behind a dead link.
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const pool = applicationPool(`postgres://nobody@127.0.0.1:${port}/nothing`, 1, WAITS);
    const began = Date.now();
    try {
      const error = await pool.query('select 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(isDatabaseBusy(error)).toBe(false);
      // Refused by the connect wait, not left to the queue wait.
      expect(Date.now() - began).toBeLessThan(WAITS.queueMs);
    } finally {
      await pool.end();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
