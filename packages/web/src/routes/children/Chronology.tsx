import type { ReactNode } from 'react';
import type { ChronologyEntryView } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { categoryLabel } from './labels.ts';

/** Everything that happened to the child, newest first. */
export function Chronology({ entries }: { entries: ChronologyEntryView[] }) {
  if (entries.length === 0) return <p className="govuk-body">Nothing is recorded in the chronology yet.</p>;
  return (
    <ol className="lantern-chronology" aria-label="Chronology, newest first" data-testid="chronology">
      {entries.map((e) => (
        <ChronologyEntry key={e.entryId} on={e.occurredOn} tag={categoryLabel(e.category)} tagClass="lantern-chronology__category">
          <p className="govuk-body lantern-chronology__summary">{e.summary}</p>
          {e.recordedBy ? <p className="govuk-body-s lantern-secondary lantern-chronology__by">Recorded by {e.recordedBy}</p> : null}
        </ChronologyEntry>
      ))}
    </ol>
  );
}

/** One entry of a chronology (the child's, an episode's visits): its date and a grey tag, then what it holds. */
export function ChronologyEntry({ on, tag, tagClass, children }: { on: string; tag: string; tagClass: string; children: ReactNode }) {
  return (
    <li className="lantern-chronology__entry">
      <p className="govuk-body-s lantern-chronology__meta">
        <time dateTime={on} className="lantern-chronology__date">
          {formatDate(on)}
        </time>
        <strong className={`govuk-tag govuk-tag--grey ${tagClass}`}>{tag}</strong>
      </p>
      {children}
    </li>
  );
}
