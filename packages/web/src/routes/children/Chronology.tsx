import type { ChronologyEntryView } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { categoryLabel } from './labels.ts';

/** Everything that happened to the child, newest first. */
export function Chronology({ entries }: { entries: ChronologyEntryView[] }) {
  if (entries.length === 0) return <p className="govuk-body">Nothing is recorded in the chronology yet.</p>;
  return (
    <ol className="lantern-chronology" aria-label="Chronology, newest first" data-testid="chronology">
      {entries.map((e) => (
        <li className="lantern-chronology__entry" key={e.entryId}>
          <p className="govuk-body-s lantern-chronology__meta">
            <time dateTime={e.occurredOn} className="lantern-chronology__date">
              {formatDate(e.occurredOn)}
            </time>
            <strong className="govuk-tag govuk-tag--grey lantern-chronology__category">{categoryLabel(e.category)}</strong>
          </p>
          <p className="govuk-body lantern-chronology__summary">{e.summary}</p>
          {e.recordedBy ? <p className="govuk-body-s lantern-secondary lantern-chronology__by">Recorded by {e.recordedBy}</p> : null}
        </li>
      ))}
    </ol>
  );
}
