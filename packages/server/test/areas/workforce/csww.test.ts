import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCensus, parseCensus, validateCensus } from '../../../src/areas/workforce/index.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { openTestStore } from '../../helpers/db.ts';
import { buildFixture, LA } from '../../helpers/fixture.ts';

const run = promisify(execFile);
const lantern = new URL('../../../bin/lantern.mjs', import.meta.url).pathname;

// The 2026 census (reference date 30 September 2026; the year from 1 October 2025) of the
// fixture's five registered social workers, plus: Lee (permanent, left 31 March 2026, resigned),
// Ola (left 15 September 2025, before the year: not counted), Ash (agency, in post), Zed (agency,
// left 1 June 2026: not counted) and Neve (starts 5 October 2026: not counted). Team A has 4 funded
// posts and 3 permanent staff; team B half a post and one worker.
let store: Store;
let ids: Awaited<ReturnType<typeof buildFixture>>;
const dir = mkdtempSync(path.join(tmpdir(), 'lantern-csww-'));

beforeAll(async () => {
  store = await openTestStore();
  ids = await buildFixture(store.db);
  const db = store.db;
  for (const [i, w] of [ids.swA, ids.swA2, ids.tmA, ids.swB, ids.iro].entries())
    await db
      .updateTable('worker')
      .set({ swe_number: `SW100${i}`, gender: '2', ethnicity: 'WBRI', qualification_institution: 'University of Worcester', qualification_level: '1' })
      .where('worker_id', '=', w)
      .execute();
  const worker = (given: string, employment: 'agency' | 'permanent', start: string, leave: string | null, swe: string, reason: string | null = null) => ({
    la_code: LA,
    worker_id: randomUUID(),
    given_name: given,
    family_name: 'Tester',
    job_role: 'social-worker',
    employment,
    team_id: ids.teamA,
    start_date: start,
    leave_date: leave,
    swe_number: swe,
    leave_reason: reason,
    fte: 1,
  });
  await db
    .insertInto('worker')
    .values([
      worker('Lee', 'permanent', '2022-04-04', '2026-03-31', 'SW2002', '1'),
      worker('Ola', 'permanent', '2021-01-04', '2025-09-15', 'SW2003', '5'),
      worker('Ash', 'agency', '2026-02-02', null, 'SW2004'),
      worker('Zed', 'agency', '2025-11-03', '2026-06-01', 'SW2005'),
      worker('Neve', 'permanent', '2026-10-05', null, 'SW2006'),
    ])
    .execute();
  await db
    .insertInto('team_establishment')
    .values([
      { la_code: LA, team_id: ids.teamA, effective_from: '2025-01-01', funded_fte: 4 },
      { la_code: LA, team_id: ids.teamB, effective_from: '2025-01-01', funded_fte: 0.5 },
    ])
    .execute();
});
afterAll(() => store?.close());

describe('the workforce census', () => {
  it('counts those employed on 30 September and those who left in the year; agency staff in post', async () => {
    const census = await buildCensus(store.db, LA, 2026);
    const m = census.message;
    expect(m.referenceDate).toBe('2026-09-30');
    expect(m.vacancies).toEqual({ NumberOfVacancies: '1.00', NoAgencyFTE: '1.00', NoAgencyHeadcount: '1' });
    const by = (swe: string) => m.workers.find((w) => w.SWENo === swe);
    expect(m.workers.map((w) => w.SWENo).sort()).toEqual(
      ['SW0000001000', 'SW0000001001', 'SW0000001002', 'SW0000001003', 'SW0000001004', 'SW0000002002', 'SW0000002004'].sort(),
    );
    // Ava holds Poppy: a case holder with one case. Amir holds none: qualified without cases.
    expect(by('SW0000001000')).toMatchObject({ AgencyWorker: '0', OrgRole: '5', Cases30: '1', FTE30: '1.000000', GenderCurrent: '2', Ethnicity: 'WBRI' });
    expect(by('SW0000001001')).toMatchObject({ OrgRole: '6' });
    expect(by('SW0000001001')?.Cases30).toBeUndefined();
    expect(by('SW0000001002')).toMatchObject({ OrgRole: '3' });
    expect(by('SW0000001003')).toMatchObject({ OrgRole: '5', Cases30: '2' });
    expect(by('SW0000002002')).toMatchObject({ RoleEndDate: '2026-03-31', ReasonLeave: '1' });
    expect(by('SW0000002002')?.FTE30).toBeUndefined();
    expect(by('SW0000002004')).toEqual({ AgencyWorker: '1', SWENo: 'SW0000002004', QualInst: ['Not known'] });
    // The XML reads back to the same census, and passes the schema and the rules.
    expect(parseCensus(census.xml).workers).toEqual(m.workers);
    const report = await validateCensus(census.xml);
    expect(report).toMatchObject({ valid: true, schemaErrors: [], workers: 7 });
  });

  it('lantern validate csww passes a good file and fails, exit 1, a file breaking the schema or a rule', async () => {
    const { xml } = await buildCensus(store.db, LA, 2026);
    const good = path.join(dir, 'good.xml');
    writeFileSync(good, xml);
    const ok = await run(process.execPath, [lantern, 'validate', 'csww', good]);
    expect(ok.stdout).toContain('valid');
    expect(ok.stdout).toContain('7 workers; 0 errors');

    const badSchema = path.join(dir, 'bad-schema.xml');
    writeFileSync(badSchema, xml.replace('<SWENo>SW0000001000</SWENo>', '<SWENo>SW1000</SWENo>'));
    const schemaFail = await run(process.execPath, [lantern, 'validate', 'csww', badSchema]).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(schemaFail?.code).toBe(1);
    expect(schemaFail?.stdout).toMatch(/error\tschema\tline \d+\t.*SWENo/);

    const badRule = path.join(dir, 'bad-rule.xml');
    writeFileSync(badRule, xml.replace('<ReasonLeave>1</ReasonLeave>', '<ReasonLeave>12</ReasonLeave>'));
    const ruleFail = await run(process.execPath, [lantern, 'validate', 'csww', badRule]).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(ruleFail?.code).toBe(1);
    expect(ruleFail?.stdout).toContain('csww-code-list');
    expect(ruleFail?.stdout).toContain('ReasonLeave');
  });
});
