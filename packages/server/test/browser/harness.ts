/**
 * What every browser suite shares: where Chromium is (and whether the suite must skip), the
 * accessibility check, and small page helpers that read as a user would act.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ensureWebBuilt } from './web-build.ts';

export const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
/** Without Chromium the suite skips, except under CI=true, where it must run and so fails. */
export const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skip) console.log(`Browser tests skipped: no Chromium at ${CHROMIUM}. Install it with \`apt-get install chromium\` to run them.`);

/** Launch options for Debian's Chromium: never a downloaded browser, no background network. */
export const LAUNCH = { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] };

/** '2015-03-12' → '12 March 2015', worked out apart from the app's own formatting. */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  if (results.violations.length) {
    const report = results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
    console.log(`axe violations on ${what}:\n${JSON.stringify(report, null, 2)}`);
  }
  expect(
    results.violations.map((v) => v.id),
    `axe violations on ${what}`,
  ).toEqual([]);
}

export async function heading1(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The links of the site's menu, in order. */
export const menuLinks = (page: Page) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allTextContents();

/** The menu a social worker sees. */
export const SOCIAL_WORKER_MENU = ['Find a child', 'My work', 'Teams', 'Add a child', 'Children looked after'];

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A browser page as an English user in England sees it. */
export const CONTEXT = { viewport: { width: 1200, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;

/** Types an ISO date into a GOV.UK date input (its day, month and year boxes). */
export async function fillDate(page: Page, name: string, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.locator(`[id="${name}-day"]`).fill(String(Number(day)));
  await page.locator(`[id="${name}-month"]`).fill(String(Number(month)));
  await page.locator(`[id="${name}-year"]`).fill(year as string);
}

/**
 * The social worker fills in the placement of a child coming into care as the fixture's PLACEMENT has
 * it (need N1, provider PR1, Ofsted URN SC555555, placed in HR2 7AA from a home in HR1 2AB), with
 * the legal status and placement type given.
 */
export async function fillPlacement(page: Page, legalStatus: string, placementType: string) {
  await page.getByLabel('Legal status').selectOption(legalStatus);
  await page.getByLabel('Category of need').selectOption('N1');
  await page.getByLabel('Postcode of the child’s home').fill('HR1 2AB');
  await page.getByLabel('Placement type').selectOption(placementType);
  await page.getByLabel('Who provides the placement (PLACE_PROVIDER)').selectOption('PR1');
  await page.getByLabel('Ofsted URN, if no provider is chosen').fill('SC555555');
  await page.getByLabel('Placement postcode').fill('HR2 7AA');
}

/** One radio or checkbox of a group, by the group's legend and the option's label. */
export const choice = (page: Page, legend: string, label: string) => page.getByRole('group', { name: legend }).getByLabel(label, { exact: true });

/** A page in a context of its own (so a session of its own), saying in the log when the page throws. */
export async function newPage(browser: Browser, context: BrowserContextOptions = CONTEXT): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  return page;
}

/** A fixture user (helpers/fixture.ts) who asked for `path`, was sent to sign in, and signed in. */
export async function pageAs(browser: Browser, server: TestServer, username: string, path: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${server.url}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signIn(page, username, FIXTURE_PASSWORD);
  return page;
}

/** A fixture user signed in from the sign-in page itself. */
export async function signedInPage(browser: Browser, server: TestServer, username: string, context: BrowserContextOptions = CONTEXT): Promise<Page> {
  const page = await newPage(browser, context);
  await page.goto(`${server.url}/sign-in`);
  await signIn(page, username, FIXTURE_PASSWORD);
  return page;
}

/**
 * A seeded demo council of `children` (or the empty database, for a fixture of the test's own) served with the web app, and Chromium;
 * the server's structured log to `logs` if given.
 */
export async function startDemo(children?: number, logs?: NodeJS.WritableStream): Promise<{ server: TestServer; browser: Browser }> {
  ensureWebBuilt();
  const server = await startTestServer({ children, web: true, logs });
  return { server, browser: await chromium.launch(LAUNCH) };
}

/** A seeded demo council with Chromium and a page for the analyst's returns. */
export type ReturnsDemo = { server: TestServer; browser: Browser; page: Page };

/**
 * For the describe block it is called in: a seeded demo council of `children` with Chromium and a
 * page for the analyst's returns, downloads accepted and up to a minute for each step (producing a
 * return on a busy machine takes a while); started before the block's tests, closed after them.
 * Read its server and page inside a test.
 */
export function returnsDemo(children: number, timeout?: number): ReturnsDemo {
  const demo = {} as ReturnsDemo;
  beforeAll(async () => {
    const { server, browser } = await startDemo(children);
    const page = await newPage(browser, { ...CONTEXT, acceptDownloads: true });
    page.setDefaultTimeout(60_000);
    Object.assign(demo, { server, browser, page });
  }, timeout);
  afterAll(() => closeAll(demo.browser, demo.server));
  return demo;
}

/** Chromium, then the server, whichever of them started. */
export async function closeAll(browser: Browser | undefined, server: TestServer | undefined) {
  await browser?.close();
  await server?.close();
}

/** The performance analyst signs in and opens one return from the Returns page. */
export async function openReturn(page: Page, server: TestServer, name: string) {
  await page.goto(`${server.url}/`);
  await signIn(page, 'analyst.demo');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Returns' }).click();
  await heading1(page, 'Returns');
  await page.getByRole('link', { name }).click();
  await heading1(page, name);
}

/** The analyst opens the SSDA903 return for the collection year ending in `year`. */
export async function openSsda903Return(page: Page, server: TestServer, year: string) {
  await openReturn(page, server, 'Children looked after (SSDA903)');
  await page.getByLabel('Collection year').selectOption(year);
}
