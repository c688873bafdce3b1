import { ETHNICITY, SEX, UPN_UNKNOWN } from '@lantern/core/codes';
import type { ChildRecord } from '../../api/types.ts';
import { errorsFrom, type FieldAnchors, type FormErrors } from '../../components/errors.ts';
import { DateInput, Radios, Select, TextInput } from '../../components/fields.tsx';
import { type DateParts, dateFromParts, dateParts, EMPTY_DATE, todayInEngland } from '../../format.ts';

/** What the add and edit forms hold, as typed. */
export type ChildForm = {
  givenName: string;
  familyName: string;
  born: 'yes' | 'no';
  dateOfBirth: DateParts;
  expectedDateOfBirth: DateParts;
  sex: string;
  ethnicity: string;
  upn: string;
  upnUnknown: string;
  nhsNumber: string;
};

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

export const EMPTY_CHILD_FORM: ChildForm = {
  givenName: '',
  familyName: '',
  born: 'yes',
  dateOfBirth: EMPTY_DATE,
  expectedDateOfBirth: EMPTY_DATE,
  sex: '',
  ethnicity: 'NOBT',
  upn: '',
  upnUnknown: '',
  nhsNumber: '',
};

export function formFromChild(c: ChildRecord): ChildForm {
  return {
    givenName: c.givenName,
    familyName: c.familyName,
    born: c.expectedDateOfBirth && !c.dateOfBirth ? 'no' : 'yes',
    dateOfBirth: dateParts(c.dateOfBirth),
    expectedDateOfBirth: dateParts(c.expectedDateOfBirth),
    sex: c.sex,
    ethnicity: c.ethnicity ?? 'NOBT',
    upn: c.upn ?? '',
    upnUnknown: c.upnUnknown ?? '',
    nhsNumber: c.nhsNumber ?? '',
  };
}

/** The ids errors link to; the date box that is not shown has none. */
export function childAnchors(form: ChildForm): FieldAnchors {
  return {
    givenName: 'givenName',
    familyName: 'familyName',
    born: 'born',
    ...(form.born === 'yes' ? { dateOfBirth: 'dateOfBirth-day' } : { expectedDateOfBirth: 'expectedDateOfBirth-day' }),
    sex: 'sex',
    ethnicity: 'ethnicity',
    upn: 'upn',
    upnUnknown: 'upnUnknown',
    nhsNumber: 'nhsNumber',
  };
}

/** Checks what can be checked here (the rest the server checks), and reads the values. */
export function readChildForm(form: ChildForm): { values: ChildValues } | { errors: FormErrors } {
  const problems: Array<[string, string]> = [];
  if (!form.givenName.trim()) problems.push(['givenName', 'Enter the child’s given name']);
  if (!form.familyName.trim()) problems.push(['familyName', 'Enter the child’s family name']);
  let dateOfBirth: string | null = null;
  let expectedDateOfBirth: string | null = null;
  if (form.born === 'yes') {
    const d = dateFromParts(form.dateOfBirth, 'Date of birth');
    if ('error' in d) problems.push(['dateOfBirth', d.error]);
    else if (!d.iso) problems.push(['dateOfBirth', 'Enter the child’s date of birth']);
    else if (d.iso > todayInEngland()) problems.push(['dateOfBirth', 'Date of birth must be today or in the past']);
    else dateOfBirth = d.iso;
  } else {
    const d = dateFromParts(form.expectedDateOfBirth, 'Expected date of birth');
    if ('error' in d) problems.push(['expectedDateOfBirth', d.error]);
    else if (!d.iso) problems.push(['expectedDateOfBirth', 'Enter the expected date of birth']);
    else expectedDateOfBirth = d.iso;
  }
  if (!form.sex) problems.push(['sex', 'Select the child’s sex']);
  if (problems.length) return { errors: errorsFrom(problems, childAnchors(form)) };
  return {
    values: {
      givenName: form.givenName.trim(),
      familyName: form.familyName.trim(),
      dateOfBirth,
      expectedDateOfBirth,
      sex: form.sex,
      ethnicity: form.ethnicity,
      upn: form.upn.trim().toUpperCase() || null,
      // A UPN given replaces the reason it was missing.
      upnUnknown: form.upn.trim() ? null : form.upnUnknown || null,
      nhsNumber: form.nhsNumber.replace(/\s/g, '') || null,
    },
  };
}

const SEX_OPTIONS = Object.entries(SEX).map(([value, label]) => ({ value, label }));
const UPN_UNKNOWN_OPTIONS = Object.entries(UPN_UNKNOWN).map(([value, label]) => ({ value, label }));
const ETHNICITY_OPTIONS = Object.entries(ETHNICITY).map(([value, label]) => ({ value, label }));

/** The fields of a child's identity, shared by "Add a child" and "Edit details". */
export function ChildDetailsFields({ form, onChange, errors }: { form: ChildForm; onChange: (form: ChildForm) => void; errors: FormErrors }) {
  const set =
    <K extends keyof ChildForm>(key: K) =>
    (value: ChildForm[K]) =>
      onChange({ ...form, [key]: value });
  const e = errors.fields;
  return (
    <>
      <TextInput
        name="givenName"
        label="Given name"
        value={form.givenName}
        onChange={set('givenName')}
        error={e.givenName}
        spellCheck={false}
        autoComplete="off"
        widthClass="govuk-!-width-two-thirds"
      />
      <TextInput
        name="familyName"
        label="Family name"
        value={form.familyName}
        onChange={set('familyName')}
        error={e.familyName}
        spellCheck={false}
        autoComplete="off"
        widthClass="govuk-!-width-two-thirds"
      />
      <Radios
        name="born"
        label="Has the child been born?"
        value={form.born}
        onChange={(v) => set('born')(v === 'no' ? 'no' : 'yes')}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No, the child is unborn' },
        ]}
        inline
        error={e.born}
      />
      {form.born === 'yes' ? (
        <DateInput
          name="dateOfBirth"
          label="Date of birth"
          hint="For example, 12 3 2015"
          value={form.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={e.dateOfBirth}
        />
      ) : (
        <DateInput
          name="expectedDateOfBirth"
          label="Expected date of birth"
          hint="For example, 1 5 2027"
          value={form.expectedDateOfBirth}
          onChange={set('expectedDateOfBirth')}
          error={e.expectedDateOfBirth}
        />
      )}
      <Radios
        name="sex"
        label="Sex"
        hint={form.born === 'no' ? 'For an unborn child, choose ‘Unknown or not recorded’' : undefined}
        value={form.sex}
        onChange={set('sex')}
        options={SEX_OPTIONS}
        error={e.sex}
      />
      <Select name="ethnicity" label="Ethnicity" value={form.ethnicity} onChange={set('ethnicity')} options={ETHNICITY_OPTIONS} error={e.ethnicity} />
      <TextInput
        name="upn"
        label="Unique pupil number (UPN) (optional)"
        hint="13 characters, for example A123456789012"
        value={form.upn}
        onChange={set('upn')}
        error={e.upn}
        spellCheck={false}
        autoComplete="off"
        widthClass="govuk-input--width-20"
      />
      {form.upn.trim() ? null : (
        <Select
          name="upnUnknown"
          label="If there is no UPN, why not"
          hint="A child looked after needs a UPN or the reason it is missing, or the SSDA903 return fails"
          value={form.upnUnknown}
          onChange={set('upnUnknown')}
          options={UPN_UNKNOWN_OPTIONS}
          placeholder="Not recorded"
          error={e.upnUnknown}
        />
      )}
      <TextInput
        name="nhsNumber"
        label="NHS number (optional)"
        hint="10 digits, for example 485 777 3456"
        value={form.nhsNumber}
        onChange={set('nhsNumber')}
        error={e.nhsNumber}
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        widthClass="govuk-input--width-10"
      />
    </>
  );
}
