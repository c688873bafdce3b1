/**
 * What every Annex A list is made of (lists.ts): a list's shape, its kinds of column (text, a date
 * as Excel shows it, a count, a blank with its reason), the child's own columns and allocated
 * worker, and the condition that reads a batch of children.
 */
import { ageOn, ETHNICITY_CATEGORY, SEX_CATEGORY } from '@lantern/core/returns/annex-a';
import { type RawBuilder, sql } from 'kysely';

export type Row = Record<string, unknown>;
export type Cell = string | number | Date | null;
export type ListContext = { laCode: string; asOf: string; from6: string; from12: string /** the batch of children being read */; ids: string[] };
export type Column = { header: string; kind: 'text' | 'date' | 'number'; value?: (r: Row, ctx: ListContext) => Cell; blank?: string };
export type AnnexAList = {
  id: string;
  number: number;
  title: string;
  /** A shorter title for the sheet where `List N title` would pass Excel's 31 characters. */
  sheet?: string;
  /** Who is on the list, in words (docs and the sheet's note). */
  scope: string;
  columns: Column[];
  /** Rows for these children, ordered by child then event; null when Lantern holds nothing for the list. */
  query: ((ctx: ListContext, ids: string[]) => RawBuilder<Row>) | null;
};

export const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** A date as Excel shows it: midnight UTC, so no time zone moves it a day. */
export const excelDate = (v: unknown): Date | null => {
  const s = str(v);
  return s ? new Date(`${s.slice(0, 10)}T00:00:00Z`) : null;
};
export const upTo = (v: unknown, ctx: ListContext): Date | null => {
  const s = str(v);
  return s && s.slice(0, 10) <= ctx.asOf ? excelDate(s) : null;
};
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const disabled = (r: Row) => {
  const d = (r.disabilities as string[] | null) ?? [];
  return d.some((x) => x !== 'NONE') ? 'Y' : 'N';
};

export const text = (header: string, value: (r: Row, ctx: ListContext) => Cell): Column => ({ header, kind: 'text', value });
export const date = (header: string, field: string): Column => ({ header, kind: 'date', value: (r, ctx) => upTo(r[field], ctx) });
export const count = (header: string, field: string): Column => ({ header, kind: 'number', value: (r) => num(r[field]) });
export const blank = (header: string, why: string): Column => ({ header, kind: 'text', blank: why });

export const childColumns: Column[] = [
  text('Child Unique ID', (r) => str(r.la_child_id)),
  text('Gender', (r) => SEX_CATEGORY[String(r.sex)] ?? null),
  text('Ethnicity', (r) => ETHNICITY_CATEGORY[String(r.ethnicity)] ?? null),
  { header: 'Date of Birth', kind: 'date', value: (r) => excelDate(r.date_of_birth) },
  { header: 'Age of Child (Years)', kind: 'number', value: (r, ctx) => ageOn(str(r.date_of_birth), ctx.asOf) },
];
export const disability = (header = 'Disability') => text(header, disabled);
export const allocated: Column[] = [text('Allocated Team', (r) => str(r.team_name)), text('Allocated Worker', (r) => str(r.worker_name))];

/** The child's person columns and allocated social worker (the one holding the case on the as-of date, else the latest before it). */
export const person = (ctx: ListContext, child: RawBuilder<unknown>) => sql`
  join unnest(${ctx.ids}::uuid[]) as batch(child_id) on batch.child_id = ${child}
  join person p on p.la_code = ${ctx.laCode} and p.person_id = batch.child_id
  left join lateral (
    select a.worker_id from allocation a
    where a.la_code = p.la_code and a.child_id = p.person_id and a.allocation_role = 'social-worker' and a.start_date <= ${ctx.asOf}::date
    order by (a.end_date is null or a.end_date > ${ctx.asOf}::date) desc, a.start_date desc
    limit 1) al on true
  left join worker aw on aw.la_code = p.la_code and aw.worker_id = al.worker_id
  left join team at on at.la_code = aw.la_code and at.team_id = aw.team_id`;
/** The council's rows (alias `t`) of the children in the batch: where every list's query starts. */
export const ofBatch = (ctx: ListContext, ids: string[], t: string) =>
  sql`${sql.ref(`${t}.la_code`)} = ${ctx.laCode} and ${sql.ref(`${t}.child_id`)} = any(${ids}::uuid[])`;
export const personFields = sql`p.person_id, p.la_child_id, p.sex, p.ethnicity, p.date_of_birth, p.disabilities, at.name as team_name, aw.given_name || ' ' || aw.family_name as worker_name`;
