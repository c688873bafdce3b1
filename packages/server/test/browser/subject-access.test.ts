/**
 * A subject access request in a real browser, as information governance: recorded from the
 * child's page (due one calendar month later), the proposed third-party marks reviewed (one more
 * added), the copy released and downloaded; pdftotext reads the child's name and their words in
 * it, and neither the third party's name nor the added words. axe checks the pages on the way.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sarDueOn } from '@lantern/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUsers, buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { closeAll, CONTEXT, expectNoAxeViolations, heading1, longDate, signedInPage, skip, startDemo } from './harness.ts';

const saved = (page: Page, notice: string) => page.locator('.govuk-notification-banner--success').filter({ hasText: notice }).waitFor();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe.skipIf(skip)('A subject access request in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let childId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-sar-browser-'));

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    const ids = await buildFixture(server.store.db);
    childId = ids.childA;
    await addUsers(server.store.db, { username: 'ig', role: 'information-governance', displayName: 'Information governance (test)' });
    // The social worker's note names the child's mother (a third party) and a street.
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    const note = await sw.post(`/api/children/${childId}/chronology`, {
      occurredOn: '2025-09-03',
      category: 'visit',
      summary: 'Home visit at Larkspur Road. Karen Lambert said Poppy had been sleeping better; Poppy said she likes her new school.',
    });
    expect(note.status).toBe(201);
    page = await signedInPage(browser, server, 'ig', { ...CONTEXT, acceptDownloads: true });
  });

  afterAll(async () => {
    await closeAll(browser, server);
    rmSync(dir, { recursive: true, force: true });
  });

  test('record a request, review the marks, release, and download a copy with the third party removed', async () => {
    // The landing page leads to the requests (none yet).
    await page.getByText('No subject access request is waiting for an answer.').waitFor();
    await page.goto(`${server.url}/children/${childId}`);
    await page.getByRole('link', { name: /Subject access requests for Poppy Lambert/ }).click();
    await heading1(page, 'Subject access requests');
    await page.getByRole('link', { name: 'Record a subject access request' }).click();
    await heading1(page, 'Record a subject access request');

    // Nothing entered: each field is named.
    await page.getByRole('button', { name: 'Record the request' }).click();
    await page.locator('.govuk-error-summary').getByText('Enter the name of the person asking').waitFor();
    await expectNoAxeViolations(page, 'the record form with errors');

    const received = today();
    await page.getByLabel('Who is asking?').fill('Poppy Lambert');
    await page.getByLabel('The person the record is about').check();
    await page.getByLabel('What proof of identity was seen?').fill('Passport and a college letter');
    const [year, month, day] = received.split('-');
    await page.locator('#receivedOn-day').fill(String(Number(day)));
    await page.locator('#receivedOn-month').fill(String(Number(month)));
    await page.locator('#receivedOn-year').fill(year as string);
    await page.getByRole('button', { name: 'Record the request' }).click();
    await saved(page, 'Request recorded');

    const due = sarDueOn(received, false);
    await page.getByRole('link', { name: /Asked by Poppy Lambert/ }).click();
    await heading1(page, 'Subject access request');
    await page
      .getByText(`Due ${longDate(due)}`)
      .first()
      .waitFor();
    const marks = page.getByTestId('sar-marks');
    await marks.getByText('Karen Lambert').waitFor();
    await expectNoAxeViolations(page, 'a subject access request');

    // Not releasable until a person has reviewed the marks.
    expect(await page.getByRole('link', { name: 'Release the redacted copy' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Review the redaction marks' }).click();
    await heading1(page, 'Review the redaction marks');
    expect(await page.getByRole('checkbox', { name: /Karen Lambert/ }).isChecked()).toBe(true);
    await page.getByLabel('Other names or words to remove (optional)').fill('Larkspur Road');
    await expectNoAxeViolations(page, 'the marks review form');
    await page.getByRole('button', { name: 'Save the reviewed marks' }).click();
    await saved(page, 'Redaction marks reviewed');
    await marks.getByText('Larkspur Road').waitFor();

    await page.getByRole('link', { name: 'Release the redacted copy' }).click();
    await heading1(page, 'Release the redacted copy');
    await page.getByRole('button', { name: 'Release the copy' }).click();
    await saved(page, 'Copy released');
    await page.getByText(`Answered: copy released ${longDate(received)}`).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the released copy (PDF)' }).click()]);
    const file = path.join(dir, 'copy.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Poppy Lambert');
    expect(text).toContain('sleeping better');
    expect(text).not.toContain('Karen');
    expect(text).not.toContain('Larkspur');

    // The council's list shows it answered.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Subject access requests' }).click();
    await heading1(page, 'Subject access requests');
    await page
      .getByTestId('sar-list')
      .getByText(`Answered: copy released ${longDate(received)}`)
      .waitFor();
    await expectNoAxeViolations(page, 'the council’s subject access requests');
  });
});
