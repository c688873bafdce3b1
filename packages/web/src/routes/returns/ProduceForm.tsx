import { WarningText } from '../../components/Notices.tsx';
import type { FormEvent } from 'react';
import { formatDate, todayInEngland } from '../../format.ts';

/** A return's first form: choose the collection year, then produce it from the record and validate it. */
export function ProduceForm(props: {
  id: string;
  years: readonly { year: number; label: string }[];
  year: number;
  onYear: (year: number) => void;
  onSubmit: (e: FormEvent) => void;
  busy: string | null;
}) {
  // Every collection year ends on 31 March of its year; until then the rules about the year's end cannot pass.
  const ends = `${props.year}-03-31`;
  const unfinished = ends > todayInEngland();
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={props.id}>
          Collection year
        </label>
        <select id={props.id} className="govuk-select" value={props.year} onChange={(e) => props.onYear(Number(e.target.value))}>
          {props.years.map((y) => (
            <option key={y.year} value={y.year}>
              {y.label}
            </option>
          ))}
        </select>
      </div>
      {unfinished ? (
        <WarningText testId="unfinished-year">
          This year does not end until {formatDate(ends)}. The return shows the record as it stands today, so the rules about the year’s end (episodes, reviews
          and ages counted to 31 March) will report failures that are not yet real.
        </WarningText>
      ) : null}
      <button type="submit" className="govuk-button" disabled={props.busy !== null}>
        {props.busy === 'run' ? 'Producing the return…' : 'Produce and validate the return'}
      </button>
    </form>
  );
}
