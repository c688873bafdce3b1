/**
 * The lists a landing page is made of. Each is a count and a page: the count is of every item,
 * so nothing is silently cut off. Deadlines are read from `obligation` by rule, generically, so a
 * new rule (plan actions, IRO recommendations) appears on the pages without a change here.
 */
import { addWorkingDays, daysSinceEpoch, dayOfWeek, addDays } from '@lantern/core/calendar';
import { ROLES_SEEING_RESTRICTED } from '@lantern/core/permissions';
import { RULE_LABELS, TIMESCALE_RULES } from '@lantern/core/timescales';
import type { WorkItem } from '@lantern/core/work';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { NO_ID } from '../../kernel/access.ts';
import type { CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { PREPARED } from '../../kernel/db/store.ts';

/**
 * A page's statement, and a grouped list's count past its last page, are prepared on each
 * connection (their text depends on the lists and the role, never on a value): PostgreSQL then
 * keeps a generic plan, where planning a worker's overdue list each time took five times as long
 * as running it.
 */
const prepared = sql.raw(PREPARED);

export { NO_ID };

/**
 * A list on a landing page: how many in all, and one page of them. A page's SQL is built only when
 * its statement is asked for, once per shape (service.ts compiles it once); each request answers
 * from its rows with the lists made again for its values, and building every list's SQL for that
 * was a fifth of the server's CPU on a social worker's overdue list. So each list's parts of SQL
 * are given as functions (`where: () => sql…`), called only for the statement.
 */
export type SectionDef = {
  id: string;
  title: string;
  empty: string;
  more?: { href: string; text: string } | null;
  /** The page's one statement (the count and the page together) and how its rows answer. */
  page: (limit: number, offset: number) => ListPage;
};

/**
 * One page of a list: a statement answering its count and page in one (service.ts reads every list
 * of a page in one statement), and the answer from its rows. The rows may come back as JSON (a
 * date as its text, a timestamp as ISO text): a list's items read them as such.
 */
export type ListPage = {
  statement: () => RawBuilder<Row>;
  answer: (rows: Row[]) => Promise<{ total: number; items: WorkItem[] }>;
};
type Row = Record<string, unknown>;

/** What a section is called and says when empty, and where its "more" link goes: the part of it every kind of list is given. */
type Heading = Pick<SectionDef, 'id' | 'title' | 'empty' | 'more'>;

const RULES_BY_ID = new Map(TIMESCALE_RULES.map((r) => [r.id, r]));

/** Plain English for a rule: core's label, else its description, else the id made readable. */
export function ruleLabel(ruleId: string): string {
  const rule = RULES_BY_ID.get(ruleId);
  const text = RULE_LABELS[ruleId] ?? rule?.what ?? ruleId.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The day asked about and the days the lists count to. */
export type Days = { asOf: string; in5: string; in20: string; weekEnd: string; since14: string };
export function daysFrom(asOf: string): Days {
  // Every landing page asks for today's: counted once a day, not per request.
  if (lastDays?.asOf === asOf) return lastDays;
  // Sunday ends the week (dayOfWeek: 0 Sunday … 6 Saturday).
  const dow = dayOfWeek(asOf);
  lastDays = Object.freeze({
    asOf,
    in5: addWorkingDays(asOf, 5),
    in20: addWorkingDays(asOf, 20),
    weekEnd: addDays(asOf, dow === 0 ? 0 : 7 - dow),
    since14: addDays(asOf, -14),
  });
  return lastDays;
}
let lastDays: Days | undefined;

const overdueBy = (due: string | null, asOf: string) => (due && due < asOf ? daysSinceEpoch(asOf) - daysSinceEpoch(due) : null);

/** Restricted children only for those holding the case, their team, and the roles that see them. */
export function visible(user: CurrentUser, p = 'p'): RawBuilder<unknown> {
  if (ROLES_SEEING_RESTRICTED.includes(user.role)) return sql`true`;
  const ref = (c: string) => sql.ref(`${p}.${c}`);
  return sql`(not ${ref('restricted')} or exists (
    select 1 from allocation va join worker vw on vw.la_code = va.la_code and vw.worker_id = va.worker_id
    where va.la_code = ${ref('la_code')} and va.child_id = ${ref('person_id')} and va.end_date is null
      and (va.worker_id = ${user.workerId ?? NO_ID} or vw.team_id = ${user.teamId ?? NO_ID})))`;
}

type ObligationRow = {
  child_id: string;
  rule_id: string;
  source_id: string;
  due_date: string;
  given_name: string;
  family_name: string;
  la_child_id: string | null;
  worker_name: string | null;
  team_name: string | null;
};

/**
 * Open deadlines matching `where` (alias o for obligation), soonest (so most overdue) first. Open means not met and not ended, and its clock has started.
 */
export function obligationSection(
  user: CurrentUser,
  days: Days,
  def: Heading & { where: () => RawBuilder<unknown>; note?: (r: ObligationRow) => string | null },
): SectionDef {
  // The child is read only to hide restricted records from those who may not see them, and for
  // the names on the page shown: a council's overdue need not be joined to every child to count.
  const seen = () =>
    ROLES_SEEING_RESTRICTED.includes(user.role)
      ? sql``
      : sql`and exists (select 1 from person p where p.la_code = o.la_code and p.person_id = o.child_id and ${visible(user)})`;
  const open = () => sql`from obligation o
    where o.la_code = ${user.laCode} and o.met_on is null and o.ended_on is null and o.start_date <= ${days.asOf}
      and ${def.where()} ${seen()}`;
  const toItem = (r: ObligationRow) =>
    childItem(r, {
      key: `${r.child_id}:${r.rule_id}:${r.source_id}`,
      what: ruleLabel(r.rule_id),
      dueDate: r.due_date,
      daysOverdue: overdueBy(r.due_date, days.asOf),
      who: [r.worker_name, r.team_name].filter(Boolean).join(', ') || null,
      note: def.note?.(r) ?? null,
    });
  // The count and the page in one statement: the count's row is joined to the page, so a page
  // past the end still answers the count, with no item.
  const statement = (limit: number, offset: number) => {
    const from = open();
    return sql<Row>`
      select c.n as total, x.* from (select count(*)::int as n ${from}) c
      left join lateral (
        select x.*, p.given_name, p.family_name, p.la_child_id, w.given_name || ' ' || w.family_name as worker_name, t.name as team_name from (
          select o.child_id, o.rule_id, o.source_id, o.due_date, o.responsible_worker_id, o.responsible_team_id
          ${from}
          order by o.due_date, o.rule_id, o.child_id, o.source_id
          limit ${limit} offset ${offset}
        ) x
        join person p on p.la_code = ${user.laCode} and p.person_id = x.child_id
        left join worker w on w.la_code = ${user.laCode} and w.worker_id = x.responsible_worker_id
        left join team t on t.la_code = ${user.laCode} and t.team_id = x.responsible_team_id
      ) x on true
      order by x.due_date, x.rule_id, x.child_id, x.source_id`;
  };
  const page = (limit: number, offset: number): ListPage => ({
    statement: () => statement(limit, offset),
    answer: async (rows) => ({
      total: Number(rows[0]?.total ?? 0),
      items: (rows as (ObligationRow & { total: number })[]).filter((r) => r.child_id !== null).map(toItem),
    }),
  });
  return { id: def.id, title: def.title, empty: def.empty, more: def.more ?? null, page };
}

/**
 * The usual list: rows `from` one query (its from and where), counted in full, and a page of
 * them in `order`. One place for the count-and-page pattern every list shares.
 */
export function listSection(
  def: Heading & {
    select: () => RawBuilder<unknown>;
    from: () => RawBuilder<unknown>;
    order: () => RawBuilder<unknown>;
  },
  toItem: (row: Row) => WorkItem,
): SectionDef {
  // The count and the page in one statement (as obligationSection's): the count's one row joined
  // to the page, so a page past the end still answers the count, with no item. The page keeps its
  // order: a join on true to one row can only be a nested loop over the page.
  const page = (limit: number, offset: number): ListPage => ({
    statement: () => {
      const from = def.from();
      return sql<Row>`
      select c.n as list_total, x.* from (select count(*)::int as n ${from}) c
      left join lateral (select 1 as on_page, ${def.select()} ${from} order by ${def.order()} limit ${limit} offset ${offset}) x on true`;
    },
    answer: async (rows) => ({ total: Number(rows[0]?.list_total ?? 0), items: rows.filter((r) => r.on_page !== null).map(toItem) }),
  });
  return { id: def.id, title: def.title, empty: def.empty, more: def.more ?? null, page };
}

/** A child's item: the child's name and number from columns given_name, family_name, la_child_id, child_id. */
export function childItem(r: Record<string, unknown>, partial: Partial<WorkItem> & { key: string; what: string }): WorkItem {
  return item({
    childId: String(r.child_id),
    childName: `${r.given_name} ${r.family_name}`,
    laChildId: (r.la_child_id as string | null) ?? null,
    ...partial,
  });
}

/** An item with only what is given; the rest empty. */
export function item(partial: Partial<WorkItem> & { key: string; what: string }): WorkItem {
  return {
    childId: null,
    childName: null,
    laChildId: null,
    dueDate: null,
    daysOverdue: null,
    hoursLeft: null,
    who: null,
    note: null,
    href: partial.childId ? `/children/${partial.childId}` : null,
    count: null,
    ...partial,
  };
}

export { overdueBy };

/** Rules the landing pages single out; read by id, so they appear as soon as the engine derives them. */
export const PLAN_ACTION_RULES = ['plan-action'];
export const RECOMMENDATION_RULES = ['iro-recommendation'];

export const mine = (u: CurrentUser) => sql`o.responsible_worker_id = ${u.workerId ?? NO_ID}`;
export const ofRules = (ids: string[]) => sql`o.rule_id = any(${ids}::text[])`;

/** The user's own overdue deadlines, on every landing page of those who hold work. */
export function yourOverdue(u: CurrentUser, d: Days): SectionDef {
  return obligationSection(u, d, {
    id: 'overdue',
    title: 'Overdue',
    empty: 'Nothing of yours is overdue.',
    where: () => sql`${mine(u)} and o.due_date < ${d.asOf}`,
    more: { href: '/work', text: 'Your full worklist' },
  });
}

/** Open deadlines grouped by who owns them (a team's overdue by worker, the service's by team and rule). */
export function grouped(
  db: Kysely<Database>,
  u: CurrentUser,
  d: Days,
  def: { id: string; title: string; empty: string; where: () => RawBuilder<unknown>; by: 'worker' | 'team-rule' },
): SectionDef {
  const keys = () => (def.by === 'worker' ? sql`o.responsible_worker_id` : sql`o.responsible_team_id, o.rule_id`);
  const open = () =>
    sql`from obligation o where o.la_code = ${u.laCode} and o.met_on is null and o.ended_on is null and o.due_date < ${d.asOf} and ${def.where()} group by ${keys()}`;
  // The number of groups rides on each row (counted after grouping, before the page is cut), so
  // the overdue are read once, not once to count and again for the page.
  const page = (limit: number, offset: number) => sql<Row>`
    select g.*, w.given_name || ' ' || w.family_name as worker_name, t.name as team_name from (
      select ${keys()}, count(*)::int as n, min(o.due_date) as oldest, count(*) over ()::int as groups ${open()} order by count(*) desc, min(o.due_date) limit ${limit} offset ${offset}
    ) g
    left join worker w on w.la_code = ${u.laCode} and w.worker_id = ${def.by === 'worker' ? sql`g.responsible_worker_id` : sql`null::uuid`}
    left join team t on t.la_code = ${u.laCode} and t.team_id = ${def.by === 'worker' ? sql`null::uuid` : sql`g.responsible_team_id`}
    order by g.n desc, g.oldest`;
  const toItem = (r: Record<string, unknown>) =>
    item({
      key: def.by === 'worker' ? String(r.responsible_worker_id ?? 'none') : `${r.responsible_team_id ?? 'none'}:${r.rule_id}`,
      what: def.by === 'worker' ? String(r.worker_name ?? 'No one allocated') : ruleLabel(String(r.rule_id)),
      who: def.by === 'worker' ? null : String(r.team_name ?? 'No team'),
      count: Number(r.n),
      daysOverdue: overdueBy(String(r.oldest), d.asOf),
      dueDate: String(r.oldest),
      href: def.by === 'worker' && r.responsible_worker_id ? `/work?view=team&workerId=${r.responsible_worker_id}` : null,
    });
  const count = () => sql<{ n: number }>`${prepared}select count(*)::int as n from (select 1 ${open()}) g`;
  return {
    id: def.id,
    title: def.title,
    empty: def.empty,
    page: (limit, offset) => ({
      statement: () => page(limit, offset),
      // Past the last page no row carries the number of groups: count them.
      answer: async (rows) => ({
        total: rows.length ? Number(rows[0]?.groups) : offset > 0 ? Number((await count().execute(db)).rows[0]?.n ?? 0) : 0,
        items: rows.map(toItem),
      }),
    }),
  };
}
