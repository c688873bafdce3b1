/**
 * The Standard Safeguarding Dataset as Lantern maps it: each SSD object Lantern holds is one
 * `SsdObject` — what every field is filled from (for docs/ssd.md) and one page query that reads
 * it from the case record, a page of keys at a time, in the SSD's field names and formats:
 * dates `YYYY-MM-DD`, date-times ISO 8601 in UTC, flags `Y`/`N`, codes as the returns spell them,
 * `_json` fields as JSON text with fixed key order. Values are text; blank is empty.
 */
import { type RawBuilder, sql } from 'kysely';

/** A row in SSD field names; `_key` is its page key, `_skip` marks a key with nothing to write. */
export type SsdRow = Record<string, string | null> & { _key: string; _skip?: string | null };

export type SsdObject = {
  /** The SSD object, e.g. `ssd_person` (its CSV is `ssd_person.csv`). */
  object: string;
  /** For each field Lantern fills: where from, in a sentence. */
  from: Record<string, string>;
  /** For each field left blank: why Lantern cannot fill it. */
  blank: Record<string, string>;
  /**
   * The rows of a page of keys (the record ids after `after`, in order, `limit` of them); each
   * row carries its key as `_key`, and every row of a key is in that key's page.
   */
  page: (laCode: string, after: string | null, limit: number) => RawBuilder<SsdRow>;
};

/** A date column as `YYYY-MM-DD`. */
export const d = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
/** A date-time column in UTC, ISO 8601. */
export const ts = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
/** A condition as the SSD's `Y`/`N`. */
export const yn = (condition: string) => sql.raw(`case when ${condition} then 'Y' else 'N' end`);
/** A nullable boolean column as `Y`, `N` or blank. */
export const ynNull = (column: string) => sql.raw(`case ${column} when true then 'Y' when false then 'N' end`);

/** The social worker allocated to the child (`t.child_id`) on a day. */
export const workerOn = (day: string, child = 't.child_id') =>
  sql.raw(`(select a.worker_id::text from allocation a where a.la_code = t.la_code and a.child_id = ${child}
    and a.allocation_role = 'social-worker' and a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})
    order by a.start_date desc, a.allocation_id limit 1)`);
/** That worker's team. */
export const teamOn = (day: string, child = 't.child_id') =>
  sql.raw(`(select w.team_id::text from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
    where a.la_code = t.la_code and a.child_id = ${child} and a.allocation_role = 'social-worker' and a.start_date <= ${day}
    and (a.end_date is null or a.end_date >= ${day}) order by a.start_date desc, a.allocation_id limit 1)`);
/** The child's CIN episode open on a day (else none). */
export const episodeOn = (day: string, child = 't.child_id') =>
  sql.raw(`(select e.episode_id::text from cin_episode e where e.la_code = t.la_code and e.child_id = ${child}
    and e.referral_date <= ${day} and (e.closure_date is null or e.closure_date >= ${day}) order by e.referral_date desc limit 1)`);

/** The page condition on a uuid key: after the last key of the page before. */
export const after = (column: string, last: string | null) => sql`(${last}::uuid is null or ${sql.raw(column)} > ${last}::uuid)`;

export const LANTERN_WORKER = 'the allocated social worker on that day (Lantern’s worker id; ssd_professionals)';
export const LANTERN_TEAM = 'that worker’s team (Lantern’s team id; ssd_department)';

/** A page query: the rows of a page of keys, given the fields' select list. */
export type PageOf = (columns: RawBuilder<unknown>) => SsdObject['page'];

/**
 * The page query of an object with one row per record of a table (alias `t`, keyed by its uuid
 * `key`): the columns given, for the council, optionally joined to other records and where a
 * condition holds, a page of keys at a time.
 */
export const keyedPage =
  ({ table, key, join, where }: { table: string; key: string; join?: RawBuilder<unknown>; where?: RawBuilder<unknown> }): PageOf =>
  (columns) =>
  (laCode, last, limit) => {
    const id = sql.ref(`t.${key}`);
    return sql<SsdRow>`
      select ${id}::text as _key, ${columns}
      from ${sql.table(table)} t ${join ?? sql``} where t.la_code = ${laCode} and ${where ?? sql`true`} and ${after(`t.${key}`, last)} order by ${id} limit ${limit}`;
  };

/** A field Lantern fills: the SQL that reads it (plain text or a helper's), and where it comes from, in a sentence. */
export type Filled = readonly [value: string | RawBuilder<unknown>, from: string];

/** The field of most objects that names the child of the record (`t`). */
export const CHILD_ID: Filled = ['t.child_id::text', 'the child’s Lantern id'];
/** The allocated social worker on a day (`when` says which day, e.g. `the start date`). */
export const workerField = (day: string, when: string): Filled => [workerOn(day), `${LANTERN_WORKER}, on ${when}`];
/** That worker's team on the day. */
export const teamField = (day: string, when: string): Filled => [teamOn(day), `${LANTERN_TEAM}, on ${when}`];

/**
 * An object whose fields are each listed once, with their SQL and their sentence: the page query
 * selects every field under its name, and `from` (docs/ssd.md) has every sentence.
 */
export const ssdObject = (object: string, page: PageOf, fields: Record<string, Filled>, blank: Record<string, string> = {}): SsdObject => ({
  object,
  from: Object.fromEntries(Object.entries(fields).map(([field, [, from]]) => [field, from])),
  blank,
  page: page(sql.join(Object.entries(fields).map(([field, [value]]) => sql`${typeof value === 'string' ? sql.raw(value) : value} as ${sql.ref(field)}`))),
});
