/**
 * The ONS Postcode Directory in the database (table postcode_directory, migration 0028): loaded
 * whole by `lantern reference postcodes load FILE`, read a return's worth of postcodes at a time.
 * National reference data like calendar_day, replaced wholesale on each load, so it is written
 * directly rather than through the ledger (it is no one's record and has no versions).
 */
import type { PostcodeDirectory, PostcodePlace } from '@lantern/core/returns/ssda903/postcodes';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import { readPostcodeDirectory } from './postcode-file.ts';

const BATCH = 20_000;
const int = (n: number) => (Number.isFinite(n) ? Math.round(n) : null);

/** Replace the directory with the file's postcodes, all or nothing. Returns how many were loaded. */
export async function loadPostcodesIntoDatabase(db: Kysely<Database>, file: string, onProgress?: (loaded: number) => void): Promise<number> {
  let loaded = 0;
  await db.transaction().execute(async (trx) => {
    await sql`delete from postcode_directory`.execute(trx);
    let batch: { postcode: string; la: string; e: number | null; n: number | null }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      // One statement with arrays per batch: fast on both stores. A postcode given twice keeps its last row.
      await sql`insert into postcode_directory (postcode, ons_la_code, easting, northing)
        select * from unnest(${batch.map((b) => b.postcode)}::text[], ${batch.map((b) => b.la)}::text[], ${batch.map((b) => b.e)}::integer[], ${batch.map((b) => b.n)}::integer[])
        on conflict (postcode) do update set ons_la_code = excluded.ons_la_code, easting = excluded.easting, northing = excluded.northing`.execute(trx);
      loaded += batch.length;
      onProgress?.(loaded);
      batch = [];
    };
    const seen = new Set<string>();
    for await (const r of readPostcodeDirectory(file)) {
      // The same postcode twice in one statement would be refused by "on conflict"; flush first.
      if (seen.has(r.postcode)) {
        await flush();
        seen.clear();
      }
      seen.add(r.postcode);
      batch.push({ postcode: r.postcode, la: r.laCode, e: int(r.easting), n: int(r.northing) });
      if (batch.length >= BATCH) {
        await flush();
        seen.clear();
      }
    }
    await flush();
  });
  return loaded;
}

/** How many postcodes the database's directory holds (0 when none was loaded). */
export async function postcodeDirectorySize(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('postcode_directory').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The directory's entries for these postcodes (capitals, no spaces); undefined when no directory was loaded. */
export async function postcodesFromDatabase(db: Kysely<Database>, postcodes: ReadonlySet<string>): Promise<PostcodeDirectory | undefined> {
  const any = await db.selectFrom('postcode_directory').select('postcode').limit(1).executeTakeFirst();
  if (!any) return undefined;
  const out = new Map<string, PostcodePlace>();
  const list = [...postcodes];
  for (let i = 0; i < list.length; i += BATCH) {
    const rows = await db
      .selectFrom('postcode_directory')
      .select(['postcode', 'ons_la_code', 'easting', 'northing'])
      .where('postcode', '=', sql<string>`any(${list.slice(i, i + BATCH)}::text[])`)
      .execute();
    for (const r of rows) out.set(r.postcode, { laCode: r.ons_la_code, easting: r.easting ?? Number.NaN, northing: r.northing ?? Number.NaN });
  }
  return out;
}
