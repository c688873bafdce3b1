/**
 * What the conferences, the child in need plan's reviews and a closure ask alike: how long a
 * change for the child has held, and the child's voice (whether the child and the parents met the
 * one who decided, and the child's own words).
 */
import type { ReactNode } from 'react';
import type { FieldSpec } from '../../../components/form-model.ts';
import type { Problems } from '../../../components/forms.ts';

/**
 * Whether the child and the parents met the one who decided (`whom`: "the chair"), and the
 * child's own words; under the heading "The child's voice" where `heading`.
 */
export function voiceFields(whom: string, wordsHint: string, options: { heading?: boolean; childHint?: string } = {}): FieldSpec[] {
  return [
    ...(options.heading ? [{ name: 'voice', label: 'The child’s voice', kind: 'custom' } as const] : []),
    {
      name: 'childMetDecider',
      label: `Did the child meet ${whom}?`,
      hint: options.childHint,
      kind: 'yesno',
      required: true,
      missing: `Say whether the child met ${whom}`,
    },
    { name: 'parentsMetDecider', label: `Did the parents meet ${whom}?`, kind: 'yesno', required: true, missing: `Say whether the parents met ${whom}` },
    { name: 'childWords', label: 'The child’s own words (optional)', hint: wordsHint, kind: 'textarea' },
  ];
}

/** What stands in the places of the weeks a change has held and the voice's heading. */
export function weeksAndVoice(weeks: ReactNode): Record<string, ReactNode> {
  return { changeSustainedWeeks: weeks, voice: <h2 className="govuk-heading-m">The child’s voice</h2> };
}

/** A whole number of weeks, 0 to 520, or null. */
export function readWeeks(problems: Problems, text: string, required: boolean): number | null {
  const t = text.trim();
  if (!t) {
    if (required) problems.push(['changeSustainedWeeks', 'Enter for how many weeks the change has held']);
    return null;
  }
  if (!/^\d+$/.test(t) || Number(t) > 520) {
    problems.push(['changeSustainedWeeks', 'Enter the number of weeks as a whole number, like 12']);
    return null;
  }
  return Number(t);
}

/** How many weeks a change has held: a number box with "weeks" after it. */
export function WeeksInput({
  value,
  onChange,
  error,
  optional,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  optional?: boolean;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor="changeSustainedWeeks">
        For how many weeks has the change held?{optional ? ' (optional)' : ''}
      </label>
      {error ? (
        <p id="changeSustainedWeeks-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <div className="govuk-input__wrapper">
        <input
          className={`govuk-input govuk-input--width-3${error ? ' govuk-input--error' : ''}`}
          id="changeSustainedWeeks"
          name="changeSustainedWeeks"
          type="text"
          inputMode="numeric"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={error ? 'changeSustainedWeeks-error' : undefined}
        />
        <div className="govuk-input__suffix" aria-hidden="true">
          weeks
        </div>
      </div>
    </div>
  );
}
