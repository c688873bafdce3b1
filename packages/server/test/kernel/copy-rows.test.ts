/**
 * A bulk load's rows by COPY (kernel/db/copy-rows.ts) land exactly as the same rows sent as JSON
 * (insertRows) do, on both stores: awkward text, nulls, arrays, JSON, a column left to its default,
 * the council's policy and the versions the database keeps. A long audit list goes by COPY too
 * (migration 0042), with lantern_audit's check, and the application may only insert into its staging table.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, writeAudit } from '../../src/kernel/audit.ts';
import type { Actor } from '../../src/kernel/context.ts';
import { copyRows, copyText } from '../../src/kernel/db/copy-rows.ts';
import { withCouncil } from '../../src/kernel/db/council.ts';
import { insertRows } from '../../src/kernel/db/insert-rows.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { openTestStore } from '../helpers/db.ts';

const LA = 'E06000019';
const OTHER = 'E08000035';
let store: Store;
const db = () => store.db;

beforeAll(async () => {
  store = await openTestStore();
  await db()
    .insertInto('local_authority')
    .values([
      { la_code: LA, dfe_la_number: '884', name: 'Herefordshire' },
      { la_code: OTHER, dfe_la_number: '383', name: 'Leeds' },
    ])
    .execute();
});
afterAll(() => store?.close());

/** Children whose values are everything COPY's text format must escape. */
function people(batch: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    la_code: LA,
    person_id: randomUUID(),
    is_child: i % 3 !== 0,
    la_child_id: i % 3 !== 0 ? `${batch}\t${i}` : null,
    given_name: ['Tab\there', 'Line\nbreak', 'Back\\slash \\N', 'Carriage\rreturn', 'Zoë “quoted”', ''][i % 6] as string,
    family_name: `${batch}-${i}`,
    date_of_birth: i % 5 === 0 ? null : `20${String(10 + (i % 9)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
    sex: ['M', 'F', 'U'][i % 3] as string,
    ethnicity: i % 4 === 0 ? null : 'WBRI',
    disabilities: i % 2 === 0 ? [] : ['MOB', 'a "quoted", comma', 'back\\slash'],
  }));
}

const asRead = (rows: Record<string, unknown>[]) =>
  rows
    .map(({ person_id, created_at, updated_at, family_name, family_name_key, la_child_id, ...rest }) => ({
      ...rest,
      child: !!la_child_id,
      i: Number(String(family_name).split('-')[1]),
    }))
    .sort((a, b) => a.i - b.i);

describe('copyRows', () => {
  it('writes what insertRows writes, through the council’s policy, keeping each record’s first version', async () => {
    await withCouncil(LA, () =>
      db()
        .transaction()
        .execute(async (trx) => {
          await copyRows(trx, 'person', people('copied', 1500));
          await insertRows(trx, 'person', people('json', 1500));
        }),
    );
    const read = (batch: string) =>
      withCouncil(LA, () => db().selectFrom('person').selectAll().where('family_name', 'like', `${batch}-%`).execute()) as Promise<Record<string, unknown>[]>;
    const copied = await read('copied');
    expect(copied).toHaveLength(1500);
    expect(asRead(copied)).toEqual(asRead(await read('json')));
    expect(copied.find((p) => p.family_name === 'copied-1')).toMatchObject({
      given_name: 'Line\nbreak',
      disabilities: ['MOB', 'a "quoted", comma', 'back\\slash'],
    });
    const versions = await withCouncil(LA, () =>
      sql<{ n: number }>`select count(*)::int as n from record_version v join person p on p.la_code = v.la_code and p.person_id::text = v.record_id
        where p.family_name like 'copied-%' and v.record_type = 'person'`.execute(db()),
    );
    expect(versions.rows[0]?.n).toBe(1500);
  });

  it('writes JSON for an object, and refuses a row of another council as the policy does', async () => {
    await withCouncil(LA, () =>
      db()
        .transaction()
        .execute((trx) => copyRows(trx, 'council_setting', [{ la_code: LA, key: 'copy-test', value: { a: 'tab\there', b: [1, 2] } }])),
    );
    const setting = await withCouncil(LA, () => db().selectFrom('council_setting').select('value').where('key', '=', 'copy-test').executeTakeFirstOrThrow());
    expect(setting.value).toEqual({ a: 'tab\there', b: [1, 2] });
    await expect(
      withCouncil(LA, () =>
        db()
          .transaction()
          .execute((trx) => copyRows(trx, 'council_setting', [{ la_code: OTHER, key: 'copy-test', value: {} }])),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('writes whatever a JSON column is given as insertRows does: an array a JSON array, a string a JSON string', async () => {
    const values: unknown[] = [['a', 'tab\there', { b: 1 }], 'plain text', '{"looks":"like JSON"}', 3, [], true];
    const rows = (prefix: string) => values.map((value, i) => ({ la_code: LA, key: `${prefix}-${i}`, value }));
    await withCouncil(LA, () =>
      db()
        .transaction()
        .execute(async (trx) => {
          await copyRows(trx, 'council_setting', rows('copied-json') as never[]);
          await insertRows(trx, 'council_setting', rows('sent-json'));
        }),
    );
    const read = (prefix: string) =>
      withCouncil(LA, () => db().selectFrom('council_setting').select(['key', 'value']).where('key', 'like', `${prefix}-%`).orderBy('key').execute());
    const copied = await read('copied-json');
    expect(copied.map((r) => r.value)).toEqual(values);
    expect(copied.map((r) => r.value)).toEqual((await read('sent-json')).map((r) => r.value));
  });

  it('writes nulls, booleans and an array literal as COPY reads them', () => {
    expect(copyText(['a', 'b', 'c', 'd'], [{ a: null, b: true, c: ['x', null, 'y"z'], d: 'a\\b\tc' }])).toBe('\\N\tt\t{"x",NULL,"y\\\\"z"}\ta\\\\b\\tc\n');
  });
});

describe('a long audit list by COPY', () => {
  const actor = (laCode: string): Actor => ({
    user: { userId: randomUUID(), username: 'copy.test', displayName: 'Copy test', role: 'administrator', laCode, workerId: null, teamId: null },
    ip: '127.0.0.1',
    userAgent: 'test\tagent',
    requestId: 'req-1',
  });

  it('lands every row, stamped by the database, only for the council acting', async () => {
    const entries = Array.from({ length: 1200 }, (_, i) => ({
      action: 'create' as const,
      recordType: 'copy-test',
      recordId: `r${i}`,
      childId: null,
      detail: { i, note: 'line\nbreak' },
    }));
    const before = Date.now();
    await withCouncil(LA, () =>
      db()
        .transaction()
        .execute((trx) => writeAudit(trx, auditRows(actor(LA), entries))),
    );
    const rows = await withCouncil(LA, () => db().selectFrom('audit_event').selectAll().where('record_type', '=', 'copy-test').orderBy('audit_id').execute());
    expect(rows).toHaveLength(1200);
    expect(rows.map((r) => r.record_id)).toEqual(entries.map((e) => e.recordId));
    expect(rows[7]).toMatchObject({ la_code: LA, action: 'create', user_agent: 'test\tagent', request_id: 'req-1', detail: { i: 7, note: 'line\nbreak' } });
    expect(rows[0]?.occurred_at.getTime()).toBeGreaterThan(before - 5_000);
    // Rows naming another council than the one acting are refused, and nothing of the list is written.
    await expect(
      withCouncil(LA, () =>
        db()
          .transaction()
          .execute((trx) => writeAudit(trx, auditRows(actor(OTHER), entries))),
      ),
    ).rejects.toThrow(/council acting/);
    const others = await withCouncil('*', () => db().selectFrom('audit_event').select('audit_id').where('la_code', '=', OTHER).execute());
    expect(others).toHaveLength(0);
  });

  it('lets the application only insert into the staging table, not read or change it', async () => {
    await withCouncil(LA, () =>
      db()
        .transaction()
        .execute(async (trx) => {
          await sql`select lantern_audit_staging()`.execute(trx);
          for (const statement of [sql`select * from pg_temp.audit_copied`, sql`delete from pg_temp.audit_copied`, sql`truncate pg_temp.audit_copied`]) {
            await sql`savepoint refused`.execute(trx);
            await expect(statement.execute(trx)).rejects.toThrow(/permission denied/);
            await sql`rollback to savepoint refused`.execute(trx);
          }
        }),
    );
  });
});
