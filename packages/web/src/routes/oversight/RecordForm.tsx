/**
 * A short form on one record of a list (a manager's view of a risk assessment, an audit's
 * moderation, an action marked done): fields as data, ids under the record's prefix, and a stale
 * version said plainly with the list reloaded.
 */
import { type FormEvent, useState } from 'react';
import { ApiError, problemOf } from '../../api/client.ts';
import { DetailsForm } from '../../components/DetailsForm.tsx';
import { anchorsFor, type FieldSpec, readValues, type Values, valuesFor } from '../../components/form-model.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { todayInEngland } from '../../format.ts';

export function RecordForm(props: {
  /** The details' summary that opens the form. */
  opens: string;
  label: string;
  idPrefix: string;
  fields: FieldSpec[];
  /** The answers the form starts with; a date field named here starts at today. */
  initial?: Record<string, unknown>;
  today?: string;
  submit: string;
  /** What is said when someone else changed the record first. */
  stale: string;
  send: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
  className?: string;
}) {
  const { fields, idPrefix } = props;
  const [values, setValues] = useState<Values>(() => valuesFor(fields, { ...props.initial, ...(props.today ? { [props.today]: todayInEngland() } : {}) }));
  const anchors = Object.fromEntries(Object.entries(anchorsFor([[fields, '']])).map(([field, id]) => [field, `${idPrefix}${id}`]));
  const { errors, busy, send } = useSend(anchors);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = readValues(fields, values, problems);
    await send(
      problems,
      async () => {
        try {
          await props.send(body);
        } catch (error) {
          if (problemOf(error).status !== 409) throw error;
          props.onDone();
          throw new ApiError({ title: 'Changed by someone else', status: 409, detail: props.stale });
        }
      },
      props.onDone,
    );
  };
  return (
    <DetailsForm opens={props.opens} label={props.label} className={props.className} errors={errors} busy={busy} submit={props.submit} onSubmit={submit}>
      <FormFields
        fields={fields}
        values={values}
        errors={errors.fields}
        idPrefix={idPrefix}
        onChange={(name, v) => setValues((old) => ({ ...old, [name]: v }))}
      />
    </DetailsForm>
  );
}
