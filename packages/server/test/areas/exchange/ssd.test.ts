/**
 * The Standard Safeguarding Dataset out and in: a generated council exported, loaded into an
 * empty database, and exported again gives the same files; a second load of the same files
 * changes nothing; a bad file is refused naming the file and field, with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSsd, importSsd, type SsdImport } from '../../../src/areas/exchange/index.ts';
import { COMMAND_LINE, ImportRefused } from '../../../src/areas/returns/index.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { batch } from '../../../src/kernel/ledger.ts';
import { seedCouncil } from '../../../src/seed/generate.ts';
import { openTestStore } from '../../helpers/db.ts';

const LA = 'E06000019';
let source: Store;
let target: Store;
const work = mkdtempSync(path.join(tmpdir(), 'lantern-ssd-'));
const first = path.join(work, 'first');
const second = path.join(work, 'second');
let imported: SsdImport;

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
const count = async (store: Store, query: string) => Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(store.db)).rows[0]?.n);

beforeAll(async () => {
  [source, target] = await Promise.all([openTestStore(), openTestStore()]);
  await seedCouncil(source.db, { children: 40, seed: 3, asOf: '2026-11-23' });
  await recordAMother(source);
  await exportSsd(source.db, LA, first, { actor: COMMAND_LINE });
  imported = await importSsd(target.db, first, { actor: COMMAND_LINE, laCode: LA });
  await exportSsd(target.db, LA, second, { actor: COMMAND_LINE });
}, 600_000);

/** The oldest girl has a baby, recorded as the SSDA903 import records one (the generator makes none). */
async function recordAMother(store: Store) {
  const mother = await store.db
    .selectFrom('person')
    .select('person_id')
    .where('la_code', '=', LA)
    .where('is_child', '=', true)
    .where('sex', '=', 'F')
    .orderBy('date_of_birth')
    .executeTakeFirstOrThrow();
  const baby = randomUUID();
  await batch(
    store.db,
    null,
    async (ledger) => {
      await ledger.insertMany('person', [
        { la_code: LA, person_id: baby, is_child: false, given_name: 'Unnamed', family_name: 'baby', date_of_birth: '2026-06-01', sex: 'U' },
      ]);
      await ledger.insertMany('relationship', [
        { la_code: LA, relationship_id: randomUUID(), person_id: baby, related_person_id: mother.person_id, relationship_type: 'mother' },
      ]);
    },
    { laCode: LA },
  );
}

afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('lantern export ssd, then import ssd into an empty database, then export again', () => {
  it('writes one CSV per object Lantern holds, with the SSD’s field names as the header', () => {
    const out = files(first);
    expect(Object.keys(out)).toContain('ssd_person.csv');
    expect(Object.keys(out)).toContain('ssd_cin_episodes.csv');
    expect(out['ssd_person.csv']?.split('\n')[0]).toBe(
      'pers_person_id,pers_forename,pers_surname,pers_sex,pers_gender,pers_ethnicity,pers_dob,pers_common_child_id,pers_legacy_id,pers_upn_unknown,pers_send_flag,pers_expected_dob,pers_death_date,pers_is_mother,pers_nationality',
    );
    // 40 children, a header line and the final newline.
    expect(out['ssd_person.csv']?.split('\n').length).toBe(42);
  });

  it('audits each child whose record went out', async () => {
    expect(
      await count(source, `select count(distinct child_id) as n from audit_event where la_code = '${LA}' and action = 'export' and record_type = 'ssd'`),
    ).toBe(40);
  });

  it('gives identical files the second time', () => {
    const a = files(first);
    const b = files(second);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect({ name, text: b[name] }).toEqual({ name, text: a[name] });
    // Every object has records in the generated council, so the comparison is not of empty files.
    for (const [name, text] of Object.entries(a)) expect({ name, rows: text.trim().split('\n').length > 1 }).toEqual({ name, rows: true });
  });

  it('placed every record, through the ledger: versions, audit rows and chronology', async () => {
    expect(imported.alreadyImported).toBe(false);
    expect(imported.notPlaced).toEqual([]);
    // The 40 children and the baby of the one who is a mother.
    expect(imported.written.person).toBe(41);
    expect(await count(target, `select count(*) as n from person where la_code = '${LA}' and is_child`)).toBe(40);
    const episodes = await count(target, `select count(*) as n from cin_episode where la_code = '${LA}'`);
    expect(await count(target, `select count(*) as n from record_version where la_code = '${LA}' and record_type = 'cin-episode'`)).toBe(episodes);
    expect(await count(target, `select count(*) as n from audit_event where la_code = '${LA}' and record_type = 'cin-episode' and action = 'create'`)).toBe(
      episodes,
    );
    expect(await count(target, `select count(*) as n from chronology_entry where la_code = '${LA}' and record_type = 'cin-episode'`)).toBe(episodes);
    // The deadlines were derived.
    expect(await count(target, `select count(*) as n from obligation where la_code = '${LA}'`)).toBeGreaterThan(0);
  });

  it('recognises the same files a second time and writes nothing', async () => {
    const before = await count(target, `select count(*) as n from audit_event where la_code = '${LA}'`);
    const again = await importSsd(target.db, first, { actor: COMMAND_LINE, laCode: LA });
    expect(again.alreadyImported).toBe(true);
    expect(again.importId).toBe(imported.importId);
    expect(await count(target, `select count(*) as n from audit_event where la_code = '${LA}'`)).toBe(before);
  });
});

describe('a bad SSD extract', () => {
  it('is refused naming the file, row and field, and nothing is written', async () => {
    const bad = path.join(work, 'bad');
    cpSync(first, bad, { recursive: true });
    const episodes = readFileSync(path.join(bad, 'ssd_cin_episodes.csv'), 'utf8').split('\n');
    const cells = (episodes[1] ?? '').split(',');
    cells[2] = '31/02/2025';
    episodes[1] = cells.join(',');
    writeFileSync(path.join(bad, 'ssd_cin_episodes.csv'), episodes.join('\n'));
    const store = await openTestStore();
    try {
      const refused = await importSsd(store.db, bad, { actor: COMMAND_LINE, laCode: LA }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ImportRefused);
      expect((refused as ImportRefused).message).toMatch(/nothing was imported/);
      expect((refused as ImportRefused).details).toContain('ssd_cin_episodes.csv row 2, cine_referral_date: "31/02/2025" is not a date (YYYY-MM-DD)');
      expect(await count(store, 'select count(*) as n from person')).toBe(0);
      expect(await count(store, 'select count(*) as n from return_import')).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('is refused when a column is not a field of its object', async () => {
    const bad = path.join(work, 'bad-header');
    cpSync(first, bad, { recursive: true });
    const person = readFileSync(path.join(bad, 'ssd_person.csv'), 'utf8').replace('pers_forename', 'pers_first_name');
    writeFileSync(path.join(bad, 'ssd_person.csv'), person);
    const refused = (await importSsd(target.db, bad, { actor: COMMAND_LINE, laCode: 'E06000020' }).catch((e: unknown) => e)) as ImportRefused;
    expect(refused.details).toEqual(['ssd_person.csv: "pers_first_name" is not a field of ssd_person']);
    expect(await count(target, `select count(*) as n from person where la_code = 'E06000020'`)).toBe(0);
  });
});
