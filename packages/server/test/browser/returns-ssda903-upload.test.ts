/**
 * The performance analyst's SSDA903 screen in Chromium with files from elsewhere: check another
 * system's CSV files and see the failures grouped by rule; import the council's own earlier return
 * and see what was written and what could not be placed; import it again and see nothing changed.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, openSsda903Return, returnsDemo, skip, text } from './harness.ts';

// Checking and importing on the embedded database of a busy machine can take a while: wait for
// what the analyst would see, never for a fixed time.
const PATIENCE = { timeout: 120_000 };
const fixtures = (name: string) => {
  const dir = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
  return readdirSync(dir)
    .sort()
    .map((f) => `${dir}${f}`);
};

describe.skipIf(skip)('SSDA903 files on the SSDA903 screen', () => {
  const demo = returnsDemo(40, 300_000);

  test('the analyst checks another system’s files, sees the failures by rule, then imports the council’s return once', async () => {
    const { server, page } = demo;
    await openSsda903Return(page, server, '2026');

    // Three files at once, none named after its table: a Header, an Episodes and a note.
    await page.getByLabel('Or check SSDA903 CSV files from another system').setInputFiles(fixtures('ssda903'));
    await page.getByRole('button', { name: 'Check the files' }).click();
    await page.getByRole('heading', { name: 'The files checked: 2025 to 2026' }).waitFor(PATIENCE);
    expect(await text(page, '[data-testid="ssda903-check-errors"]')).toBe('4');
    const files = page.locator('table').filter({ hasText: 'Each file and the table it is' });
    expect(await files.getByRole('row', { name: /children\.csv/ }).textContent()).toMatch(/children\.csv\s*Header\s*3/);
    expect(await files.getByRole('row', { name: /export-2\.csv/ }).textContent()).toMatch(/export-2\.csv\s*Episodes\s*3/);
    expect(await files.getByRole('row', { name: /notes\.csv/ }).textContent()).toContain('Not read');

    const rule = page.locator('details.govuk-details').filter({ hasText: 'Error 101:' });
    await rule.waitFor();
    expect(((await rule.locator('summary').textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/Error 101: .*sex is not valid\. \(1\)/);
    expect(await page.locator('details.govuk-details').count()).toBe(4);
    await rule.locator('summary').click();
    const failure = rule.locator('tbody tr').first();
    await failure.waitFor({ state: 'visible' });
    const cells = await failure.locator('td').allTextContents();
    expect(cells[0]).toBe('1002');
    expect(cells[1]).toBe('Header in children.csv (row 2), line 3');
    expect(cells[2]).toBe('SEX=X');
    await expectNoAxeViolations(page, 'the checked SSDA903 files');

    // The council's own return: what was written, and each record that could not be placed.
    await page.getByLabel('SSDA903 CSV files', { exact: true }).setInputFiles(fixtures('ssda903-import'));
    await page.getByRole('button', { name: 'Import the return' }).click();
    const imported = page.getByTestId('ssda903-imported');
    await imported.getByText('5 children read.').waitFor(PATIENCE);
    const count = async (what: string) =>
      (
        (await imported
          .locator('.govuk-summary-list__row')
          .filter({ has: page.locator('dt', { hasText: new RegExp(`^${what}$`) }) })
          .locator('dd')
          .textContent()) ?? ''
      ).trim();
    expect(await count('person')).toBe('6');
    expect(await count('cla episode')).toBe('4');
    expect(await text(page, '[data-testid="ssda903-imported"]')).toContain('IMP005 (Episodes row 7): RNE, LS, CIN and PLACE must each hold a DfE code');
    await expectNoAxeViolations(page, 'the SSDA903 import');

    // The same files again change nothing.
    await page.getByRole('button', { name: 'Import the return' }).click();
    await imported.getByText('These files were imported before: nothing changed.').waitFor(PATIENCE);
    expect(await text(page, '[data-testid="ssda903-imported"]')).not.toContain('children read');
  }, 300_000);
});
