import type { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import { type SeedSummary, seedCouncil } from '../../src/seed/generate.ts';
import { openTestStore } from '../helpers/db.ts';
import { AS_OF } from '../helpers/seeded.ts';

/**
 * The three councils seed.test.ts checks, seeded once for all its subjects: `a` and `b` from the same
 * seed, `c` from another; `summary` what seeding `a` reported, set once `seedTheCouncils`' beforeAll
 * has run. Seeding is most of the file's time (on PGlite about 9 s of CPU a council), so a subject in
 * a file of its own, seeding its councils again, would double it: the subjects share these instead.
 */
export const CHILDREN = 300;

export let a: Store;
export let b: Store;
export let c: Store;
export let summary: SeedSummary;

/** Seeds the three councils before the file's tests, and closes them after. */
export function seedTheCouncils() {
  beforeAll(async () => {
    [a, b, c] = await Promise.all([openTestStore(), openTestStore(), openTestStore()]);
    const progress: string[] = [];
    summary = await seedCouncil(a.db, { children: CHILDREN, seed: 7, asOf: AS_OF, onProgress: (_done, _total, stage) => progress.push(stage) });
    expect(progress).toContain('children');
    expect(progress).toContain('obligations');
    await seedCouncil(b.db, { children: CHILDREN, seed: 7, asOf: AS_OF });
    await seedCouncil(c.db, { children: CHILDREN, seed: 8, asOf: AS_OF });
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), c?.close()]);
  });
}

/** Rows of a query whose rows break a rule (each row says what broke, for the failure message). */
export async function broken(store: Store, query: ReturnType<typeof sql>): Promise<unknown[]> {
  return (await query.execute(store.db)).rows;
}
