/** Finds words anywhere in a child's record from the chronology: entries and every version of the records they name. */
import { type FormEvent, useState } from 'react';
import type { ChronologyEntryView } from '../../api/types.ts';
import { practiceApi } from '../../api/practice.ts';
import { Button, TextInput } from '../../components/fields.tsx';
import { Chronology } from '../children/Chronology.tsx';

export function ChronologySearch({ childId }: { childId: string }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ q: string; entries: ChronologyEntryView[] } | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const words = q.trim();
    if (!words) return setFound(null);
    setFound({ q: words, entries: (await practiceApi.searchChronology(childId, words)).entries });
  };
  return (
    <div className="lantern-record">
      <form onSubmit={onSubmit} className="lantern-inline-form">
        <TextInput
          name="chronology-q"
          label="Search the chronology"
          hint="Finds words in any entry, assessment, plan or finding"
          type="search"
          value={q}
          onChange={setQ}
        />
        <Button secondary>Search</Button>
      </form>
      {found ? (
        <div data-testid="chronology-search-results">
          <p className="govuk-body">
            {found.entries.length === 0
              ? `Nothing found for “${found.q}”.`
              : `Found “${found.q}” in ${found.entries.length} ${found.entries.length === 1 ? 'entry' : 'entries'}:`}
          </p>
          {found.entries.length ? <Chronology entries={found.entries} /> : null}
        </div>
      ) : null}
    </div>
  );
}
