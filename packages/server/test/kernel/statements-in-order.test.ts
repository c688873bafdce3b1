/**
 * Statements sent together (kernel/db/statements-in-order.ts: one message to the embedded store's
 * thread) run in order in the caller's transaction, a COPY among them, and the first to fail stops
 * the rest: its error is the one thrown, with the fields a database error carries, on both stores.
 */
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch } from '../../src/kernel/ledger.ts';
import { copyRows } from '../../src/kernel/db/copy-rows.ts';
import { insertRowsStatements } from '../../src/kernel/db/insert-rows.ts';
import { runInOrder } from '../../src/kernel/db/statements-in-order.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { openTestStore } from '../helpers/db.ts';

const LA = 'E06000019';
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await store.db.insertInto('local_authority').values({ la_code: LA, dfe_la_number: '884', name: 'Herefordshire' }).execute();
});
afterAll(() => store?.close());

const person = (id: string, name: string) => ({ la_code: LA, person_id: id, is_child: false, given_name: name, family_name: 'Order', sex: 'U' });
/** One person's insert, as the seed's chunks make theirs (kernel/db/insert-rows.ts). */
const insert = (id: string, name: string) => insertRowsStatements('person', [person(id, name)])[0] as RawBuilder<unknown>;

describe('statements sent together', () => {
  it('run in order in the transaction, a COPY among them', async () => {
    await batch(
      store.db,
      null,
      async (ledger) => {
        await runInOrder(ledger.db, [
          insert('00000000-0000-4000-8000-000000000001', 'First'),
          sql`update person set given_name = given_name || ' then second' where person_id = '00000000-0000-4000-8000-000000000001'`,
        ]);
        await copyRows(
          ledger.db,
          'person',
          Array.from({ length: 3 }, (_, i) => person(`00000000-0000-4000-8000-00000000001${i}`, `Copied ${i}`)),
        );
      },
      { laCode: LA },
    );
    const rows = await store.db.selectFrom('person').select('given_name').where('family_name', '=', 'Order').orderBy('person_id').execute();
    expect(rows.map((r) => r.given_name)).toEqual(['First then second', 'Copied 0', 'Copied 1', 'Copied 2']);
  });

  it('stop at the first that fails, whose error is thrown, and the transaction writes nothing', async () => {
    const failing = batch(
      store.db,
      null,
      (ledger) =>
        runInOrder(ledger.db, [
          insert('00000000-0000-4000-8000-000000000021', 'Before'),
          insert('00000000-0000-4000-8000-000000000021', 'Twice'),
          sql`select 1 / 0`,
        ]),
      { laCode: LA },
    );
    await expect(failing).rejects.toMatchObject({ code: '23505', constraint: expect.stringContaining('person') });
    const left = await store.db.selectFrom('person').select('given_name').where('given_name', 'in', ['Before', 'Twice']).execute();
    expect(left).toEqual([]);
  });
});
