import type { Insertable } from 'kysely';
import { ROWS_PER_COPY } from '../kernel/db/copy-rows.ts';
import { statementRows } from '../kernel/db/insert-rows.ts';
import type { ChronologyEntryTable } from '../kernel/db/schema.ts';
import type { Ledger } from '../kernel/ledger.ts';
import { isoOf } from './rng.ts';

/**
 * A chronology entry of a generated case, on `day`: recorded by no one (the generator is not a
 * user) at `recordedAt`. The caller draws the entry's id and the time from its own streams, in order.
 */
export function caseEntry(
  laCode: string,
  entryId: string,
  childId: string,
  day: number,
  entry: { category: string; summary: string; recordType?: string; recordId?: string },
  recordedAt: string,
): Insertable<ChronologyEntryTable> {
  return {
    la_code: laCode,
    entry_id: entryId,
    child_id: childId,
    occurred_on: isoOf(day),
    category: entry.category,
    summary: entry.summary,
    record_type: entry.recordType ?? null,
    record_id: entry.recordId ?? null,
    recorded_by: null,
    recorded_at: recordedAt,
  };
}

/**
 * The generator's chronology entries, written through the ledger's bulk path. A made-up history
 * keeps its own: each entry's id (the same seed makes the same council), who recorded it and when.
 * They go a statement's worth at a time (the same statements as the whole list made at once), so
 * a council-wide list is not held a second and third time as the ledger's notes and their JSON.
 */
export async function chronicleRows(ledger: Ledger, rows: Insertable<ChronologyEntryTable>[]): Promise<void> {
  // The ledger names recorded_at only when it is given: that decides which statement a row is in.
  // A COPY's worth at a time: each flush of a long list is a COPY into a staging table, an insert from
  // it and its truncation, so slices of a JSON statement's 2,000 rows made five times the statements.
  for (const slice of statementRows(rows, ROWS_PER_COPY, (e) => (e.recorded_at ? 'at' : ''))) {
    for (const e of slice)
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
  await ledger.flush(); // and anything else noted before, as when the list was written whole
}
