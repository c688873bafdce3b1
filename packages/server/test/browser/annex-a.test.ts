/**
 * The analyst downloads Ofsted's Annex A in a real browser: Returns, an as-of date, the button;
 * the file that arrives is the workbook, one sheet a list. A date that does not exist is refused
 * on the page. axe checks the screen with its error.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAnnexACouncil } from '../helpers/annex-a-council.ts';
import { FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import type { TestServer } from '../helpers/server.ts';
import { readWorkbook } from '../helpers/workbook.ts';
import { closeAll, expectNoAxeViolations, heading1, newPage, signIn, skip, startDemo } from './harness.ts';

describe.skipIf(skip)('The analyst downloads Annex A', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    await buildAnnexACouncil(server.store.db);
    page = await newPage(browser, { locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  });

  afterAll(() => closeAll(browser, server));

  test('Returns → an as-of date → the workbook downloads, one sheet a list', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'analyst', FIXTURE_PASSWORD);
    await page.getByRole('link', { name: 'Returns' }).click();
    await heading1(page, 'Returns');
    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Download Annex A workbook' }).click();
    await page.getByRole('link', { name: /must be a real date/ }).waitFor();
    await expectNoAxeViolations(page, 'Returns with an error');

    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('11');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Annex A workbook' }).click()]);
    expect(download.suggestedFilename()).toBe('E06000019-annex-a-2026-11-30.xlsx');
    const sheets = await readWorkbook(readFileSync(await download.path()));
    expect(sheets).toHaveLength(11);
    expect(sheets[0]?.rows.map((r) => r[0])).toEqual(['T1', 'T2']);
    await page.getByTestId('annex-a-done').waitFor();
  });
});
