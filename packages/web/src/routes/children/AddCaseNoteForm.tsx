import { type FormEvent, useState } from 'react';
import { api, problemOf } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Select, Textarea } from '../../components/fields.tsx';
import { SuccessBanner } from '../../components/Notices.tsx';
import { dateFromParts, dateParts, todayInEngland } from '../../format.ts';
import { NOTE_CATEGORIES } from './labels.ts';

const ANCHORS = { occurredOn: 'occurredOn-day', category: 'category', summary: 'summary' };

/** Add a case note to the child's chronology. */
export function AddCaseNoteForm({ childId, onAdded }: { childId: string; onAdded: () => void }) {
  const [occurredOn, setOccurredOn] = useState(dateParts(todayInEngland()));
  const [category, setCategory] = useState('case-note');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    const problems: Array<[string, string]> = [];
    const date = dateFromParts(occurredOn, 'The date');
    if ('error' in date) problems.push(['occurredOn', date.error]);
    else if (!date.iso) problems.push(['occurredOn', 'Enter the date it happened']);
    else if (date.iso > todayInEngland()) problems.push(['occurredOn', 'The date cannot be in the future']);
    if (!summary.trim()) problems.push(['summary', 'Enter what happened']);
    if (problems.length || !('iso' in date) || !date.iso) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await api.children.addNote(childId, { occurredOn: date.iso, category, summary: summary.trim() });
      setErrors(NO_ERRORS);
      setSummary('');
      setOccurredOn(dateParts(todayInEngland()));
      setAdded(true);
      onAdded();
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lantern-subsection">
      {added ? <SuccessBanner>Case note added</SuccessBanner> : null}
      <h3 className="govuk-heading-s" id="add-note-heading">
        Add a case note
      </h3>
      <form onSubmit={submit} noValidate aria-labelledby="add-note-heading">
        <ErrorSummary items={errors.summary} />
        <DateInput
          name="occurredOn"
          label="When did it happen?"
          hint="For example, 27 3 2026"
          value={occurredOn}
          onChange={setOccurredOn}
          error={errors.fields.occurredOn}
        />
        <Select
          name="category"
          label="Type of note"
          value={category}
          onChange={setCategory}
          options={Object.entries(NOTE_CATEGORIES).map(([value, label]) => ({ value, label }))}
          error={errors.fields.category}
        />
        <Textarea
          name="summary"
          label="What happened"
          hint="Write it as you would for the child to read later"
          value={summary}
          onChange={setSummary}
          error={errors.fields.summary}
        />
        <Button busy={busy}>Add case note</Button>
      </form>
    </div>
  );
}
