import { chronologyNote } from '@lantern/core/schemas';
import { api } from '../../api/client.ts';
import type { FieldSpec } from '../../components/form-model.ts';
import { optionsOf } from '../../components/form-model.ts';
import { SectionForm } from '../../components/SectionForm.tsx';
import { todayInEngland } from '../../format.ts';
import { NOTE_CATEGORIES } from './labels.ts';

const FIELDS: FieldSpec[] = [
  {
    name: 'occurredOn',
    label: 'When did it happen?',
    hint: 'For example, 27 3 2026',
    kind: 'date',
    required: true,
    what: 'the date it happened',
    dateLabel: 'The date',
    ahead: 'The date cannot be in the future',
  },
  { name: 'category', label: 'Type of note', kind: 'select', options: optionsOf(NOTE_CATEGORIES), placeholder: false },
  {
    name: 'summary',
    label: 'What happened',
    hint: 'Write it as you would for the child to read later',
    kind: 'textarea',
    required: true,
    missing: 'Enter what happened',
  },
];

/** Add a case note to the child's chronology. */
export function AddCaseNoteForm({ childId, onAdded }: { childId: string; onAdded: () => void }) {
  return (
    <SectionForm
      id="add-note-heading"
      heading="Add a case note"
      fields={FIELDS}
      initial={{ occurredOn: todayInEngland(), category: 'case-note' }}
      schema={chronologyNote}
      send={async (body) => {
        await api.children.addNote(childId, body);
        return 'Case note added';
      }}
      clear={['occurredOn', 'summary']}
      onDone={onAdded}
      submit="Add case note"
    />
  );
}
