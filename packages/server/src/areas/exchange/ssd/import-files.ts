/**
 * Reading an SSD extract for `lantern import ssd`: each object's CSV (named by the object), its
 * header checked against the SSD's fields, every date, date-time and Y/N flag checked before
 * anything is written. A file that fails is refused with the file, row and field named.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { headerOf, NOT_HELD, SSD_OBJECTS, ssdFields } from './catalogue.ts';

export type SsdRecord = Record<string, string> & { _row: string };
export type SsdExtract = { tables: Map<string, SsdRecord[]>; sha256: string; files: string[]; notHeld: string[] };

/** The extract cannot be read: nothing is written. `details` names each file, row and field. */
export class SsdFileError extends Error {
  constructor(
    message: string,
    readonly details: string[],
  ) {
    super(message);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function realDate(value: string): boolean {
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** Fields whose SSD values are Y/N flags. */
const FLAGS = new Set([
  'cine_referral_nfa',
  'cina_assessment_child_seen',
  'cina_assessment_outcome_nfa',
  's47e_s47_nfa',
  'icpc_icpc_outcome_cp_flag',
  'cppr_cp_review_outcome_continue_cp',
  'cppr_cp_review_participation',
  'cinv_cin_visit_seen',
  'cinv_cin_visit_seen_alone',
  'cppv_cp_visit_seen',
  'cppv_cp_visit_seen_alone',
  'clav_cla_visit_seen',
  'clav_cla_visit_seen_alone',
  'clar_cla_review_cancelled',
  'miss_missing_rhi_offered',
  'miss_missing_rhi_accepted',
  'prof_agency_worker_flag',
  'clas_substance_misused',
  'clas_intervention_received',
  'clai_immunisations_status',
]);
/** Date-times (the rest of the SSD's datetime fields are days). */
export const DATE_TIMES = new Set(['cont_contact_date', 'miss_missing_episode_start_date', 'miss_missing_episode_end_date']);
/** Each object's key field, which every row must have. */
const KEYS: Record<string, string> = {};
for (const f of ssdFields()) if (f.key === 'pk' && !KEYS[f.object]) KEYS[f.object] = f.field;

export async function readSsdExtract(dir: string): Promise<SsdExtract> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  } catch {
    throw new SsdFileError(`${dir} is not a folder that can be read`, []);
  }
  const fields = ssdFields();
  const known = new Set(fields.map((f) => f.object));
  const types = new Map(fields.map((f) => [`${f.object}.${f.field}`, f.type.toLowerCase()]));
  const held = new Set(SSD_OBJECTS.map((o) => o.object));
  const problems: string[] = [];
  const tables = new Map<string, SsdRecord[]>();
  const notHeld: string[] = [];
  const hash = createHash('sha256');
  for (const name of names) {
    const object = name.slice(0, -4).toLowerCase();
    const bytes = await readFile(path.join(dir, name));
    hash.update(name);
    hash.update(bytes);
    if (!known.has(object)) {
      problems.push(`${name}: not an SSD object (the file is named by its object, e.g. ssd_person.csv)`);
      continue;
    }
    if (!held.has(object)) {
      notHeld.push(`${name}: ${NOT_HELD[object] ?? 'Lantern does not hold this object'}`);
      continue;
    }
    let rows: string[][];
    try {
      rows = parse(bytes, { bom: true, relax_column_count: false, skip_empty_lines: true });
    } catch (error) {
      problems.push(`${name}: not a CSV file that can be read (${(error as Error).message})`);
      continue;
    }
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const allowed = new Set(headerOf(object, fields));
    const unknown = header.filter((h) => !allowed.has(h));
    if (unknown.length)
      problems.push(`${name}: ${unknown.map((h) => `"${h}"`).join(', ')} ${unknown.length > 1 ? 'are not fields' : 'is not a field'} of ${object}`);
    const key = KEYS[object] as string;
    if (!header.includes(key)) problems.push(`${name}: the header has no ${key}, the object's key`);
    if (unknown.length || !header.includes(key)) continue;
    const records: SsdRecord[] = [];
    rows.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const record = { _row: String(row) } as SsdRecord;
      header.forEach((h, c) => {
        const value = (cells[c] ?? '').trim();
        record[h] = value;
        if (!value) return;
        const type = types.get(`${object}.${h}`);
        if (FLAGS.has(h) && value !== 'Y' && value !== 'N') problems.push(`${name} row ${row}, ${h}: "${value}" must be Y or N`);
        else if (type === 'datetime' && DATE_TIMES.has(h) && !(DATE_TIME.test(value) || DATE.test(value)))
          problems.push(`${name} row ${row}, ${h}: "${value}" is not a date-time (YYYY-MM-DDTHH:MM:SSZ)`);
        else if (type === 'datetime' && !DATE_TIMES.has(h) && !DATE.test(value))
          problems.push(`${name} row ${row}, ${h}: "${value}" is not a date (YYYY-MM-DD)`);
        else if (type === 'datetime' && !realDate(value)) problems.push(`${name} row ${row}, ${h}: "${value}" is not a real date`);
        else if (h.endsWith('_json')) {
          try {
            JSON.parse(value);
          } catch {
            problems.push(`${name} row ${row}, ${h}: not JSON`);
          }
        }
      });
      if (!record[key]) problems.push(`${name} row ${row}, ${key}: empty (every record needs its key)`);
      records.push(record);
    });
    tables.set(object, records);
  }
  if (!tables.has('ssd_person') && !problems.some((p) => p.startsWith('ssd_person')))
    problems.push(`${dir} has no ssd_person.csv: the children are the extract's starting point`);
  if (problems.length)
    throw new SsdFileError(
      `The SSD extract in ${dir} cannot be imported (${problems.length} problem${problems.length > 1 ? 's' : ''}); nothing was imported`,
      problems.slice(0, 50),
    );
  return { tables, sha256: hash.digest('hex'), files: names, notHeld };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Lantern's id for an SSD id: the id itself when it is a UUID (so an extract Lantern wrote comes
 * back with the same ids), else one made from the council, the kind of record and the id — the
 * same SSD id always gives the same Lantern id, and ids of other kinds never collide.
 */
export function lanternId(laCode: string, kind: string, ssdId: string): string {
  if (UUID.test(ssdId)) return ssdId.toLowerCase();
  const h = createHash('sha1').update(`${laCode}|${kind}|${ssdId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
