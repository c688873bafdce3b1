import type { FormEvent } from 'react';

/** A return's first form: choose the collection year, then produce it from the record and validate it. */
export function ProduceForm(props: {
  id: string;
  years: readonly { year: number; label: string }[];
  year: number;
  onYear: (year: number) => void;
  onSubmit: (e: FormEvent) => void;
  busy: string | null;
}) {
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
      <button type="submit" className="govuk-button" disabled={props.busy !== null}>
        {props.busy === 'run' ? 'Producing the return…' : 'Produce and validate the return'}
      </button>
    </form>
  );
}
