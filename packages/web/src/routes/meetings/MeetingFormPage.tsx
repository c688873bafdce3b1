/** One page for every form of conferences, reviews and escalations, driven by forms.ts. */
import { ATTENDEE_ROLE } from '@lantern/core/meetings';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type MeetingsView, meetingsApi } from '../../api/meetings.ts';
import { type FieldAnchors, hasErrors } from '../../components/errors.ts';
import { type Option, Select, TextInput, YesNo } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, readValues } from '../../components/form-model.ts';
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
const ROLES: Option[] = Object.entries(ATTENDEE_ROLE).map(([value, label]) => ({ value, label }));

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
  const change = (i: number, key: keyof AttendeeValue) => (v: string) => onChange(value.map((a, j) => (j === i ? { ...a, [key]: v } : a)));
  const contacts: Option[] = view.partnerContacts.map((c) => ({ value: c.contactId, label: c.label }));
  return (
    <div className="govuk-form-group">
      <h2 className="govuk-heading-m">{props.label}</h2>
      {value.map((a, i) => {
        const n = `attendees.${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <fieldset className="govuk-fieldset lantern-section" key={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Person {i + 1}</legend>
            <Select
              name={`${n}.role`}
              label="Who are they to the child?"
              options={ROLES}
              placeholder="Choose"
              value={a.role}
              onChange={change(i, 'role')}
              error={errors[`${n}.role`]}
            />
            {a.role !== 'child' ? <TextInput name={`${n}.name`} label="Name" value={a.name} onChange={change(i, 'name')} error={errors[`${n}.name`]} /> : null}
            {a.role === 'agency' ? (
              <>
                <Select
                  name={`${n}.partnerContactId`}
                  label="Contact on the partners register (optional)"
                  options={contacts}
                  placeholder="Not on the register"
                  value={a.partnerContactId}
                  onChange={change(i, 'partnerContactId')}
                  error={errors[`${n}.partnerContactId`]}
                />
                <TextInput
                  name={`${n}.agency`}
                  label="Agency, if not on the register"
                  value={a.agency}
                  onChange={change(i, 'agency')}
                  error={errors[`${n}.agency`]}
                />
              </>
            ) : null}
            <YesNo name={`${n}.invited`} label="Invited?" value={a.invited} onChange={change(i, 'invited')} />
            <YesNo name={`${n}.attended`} label="Came?" value={a.attended} onChange={change(i, 'attended')} error={errors[`${n}.attended`]} />
            <YesNo name={`${n}.sentReport`} label="Sent a report or their views in writing?" value={a.sentReport} onChange={change(i, 'sentReport')} />
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
