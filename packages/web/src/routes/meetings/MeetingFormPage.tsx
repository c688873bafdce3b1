/** One page for every form of conferences, reviews and escalations, driven by forms.ts. */
import { ATTENDEE_ROLE } from '@lantern/core/meetings';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type MeetingsView, meetingsApi } from '../../api/meetings.ts';
import { type FieldAnchors, hasErrors } from '../../components/errors.ts';
import type { Option } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, optionsOf, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { FormShell, NotNow } from '../../components/FormPage.tsx';
import { FormRoute } from '../../components/FormRoute.tsx';
import { usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems, useSend } from '../../components/forms.ts';
import { FORMS, type FormSpec } from './forms.ts';

export const meetingsPath = (childId: string) => `/children/${childId}/meetings`;

export function MeetingFormPage() {
  return <FormRoute forms={FORMS} param="childId" what="child" load={meetingsApi.get} render={(spec, view) => <MeetingForm spec={spec} view={view} />} />;
}

type AttendeeValue = { role: string; name: string; agency: string; partnerContactId: string; invited: string; attended: string; sentReport: string };

const yes = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : '');
const toAttendee = (a: Record<string, unknown>): AttendeeValue => ({
  role: String(a.role ?? ''),
  name: String(a.name ?? ''),
  agency: String(a.agency ?? ''),
  partnerContactId: String(a.partnerContactId ?? ''),
  invited: yes(a.invited),
  attended: yes(a.attended),
  sentReport: yes(a.sentReport),
});
const BLANK: AttendeeValue = { role: '', name: '', agency: '', partnerContactId: '', invited: 'yes', attended: '', sentReport: 'no' };
const ROLES = optionsOf(ATTENDEE_ROLE);

/** One person invited, as data: the name is not asked of the child, the register's contact only of an agency. */
const attendeeFields = (contacts: Option[]): FieldSpec[] => [
  { name: 'role', label: 'Who are they to the child?', kind: 'select', options: ROLES },
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'partnerContactId', label: 'Contact on the partners register (optional)', kind: 'select', options: contacts, placeholder: 'Not on the register' },
  { name: 'agency', label: 'Agency, if not on the register', kind: 'text' },
  { name: 'invited', label: 'Invited?', kind: 'yesno' },
  { name: 'attended', label: 'Came?', kind: 'yesno' },
  { name: 'sentReport', label: 'Sent a report or their views in writing?', kind: 'yesno' },
];

function MeetingForm({ spec, view }: { spec: FormSpec; view: MeetingsView }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const fields = spec.fields(view, params);
  const initial = spec.initial?.(view, params) ?? null;
  const { values, set } = useFormValues(fields, initial?.values);
  const [attendees, setAttendees] = useState<AttendeeValue[]>(() => {
    const given = initial?.values.attendees;
    return Array.isArray(given) ? given.map((a) => toAttendee(a as Record<string, unknown>)) : [{ ...BLANK }];
  });
  const hasAttendees = fields.some((f) => f.name === 'attendees');
  const { errors, busy, send } = useSend();
  const title = spec.title(view, params);
  usePageTitle(`${title} – ${view.name}`, hasErrors(errors));
  const attendeeCount = hasAttendees ? attendees.length : 0;
  const anchors: FieldAnchors = Object.fromEntries([
    ...Object.entries(anchorsFor([[fields, '']])),
    ...Array.from({ length: attendeeCount }, (_, i) =>
      ['role', 'name', 'agency', 'partnerContactId', 'attended'].map((k) => [`attendees.${i}.${k}`, `attendees.${i}.${k}`]),
    ).flat(),
  ]);
  const reason = spec.whyNot?.(view, params) ?? null;
  const back = { to: meetingsPath(view.childId), hidden: `to ${view.name}’s conferences and reviews` };
  if (reason) return <NotNow title={title} back={back} reason={reason} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = readValues(fields, values, problems);
    if (hasAttendees)
      body.attendees = attendees.map((a, i) => {
        if (!a.role) problems.push([`attendees.${i}.role`, 'Choose who they are']);
        if (!a.attended) problems.push([`attendees.${i}.attended`, 'Say whether they came']);
        return {
          role: a.role,
          name: a.name.trim() || null,
          agency: a.agency.trim() || null,
          partnerContactId: a.partnerContactId || null,
          invited: a.invited !== 'no',
          attended: a.attended === 'yes',
          sentReport: a.sentReport === 'yes',
        };
      });
    if (initial?.version !== undefined) body.version = initial.version;
    checkWith(spec.schema, body, problems, {});
    await send(
      problems,
      () => meetingsApi.send(view.childId, spec.method, spec.path(params), body),
      () => navigate(meetingsPath(view.childId), { state: { notice: spec.notice } }),
      anchors,
    );
  };

  return (
    <FormShell
      title={title}
      pageTitle={`${title} – ${view.name}`}
      caption={view.name}
      back={back}
      errors={errors}
      busy={busy}
      submit={spec.submit}
      onSubmit={onSubmit}
    >
      <FormFields
        fields={fields}
        values={values}
        errors={errors.fields}
        onChange={set}
        custom={{
          attendees: <Attendees view={view} value={attendees} errors={errors.fields} onChange={setAttendees} label="Who was invited, and who came" />,
        }}
      />
    </FormShell>
  );
}

/** Each person invited: who they are to the child, their name or agency, whether they came. */
function Attendees(props: {
  view: MeetingsView;
  value: AttendeeValue[];
  errors: Record<string, string>;
  onChange: (v: AttendeeValue[]) => void;
  label: string;
}) {
  const { view, value, errors, onChange } = props;
  const change = (i: number, key: string, v: string) => onChange(value.map((a, j) => (j === i ? { ...a, [key]: v } : a)));
  const fields = attendeeFields(view.partnerContacts.map((c) => ({ value: c.contactId, label: c.label })));
  return (
    <div className="govuk-form-group">
      <h2 className="govuk-heading-m">{props.label}</h2>
      {value.map((a, i) => {
        const hidden = [...(a.role === 'child' ? ['name'] : []), ...(a.role === 'agency' ? [] : ['partnerContactId', 'agency'])];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <fieldset className="govuk-fieldset lantern-section" key={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Person {i + 1}</legend>
            <FormFields
              fields={fields}
              values={a}
              errors={errors}
              prefix={`attendees.${i}.`}
              hidden={hidden}
              onChange={(key, v) => change(i, key, v as string)}
            />
            {value.length > 1 ? (
              <button
                type="button"
                className="govuk-button govuk-button--warning govuk-button--small"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                Remove person {i + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onChange([...value, { ...BLANK }])}>
        Add another person
      </button>
    </div>
  );
}
