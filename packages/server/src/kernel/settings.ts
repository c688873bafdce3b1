/**
 * Readers of the council's settings (council_setting: one JSON value a key), shared by the areas
 * and the deadline engines; and writing one, through the ledger.
 */
import type { DueRule, TimescaleSettings } from '@lantern/core/timescales';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Ledger } from './ledger.ts';

/** A stored value: PGlite hands back jsonb as text, PostgreSQL as the value. */
const parse = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** The council's settings whose keys start with `prefix` (or are among `keys`), by key. */
export async function councilSettings(
  db: Kysely<Database>,
  laCode: string,
  which: { prefix: string } | { keys: readonly string[] },
): Promise<Map<string, unknown>> {
  let query = db.selectFrom('council_setting').select(['key', 'value']).where('la_code', '=', laCode);
  query = 'prefix' in which ? query.where('key', 'like', `${which.prefix}%`) : query.where('key', 'in', [...which.keys]);
  const rows = 'keys' in which && which.keys.length === 0 ? [] : await query.execute();
  return new Map(rows.map((r) => [r.key, parse(r.value)]));
}

/** One setting of the council, or undefined where it has set none. */
export async function councilSetting(db: Kysely<Database>, laCode: string, key: string): Promise<unknown> {
  const row = await db.selectFrom('council_setting').select('value').where('la_code', '=', laCode).where('key', '=', key).executeTakeFirst();
  return row ? parse(row.value) : undefined;
}

/** The timescales the council has set stricter than the statutory ones (`timescale.<rule id>`), by rule id. */
export async function councilTimescaleSettings(db: Kysely<Database>, laCode: string): Promise<TimescaleSettings> {
  const settings: TimescaleSettings = {};
  for (const [key, value] of await councilSettings(db, laCode, { prefix: 'timescale.' })) settings[key.slice('timescale.'.length)] = value as DueRule;
  return settings;
}

/** Sets one of the council's settings (a JSON value by key) through the ledger: its audit row names the key. */
export async function putSetting(ledger: Ledger, key: string, value: unknown, detail?: Record<string, unknown>): Promise<void> {
  const json = JSON.stringify(value);
  const userId = ledger.actor?.user.userId ?? null;
  const row = await ledger.db
    .insertInto('council_setting')
    .values({ la_code: ledger.laCode, key, value: json, updated_by: userId })
    .onConflict((c) => c.columns(['la_code', 'key']).doUpdateSet({ value: json, updated_by: userId, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
  ledger.wroteRecord('council_setting', row, 'update', detail ? { detail } : {});
}
