import type { Ledger } from './ledger.ts';

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
