/**
 * Lantern tried as a new user would (issue 14's defects): each role's pages load without a
 * refused call, a partner sees only what they may use, the navigation fits at 1280 px and no
 * main page is wider than a 390 px phone; the search hint, the returns screen and the child's
 * forms say what the council's data and the returns need.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { todayInEngland } from '@lantern/core/calendar';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../helpers/server.ts';
import { heading1, signIn, skip, startDemo } from './harness.ts';

const WIDE = { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;

/** The pages each role reaches from its menu (the improvement plan is still wider than a phone: to do). */
const MAIN_PAGES: Record<string, string[]> = {
  'sw.demo': ['/', '/work', '/teams', '/children-looked-after'],
  'tm.demo': ['/', '/work', '/teams-and-workforce', '/workforce', '/performance', '/children-looked-after'],
  'fd.demo': ['/', '/work', '/performance'],
  'iro.demo': ['/', '/work', '/teams'],
  'hos.demo': ['/', '/work', '/performance', '/partners', '/returns', '/returns/ssda903', '/children-looked-after', '/providers', '/access-requests'],
  'analyst.demo': ['/', '/work', '/performance', '/returns', '/returns/cin-census'],
  'admin.demo': ['/', '/workforce', '/performance', '/providers', '/users', '/users/new'],
  'partner.demo': ['/partner'],
};

describe.skipIf(skip)('Lantern tried as a new user would', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemo(200));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  /** A signed-in page that notes every API call answered with an error. */
  async function signedIn(username: string, options: typeof WIDE | typeof PHONE = WIDE) {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, username);
    await page.waitForURL((u) => u.pathname !== '/sign-in');
    // From here on, signed in: no call the page makes may be refused or fail.
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) failed.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return { page, failed };
  }

  /** Opens a page and waits until nothing says "Loading…" any more. */
  async function open(page: Page, path: string) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByText('Loading…').count(), { timeout: 20_000 }).toBe(0);
  }

  test('the performance page makes no call a team manager or the front door is refused', async () => {
    for (const username of ['tm.demo', 'fd.demo']) {
      const { page, failed } = await signedIn(username);
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Performance' }).click();
      await heading1(page, 'Performance');
      await page.getByRole('list', { name: 'Headline figures' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(failed, username).toEqual([]);
      // Their own team's figures, not the council's teams side by side.
      expect(await page.locator('.govuk-caption-l').first().textContent()).toBe('Your team');
    }
  });

  test('a partner sees only the pages they may use; others say so plainly and lead back to their requests', async () => {
    const { page, failed } = await signedIn('partner.demo');
    await heading1(page, /requests/i);
    for (const path of ['/providers', '/returns/cin-census', '/children/new', '/performance', '/no-such-page']) {
      await page.goto(`${server.url}${path}`);
      await heading1(page, 'Page not found');
      const main = page.locator('main');
      expect(await main.getByText('Loading…').count(), path).toBe(0);
      expect(await main.locator('form').count(), `${path} offers no form`).toBe(0);
      expect(await main.getByRole('link').allTextContents(), path).toEqual(['Go to your requests']);
    }
    await page.getByRole('link', { name: 'Go to your requests' }).click();
    await heading1(page, /requests/i);
    expect(failed).toEqual([]);
  });

  test('staff opening a page that is not for their role are told so, with a way back to their own', async () => {
    const { page, failed } = await signedIn('sw.demo');
    await page.goto(`${server.url}/returns/ssda903`);
    await heading1(page, 'This page is not for your role');
    expect(await page.locator('main').textContent()).toContain('As a social worker you do not use this page.');
    expect(await page.locator('main form').count()).toBe(0);
    await page.getByRole('link', { name: 'Go to Find a child' }).click();
    await heading1(page, 'Find a child');
    expect(failed).toEqual([]);
  });

  test('every role’s main pages load with no refused call and fit a 390 px phone; the menu opens from a button', async () => {
    for (const [username, paths] of Object.entries(MAIN_PAGES)) {
      const { page, failed } = await signedIn(username, PHONE);
      for (const path of paths) {
        await open(page, path);
        // The page's width, and what sticks out of it named in the failure (a string, as this package has no DOM types).
        const { width, widest } = await page.evaluate<{ width: number; widest: string[] }>(`({
          width: document.scrollingElement.scrollWidth,
          widest: [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > 391 && e.parentElement.getBoundingClientRect().right <= 391)
            .map((e) => e.tagName.toLowerCase() + '.' + e.className)
            .slice(0, 3),
        })`);
        expect(width, `${username} on ${path}: page width (${widest.join(', ')})`).toBeLessThanOrEqual(390);
      }
      expect(failed, username).toEqual([]);
      // The menu is collapsed behind a button on a phone, and opens.
      const nav = page.getByRole('navigation', { name: 'Menu' });
      const toggle = nav.getByRole('button', { name: 'Menu' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.getByRole('link').first().isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.getByRole('link').first().isVisible()).toBe(true);
    }
  }, 240_000);

  test('at 1280 px every role’s menu sits on one row', async () => {
    for (const username of Object.keys(MAIN_PAGES)) {
      const { page } = await signedIn(username);
      const nav = page.getByRole('navigation', { name: 'Menu' });
      expect(await nav.getByRole('button', { name: 'Menu' }).isVisible(), username).toBe(false);
      const tops = await nav.locator('li').evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${username}: rows of menu items`).toBe(1);
      const height = (await nav.boundingBox())?.height ?? 0;
      expect(height, `${username}: menu height`).toBeLessThanOrEqual(60);
    }
  });

  test('the search hint shows a child id as the council’s ids look', async () => {
    const { page } = await signedIn('sw.demo');
    // Finding a child is its own page; the landing page is the worker's work.
    await page.goto(`${server.url}/children`);
    const child = await server.store.db.selectFrom('person').select('la_child_id').where('la_child_id', 'is not', null).executeTakeFirstOrThrow();
    const id = child.la_child_id as string;
    const prefix = id.replace(/\d+$/, '');
    expect(prefix).not.toBe('LC');
    const hint = (await page.locator('#q-hint').textContent()) ?? '';
    expect(hint).toMatch(new RegExp(`\\b${prefix}\\d{6}\\b`));
    expect(hint).not.toContain('LC000123');
  });

  test('the SSDA903 screen warns that a year not yet ended will fail its year-end rules', async () => {
    const { page } = await signedIn('hos.demo');
    await open(page, '/returns/ssda903');
    const year = page.getByLabel('Collection year');
    const today = todayInEngland();
    for (const value of await year.locator('option').evaluateAll((o) => o.map((x) => x.getAttribute('value') ?? ''))) {
      await year.selectOption(value);
      const warned = await page.getByTestId('unfinished-year').count();
      expect(warned, `year ending 31 March ${value}`).toBe(`${value}-03-31` > today ? 1 : 0);
    }
  });
});
