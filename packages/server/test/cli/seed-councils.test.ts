/**
 * `lantern seed --la-code CODE` adds a second synthetic council beside an existing one, named from
 * the DfE's list; its demo users have the same usernames, so signing in asks which council — once
 * the password is right. Runs on both databases.
 */
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCouncil } from '../../src/cli/options.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { createServer } from '../../src/server.ts';
import { DEMO_PASSWORD, seedCouncil } from '../../src/seed/generate.ts';
import { storeForCommand } from '../helpers/db.ts';

const lantern = new URL('../../bin/lantern.mjs', import.meta.url).pathname;

function lanternRun(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [lantern, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('lantern seed --la-code beside an existing council', () => {
  let target: Awaited<ReturnType<typeof storeForCommand>>;
  let store: Store;
  let run: Awaited<ReturnType<typeof lanternRun>>;

  beforeAll(async () => {
    target = await storeForCommand('seed-councils', (db) => seedCouncil(db, { children: 40, seed: 3 }));
    run = await lanternRun(['seed', '--children', '40', '--la-code', 'E08000025'], target.env);
    store = await target.open();
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  it('adds Birmingham with its own children and staff, leaving Herefordshire as it was', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Seeded E08000025');
    const councils = await store.db.selectFrom('local_authority').select(['la_code', 'dfe_la_number', 'name']).orderBy('la_code').execute();
    expect(councils).toEqual([
      { la_code: 'E06000019', dfe_la_number: '884', name: 'Herefordshire' },
      { la_code: 'E08000025', dfe_la_number: '330', name: 'Birmingham' },
    ]);
    for (const { la_code } of councils) {
      const children = await store.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('la_code', '=', la_code)
        .where('is_child', '=', true)
        .executeTakeFirstOrThrow();
      expect(Number(children.n)).toBe(40);
    }
  });

  it('refuses a code that is not an English council', async () => {
    const bad = await lanternRun(['seed', '--children', '40', '--la-code', 'E99999999'], target.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not an English council/);
  });

  it('signing in as sw.demo asks which council only once the password is right', async () => {
    const app = await createServer({ store, webDist: null });
    try {
      const post = (body: object) => app.inject({ method: 'POST', url: '/api/session', payload: body });
      expect((await post({ username: 'sw.demo', password: 'not the demo password' })).statusCode).toBe(401);
      const ask = await post({ username: 'sw.demo', password: DEMO_PASSWORD });
      expect(ask.statusCode).toBe(400);
      expect(ask.json().councils.map((c: { name: string }) => c.name)).toEqual(['Birmingham', 'Herefordshire']);
      const there = await post({ username: 'sw.demo', password: DEMO_PASSWORD, laCode: 'E08000025' });
      expect(there.statusCode).toBe(200);
      expect(there.json().user.councilName).toBe('Birmingham');
    } finally {
      await app.close();
    }
  });

  it('a command for one council sees that council alone, even in a query that does not say which (the database’s own wall)', async () => {
    await store.close();
    const saved = { DATABASE_URL: process.env.DATABASE_URL, LANTERN_DATA_DIR: process.env.LANTERN_DATA_DIR };
    Object.assign(process.env, { DATABASE_URL: target.env.DATABASE_URL ?? '', LANTERN_DATA_DIR: target.env.LANTERN_DATA_DIR ?? '' });
    try {
      const seen = await onCouncil({ laCode: 'E08000025' }, async (db) => {
        const { rows } = await sql<{
          n: number;
          councils: number;
        }>`select count(*)::int as n, count(distinct la_code)::int as councils from person where is_child`.execute(db);
        return rows[0];
      });
      expect(seen).toEqual({ n: 40, councils: 1 });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      store = await target.open();
    }
  });
});
