/**
 * What every browser suite shares: where Chromium is (and whether the suite must skip), the
 * accessibility check, and small page helpers that read as a user would act.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';

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

/** One radio or checkbox of a group, by the group's legend and the option's label. */
export const choice = (page: Page, legend: string, label: string) => page.getByRole('group', { name: legend }).getByLabel(label, { exact: true });
