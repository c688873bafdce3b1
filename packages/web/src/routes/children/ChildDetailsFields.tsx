import { ETHNICITY, SEX, UPN_UNKNOWN } from '@lantern/core/codes';
import type { ChildRecord } from '../../api/types.ts';
import { errorsFrom, type FieldAnchors, type FormErrors } from '../../components/errors.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, optionsOf, readValues, type Values, valuesFor } from '../../components/form-model.ts';
import type { Problems } from '../../components/forms.ts';

/** What the add and edit forms hold: the form model's values of the fields below. */
export type ChildForm = Values;

/** The form's values as the API takes them. */
export type ChildValues = {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: string;
  ethnicity: string;
  upn: string | null;
  upnUnknown: string | null;
  nhsNumber: string | null;
};

/** A name or number: the browser neither corrects its spelling nor offers what it remembers. */
const AS_TYPED = { spellCheck: false, autoComplete: 'off' };

/** The fields of a child's identity; the sex's hint for an unborn child. */
function childFields(born: string): FieldSpec[] {
  return [
    {
      name: 'givenName',
      label: 'Given name',
      kind: 'text',
      required: true,
      missing: 'Enter the child’s given name',
      input: AS_TYPED,
      width: 'govuk-!-width-two-thirds',
    },
    {
      name: 'familyName',
      label: 'Family name',
      kind: 'text',
      required: true,
      missing: 'Enter the child’s family name',
      input: AS_TYPED,
      width: 'govuk-!-width-two-thirds',
    },
    {
      name: 'born',
      label: 'Has the child been born?',
      kind: 'radios',
      inline: true,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No, the child is unborn' },
      ],
    },
    {
      name: 'dateOfBirth',
      label: 'Date of birth',
      hint: 'For example, 12 3 2015',
      kind: 'date',
      required: true,
      what: 'the child’s date of birth',
    },
    {
      name: 'expectedDateOfBirth',
      label: 'Expected date of birth',
      hint: 'For example, 1 5 2027',
      kind: 'date',
      required: true,
      future: true,
      what: 'the expected date of birth',
    },
    {
      name: 'sex',
      label: 'Sex',
      hint: born === 'no' ? 'For an unborn child, choose ‘Unknown or not recorded’' : undefined,
      kind: 'radios',
      options: optionsOf(SEX),
      required: true,
      missing: 'Select the child’s sex',
    },
    { name: 'ethnicity', label: 'Ethnicity', kind: 'select', options: optionsOf(ETHNICITY), placeholder: false },
    {
      name: 'upn',
      label: 'Unique pupil number (UPN) (optional)',
      hint: '13 characters, for example A123456789012',
      kind: 'text',
      input: AS_TYPED,
      width: 'govuk-input--width-20',
    },
    {
      name: 'upnUnknown',
      label: 'If there is no UPN, why not',
      hint: 'A child looked after needs a UPN or the reason it is missing, or the SSDA903 return fails',
      kind: 'select',
      options: optionsOf(UPN_UNKNOWN),
      placeholder: 'Not recorded',
    },
    {
      name: 'nhsNumber',
      label: 'NHS number (optional)',
      hint: '10 digits, for example 485 777 3456',
      kind: 'text',
      input: { ...AS_TYPED, inputMode: 'numeric' },
      width: 'govuk-input--width-10',
    },
  ];
}

/** The questions not asked: the other date of birth; why there is no UPN, once one is given. */
function hiddenOf(form: ChildForm): string[] {
  return [form.born === 'no' ? 'dateOfBirth' : 'expectedDateOfBirth', ...((form.upn as string).trim() ? ['upnUnknown'] : [])];
}

export const EMPTY_CHILD_FORM: ChildForm = valuesFor(childFields('yes'), { born: 'yes', ethnicity: 'NOBT' });

export function formFromChild(c: ChildRecord): ChildForm {
  return valuesFor(childFields('yes'), { ...c, born: c.expectedDateOfBirth && !c.dateOfBirth ? 'no' : 'yes', ethnicity: c.ethnicity ?? 'NOBT' });
}

/** The ids errors link to; the date box that is not shown has none. */
export function childAnchors(form: ChildForm): FieldAnchors {
  const hidden = hiddenOf(form).filter((name) => name !== 'upnUnknown');
  return anchorsFor([[childFields('yes').filter((f) => !hidden.includes(f.name)), '']]);
}

/** Checks what can be checked here (the rest the server checks), and reads the values. */
export function readChildForm(form: ChildForm): { values: ChildValues } | { errors: FormErrors } {
  const problems: Problems = [];
  const hidden = hiddenOf(form);
  const read = readValues(
    childFields(form.born as string).filter((f) => !hidden.includes(f.name)),
    form,
    problems,
  ) as Partial<Record<keyof ChildValues, string>>;
  if (problems.length) return { errors: errorsFrom(problems, childAnchors(form)) };
  const upn = read.upn?.toUpperCase() ?? '';
  return {
    values: {
      givenName: read.givenName ?? '',
      familyName: read.familyName ?? '',
      dateOfBirth: read.dateOfBirth ?? null,
      expectedDateOfBirth: read.expectedDateOfBirth ?? null,
      sex: read.sex ?? '',
      ethnicity: read.ethnicity ?? '',
      upn: upn || null,
      // A UPN given replaces the reason it was missing.
      upnUnknown: upn ? null : read.upnUnknown || null,
      nhsNumber: read.nhsNumber?.replace(/\s/g, '') || null,
    },
  };
}

/** The fields of a child's identity, shared by "Add a child" and "Edit details". */
export function ChildDetailsFields({ form, onChange, errors }: { form: ChildForm; onChange: (form: ChildForm) => void; errors: FormErrors }) {
  return (
    <FormFields
      fields={childFields(form.born as string)}
      values={form}
      errors={errors.fields}
      hidden={hiddenOf(form)}
      onChange={(name, value) => onChange({ ...form, [name]: value })}
    />
  );
}
