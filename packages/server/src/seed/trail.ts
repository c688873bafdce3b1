import type { Insertable } from 'kysely';
import type { ChronologyEntryTable } from '../kernel/db/schema.ts';
import type { Ledger } from '../kernel/ledger.ts';

/**
 * The generator's chronology entries, written through the ledger's bulk path. A made-up history
 * keeps its own: each entry's id (the same seed makes the same council), who recorded it and when.
 */
export async function chronicleRows(ledger: Ledger, rows: Insertable<ChronologyEntryTable>[]): Promise<void> {
  for (const e of rows)
    ledger.chronicle({
      entryId: e.entry_id,
      childId: e.child_id,
      occurredOn: e.occurred_on,
      category: e.category,
      summary: e.summary,
      recordType: e.record_type ?? null,
      recordId: e.record_id ?? null,
      recordedBy: e.recorded_by ?? null,
      ...(e.recorded_at ? { recordedAt: e.recorded_at } : {}),
    });
  await ledger.flush();
}
