/**
 * Every page of every role, on a phone and a desktop: each demo user signs in and opens every page their role
 * may open (the web app's own rule, web/src/pages.ts, applied to the role's permissions), filled
 * in with records of the demo council they may reach. On each, axe finds no serious or critical
 * violation, and nothing is wider than the screen, 390 px or 1280 px. Every route of the app is in the list
 * below (a test fails when a new one is not), so a new page is checked as it arrives.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { PERMISSIONS, type Role } from '@lantern/core/permissions';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mayOpen } from '../../../web/src/pages.ts';
import type { TestServer } from '../helpers/server.ts';
import { closeAll, signIn, skip, startDemo } from './harness.ts';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Europe/London' };
const DESKTOP = { width: 1280, height: 800 };
/** Sub-pixel rounding only. */
const TOLERANCE = 1;

const USERS: [string, Role][] = [
  ['sw.demo', 'social-worker'],
  ['tm.demo', 'team-manager'],
  ['fd.demo', 'team-manager'],
  ['iro.demo', 'iro'],
  ['irom.demo', 'iro-manager'],
  ['hos.demo', 'head-of-service'],
  ['analyst.demo', 'performance-analyst'],
  ['admin.demo', 'administrator'],
  ['legal.demo', 'legal-adviser'],
  ['ssw.demo', 'supervising-social-worker'],
  ['ftm.demo', 'fostering-team-manager'],
  ['ig.demo', 'information-governance'],
  ['partner.demo', 'partner'],
];

/** The forms of a forms-as-data module (its object's top-level keys), read from the web app's source. */
const formsOf = (file: string) =>
  [...readFileSync(new URL(`../../../web/src/routes/${file}`, import.meta.url), 'utf8').matchAll(/^ {2}'?([a-z-]+)'?: \{$/gm)].map((m) => m[1] as string);
const CARE_FORMS = [...formsOf('care/forms.ts'), ...formsOf('care/dolo-forms.ts')];
const MEETING_FORMS = formsOf('meetings/forms.ts');
const WORK_FORMS = formsOf('work/forms.ts');
const EARLY_HELP_FORMS = formsOf('early-help/forms.ts');
const LEGAL_FORMS = formsOf('legal/forms.ts');

/** Every page of the app, with its ids to fill in. Forms driven by data are one page per form. */
const child = (p: string) => `/children/:childId${p}`;
const PAGES: string[] = [
  '/',
  '/work',
  '/returns',
  '/returns/cin-census',
  '/returns/ssda903',
  '/children',
  '/children/new',
  child(''),
  child('/edit'),
  child('/history'),
  child('/casework'),
  child('/record/contact'),
  child('/record/contact/:contactId/decision'),
  child('/record/referral'),
  child('/record/assessment'),
  child('/record/assessment/:assessmentId'),
  child('/record/assessment/:assessmentId/authorise'),
  child('/record/strategy-discussion'),
  child('/record/section-47'),
  child('/record/section-47/:s47Id/outcome'),
  child('/record/initial-conference'),
  child('/record/review-conference'),
  child('/record/core-group'),
  child('/record/visit'),
  child('/record/cin-plan'),
  child('/record/cin-plan-review'),
  child('/record/cin-plan-end'),
  child('/record/closure'),
  child('/assessments/:assessmentId'),
  child('/assessments/:assessmentId/versions'),
  child('/section-47/:s47Id/findings'),
  child('/plans'),
  child('/plans/new'),
  child('/plans/:planDocumentId'),
  child('/plans/:planDocumentId/change'),
  child('/plans/:planDocumentId/progress'),
  child('/plans/:planDocumentId/compare'),
  child('/plans/:planDocumentId/for-family'),
  child('/looked-after'),
  child('/looked-after/start'),
  child('/looked-after/change'),
  child('/looked-after/cease'),
  child('/looked-after/approve-unregistered'),
  child('/looked-after/visit'),
  child('/looked-after/review'),
  child('/looked-after/missing'),
  child('/looked-after/missing/:missingId'),
  child('/meetings'),
  ...MEETING_FORMS.map((f) => child(`/meetings/record/${f}`)),
  child('/meetings/review/:reviewId'),
  child('/partners'),
  child('/looked-after-care'),
  ...CARE_FORMS.map((f) => child(`/looked-after-care/record/${f}`)),
  ...WORK_FORMS.map((f) => child(`/work/${f}`)),
  child('/early-help'),
  ...EARLY_HELP_FORMS.map((f) => child(`/early-help/record/${f}`)),
  child('/legal'),
  ...LEGAL_FORMS.map((f) => child(`/legal/record/${f}`)),
  '/providers',
  '/looked-after/unregistered',
  '/looked-after/missing',
  '/escalations',
  '/partner',
  '/partner/requests/:requestId',
  '/partners',
  '/uasc',
  '/care-leavers',
  '/partners/register',
  '/teams',
  '/teams/:teamId',
  '/performance',
  '/performance/benchmarks/load',
  '/performance/benchmarks/neighbours',
  '/performance/:indicatorId',
  '/performance/:indicatorId/children',
  '/improvement',
  '/improvement/actions/:actionId',
  '/improvement/inspections/new',
  '/improvement/recommendations/:recommendationId/actions/new',
  '/improvement/board-pack',
  '/workforce',
  '/teams-and-workforce',
  '/children-looked-after',
  '/workers/:workerId/supervision',
  '/users',
  '/users/new',
  '/users/:userId',
  '/access-requests',
  '/fostering',
  '/fostering/households/:householdId',
  '/fostering/new',
  // fostering/forms.ts: the recruitment steps are made by one function, so listed here by name.
  ...['application', 'stage-one', 'stage-two', 'panel', 'decision', 'visit', 'leaving'].map((f) => `/fostering/households/:householdId/record/${f}`),
  child('/foster-carers'),
  '/fostering/indicators/foster-carers-left',
  '/returns/dfe-feed',
  '/subject-access-requests',
  '/children/:sarChildId/subject-access-requests',
  '/children/:sarChildId/subject-access-requests/new',
  '/children/:sarChildId/subject-access-requests/:sarId',
  '/children/:sarChildId/subject-access-requests/:sarId/marks',
  '/children/:sarChildId/subject-access-requests/:sarId/extend',
  '/children/:sarChildId/subject-access-requests/:sarId/release',
];

describe.skipIf(skip)('Every page of every role, on a phone and a desktop', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startDemo(150));
    // Building the web app and seeding took over 3 minutes with the machine's load at 26.
  }, 600_000);
  afterAll(() => closeAll(browser, server));

  test('every route of the app is in the list', () => {
    const app = readFileSync(new URL('../../../web/src/App.tsx', import.meta.url), 'utf8');
    const routes = [...app.matchAll(/<Route path="([^"]+)"/g)].map((m) => m[1] as string).filter((r) => !['sign-in', 'sign-out', '*'].includes(r));
    const listed = PAGES.map((p) => p.replace(/:[a-zA-Z]+/g, ':id'));
    // A route (nested ones name only their end) is listed when some page ends with it, any id or form name standing for its parameters.
    const missing = routes.filter((r) => {
      const end = new RegExp(`/${r.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
      return !listed.some((p) => end.test(p));
    });
    expect(missing).toEqual([]);
  });

  /** The ids a user's pages are filled with: records of a child they may reach. */
  async function idsFor(username: string): Promise<Record<string, string | null>> {
    const db = server.store.db;
    const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(db)).rows[0]?.id ?? null;
    const user = (
      await sql<{ worker_id: string | null; team_id: string | null; role: string; organisation: string | null }>`
      select u.worker_id, w.team_id, u.role, u.partner_organisation_id as organisation from app_user u left join worker w on w.worker_id = u.worker_id
      where u.username = ${username}`.execute(db)
    ).rows[0];
    // An IRO reaches the children they review; everyone else, a child looked after held by sw.demo's team (with the most records).
    const childId = await one(
      user?.role === 'iro' || user?.role === 'iro-manager'
        ? sql<{
            id: string;
          }>`select a.child_id as id from allocation a where a.worker_id = ${user.worker_id} and a.allocation_role = 'iro' and a.end_date is null
            order by (select count(*) from cla_episode e where e.child_id = a.child_id) desc, a.child_id limit 1`
        : sql<{ id: string }>`select a.child_id as id from allocation a join app_user u on u.worker_id = a.worker_id and u.username = 'sw.demo'
            where a.allocation_role = 'social-worker' and a.end_date is null
            order by (select count(*) from cla_episode e where e.child_id = a.child_id) + (select count(*) from assessment s where s.child_id = a.child_id) desc, a.child_id limit 1`,
    );
    const of = (table: string, column: string) =>
      one(sql<{ id: string }>`select ${sql.ref(column)}::text as id from ${sql.table(table)} where child_id = ${childId} order by 1 limit 1`);
    return {
      childId,
      contactId: await of('contact', 'contact_id'),
      assessmentId: await of('assessment', 'assessment_id'),
      s47Id: await of('section47', 's47_id'),
      planDocumentId: await of('plan_document', 'plan_document_id'),
      missingId: await of('missing_episode', 'missing_id'),
      reviewId: await of('cla_review', 'review_id'),
      requestId: await one(
        sql<{ id: string }>`select request_id::text as id from partner_request where organisation_id = ${user?.organisation ?? null} limit 1`,
      ),
      teamId: user?.team_id ?? (await one(sql<{ id: string }>`select team_id::text as id from team order by name limit 1`)),
      workerId: user?.worker_id ?? (await one(sql<{ id: string }>`select worker_id::text as id from worker order by family_name limit 1`)),
      userId: await one(sql<{ id: string }>`select user_id::text as id from app_user where username = 'sw.demo'`),
      indicatorId: 'cin-referrals-repeat',
      actionId: await one(sql<{ id: string }>`select action_id::text as id from improvement_action order by due_date limit 1`),
      recommendationId: await one(sql<{ id: string }>`select recommendation_id::text as id from recommendation limit 1`),
      householdId: await one(sql<{ id: string }>`select household_id::text as id from foster_household order by reference limit 1`),
      // A subject access request not yet answered (the demo council has some), and its child.
      sarChildId: await one(
        sql<{ id: string }>`select child_id::text as id from subject_access_request where released_on is null order by received_on desc limit 1`,
      ),
      sarId: await one(sql<{ id: string }>`select sar_id::text as id from subject_access_request where released_on is null order by received_on desc limit 1`),
    };
  }

  /**
   * Pages already checked with axe, by their structure: the set of kinds of element on it (tag,
   * classes, role, focusability, labelling), not their text or how many rows. The same form or
   * list seen by another role, or with more rows, is not checked twice: that keeps the walk to a
   * few minutes. Width is measured on every page, at both sizes.
   */
  const checked = new Set<string>();

  /** What is wider than `width`: the page's scroll width and the outermost elements that stick out. */
  const overflow = (page: Page, width: number) =>
    page.evaluate<{ scroll: number; widest: string[] }>(`({
      scroll: document.scrollingElement.scrollWidth,
      widest: [...document.querySelectorAll('body *')]
        // The outermost that stick out, and anything positioned that does (it escapes a scrolling table's clip).
        .filter((e) => e.getBoundingClientRect().right > ${width + TOLERANCE}
          && (e.parentElement.getBoundingClientRect().right <= ${width + TOLERANCE} || getComputedStyle(e).position === 'absolute'))
        .map((e) => e.tagName.toLowerCase() + '.' + e.className)
        .slice(0, 3),
    })`);

  /**
   * Playwright's evaluate and axe have no time limit of their own: a page whose renderer stalls
   * would hold the walk until the test's 20 minutes ran out (CI at stop 29) without naming the page.
   */
  async function within<T>(seconds: number, what: string, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what}: no answer after ${seconds} s`)), seconds * 1000);
    });
    try {
      return await Promise.race([work, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function check(page: Page, what: string) {
    const shape = await page.evaluate<string>(
      `[...new Set([...document.querySelectorAll('body *')].map((e) => [e.tagName, e.getAttribute('class'), e.getAttribute('role'), e.getAttribute('tabindex'),
        e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby'), e.hasAttribute('aria-describedby'), e.hasAttribute('id')].join('.')))].sort().join('|')`,
    );
    const seen = checked.has(shape);
    checked.add(shape);
    const axe = seen ? { violations: [] } : await within(120, 'axe', new AxeBuilder({ page }).analyze());
    const found = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    for (const size of [PHONE.viewport, DESKTOP]) {
      if (size !== PHONE.viewport) await page.setViewportSize(size);
      const { scroll, widest } = await overflow(page, size.width);
      if (scroll > size.width + TOLERANCE) found.push(`${scroll} px wide at ${size.width} px (${widest.join(', ')})`);
    }
    await page.setViewportSize(PHONE.viewport);
    return { axed: !seen, problems: found.length ? [`${what}: ${found.join(' | ')}`] : [] };
  }

  /**
   * Opens a page as a click on a link would (the app's router, not a new load of the app), and
   * waits for its heading and for its data. A reload per page would spend most of the walk
   * starting the app again.
   */
  async function open(page: Page, path: string) {
    await page.evaluate(`window.history.pushState({}, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'))`);
    // The router renders on its next turn; until then the last page is still shown. A page's frames
    // can stall while other users' pages are busy, so the wait for one is also capped at 100 ms (React
    // commits this update in a task of its own, not on a frame).
    await page.evaluate('new Promise((done) => { requestAnimationFrame(() => setTimeout(done, 0)); setTimeout(done, 100); })');
    // Polled from here: the app's content security policy forbids the evaluated code waitForFunction would need.
    // 30 s: on a loaded machine (two cores, many builds) a page with several reads can take 15.
    const until = performance.now() + 30_000;
    while (!(await page.evaluate<boolean>(`document.querySelector('h1') !== null && !document.body.innerText.includes('Loading…')`))) {
      if (performance.now() > until) throw new Error(`no heading, or still “Loading…”, after 30 s`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  // Users in parallel, each in their own context of one browser (vitest's maxConcurrency caps how many at once).
  test.concurrent.for(USERS)(
    '%s: every page they may open passes axe and fits 390 px and the desktop',
    // About 11 minutes for the busiest role with the machine's load at 35 (two cores); far less when quiet.
    { timeout: 1_200_000 },
    async ([username, role], { expect }) => {
      const can = (p: string) => p in (PERMISSIONS[role] ?? {});
      const ids = await idsFor(username);
      const pages = PAGES.filter((p) => mayOpen(p.replace(/:[a-zA-Z]+/g, 'x'), can));
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in`);
      await signIn(page, username);
      await page.waitForURL((u) => u.pathname !== '/sign-in');
      const problems: string[] = [];
      const unfilled: string[] = [];
      let axed = 0;
      const started = performance.now();
      for (const template of pages) {
        const names = [...template.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
        if (names.some((n) => !ids[n])) {
          unfilled.push(template);
          continue;
        }
        const path = template.replace(/:([a-zA-Z]+)/g, (_, n: string) => String(ids[n]));
        let step = 'opening';
        try {
          await within(60, 'opening the page', open(page, path));
          step = 'checking';
          const checkedHere = await within(180, 'checking the page', check(page, template));
          axed += checkedHere.axed ? 1 : 0;
          problems.push(...checkedHere.problems);
        } catch (e) {
          problems.push(`${template}: ${String(e).split('\n')[0]}`);
          // A tab that stops answering stays unusable: say which page, and end this user's walk there.
          if (step === 'checking' || String(e).includes('no answer after')) break;
        }
      }
      await context.close();
      const opened = pages.length - unfilled.length;
      console.log(`${username}: ${opened} pages (${axed} new to axe) in ${Math.round((performance.now() - started) / 1000)} s`);
      if (unfilled.length) console.log(`${username}: no record to open for ${unfilled.join(', ')}`);
      expect(problems, `${username}: ${opened} pages`).toEqual([]);
    },
  );
});
