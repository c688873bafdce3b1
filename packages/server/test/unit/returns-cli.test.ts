import { describe, expect, it } from 'vitest';
import { lanternExit } from '../helpers/command.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

// Each case starts a process; on a busy machine that takes seconds.
describe('lantern validate cin-census', { timeout: 60_000 }, () => {
  it('exits 0 for a return with no errors (queries are warnings)', async () => {
    const r = await lanternExit(['validate', 'cin-census', fixture('cin-census-sample.xml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('QUERY 2887Q');
    expect(r.stdout).toMatch(/4 children, 2025\/26 rules; schema valid; 0 errors, 1 queries\.\n$/);
  });

  it('exits 1 and names each failure when there are errors', async () => {
    const r = await lanternExit(['validate', 'cin-census', fixture('cin-census-errors.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'ERROR 8750 child SAMPLE03 ChildIdentifiers line 104 [Sex, PersonBirthDate, ExpectedPersonBirthDate]: Sex must equal U for an unborn child',
    );
    expect(r.stdout).toContain('6 errors, 2 queries');
  });

  it('--json gives the same as data', async () => {
    const r = await lanternExit(['validate', 'cin-census', '--json', fixture('cin-census-errors.xml')]);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ year: 2026, children: 4, schemaValid: true, errors: 6, queries: 2 });
    expect(data.failures.find((f: { code: string }) => f.code === '4011')).toMatchObject({
      childId: 'SAMPLE04',
      module: 'CINplanDates',
      row: 'CINdetails 1 / CINPlanDates 1',
      fields: ['CINPlanEndDate', 'CINPlanStartDate'],
    });
  });

  it('exits 1 for a file that breaks the schema, and for a year written wrongly', async () => {
    const broken = await lanternExit(['validate', 'cin-census', fixture('cin-census-broken.xml')]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('ERROR XSD');
    const badYear = await lanternExit(['validate', 'cin-census', '--year', '26', fixture('cin-census-sample.xml')]);
    expect(badYear.code).toBe(1);
    expect(badYear.stderr).toContain('--year must be a collection year written YYYY');
  });

  it('says so when the file does not exist', async () => {
    const r = await lanternExit(['validate', 'cin-census', '/nonexistent/return.xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
  });
});
