/** Renders a list of field specs (forms.ts) as GOV.UK fields; one renderer for every practice form. */
import { Fragment } from 'react';
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import type { DateParts } from '../../format.ts';
import type { FieldSpec, Value, Values } from './forms.ts';

export function FormFields({
  fields,
  values,
  errors,
  onChange,
  prefix = '',
  hidden = [],
}: {
  fields: FieldSpec[];
  values: Values;
  errors: Record<string, string>;
  onChange: (name: string, value: Value) => void;
  /** How the API names these fields (e.g. `actions.0.`), so its errors land beside them. */
  prefix?: string;
  hidden?: string[];
}) {
  return (
    <>
      {fields
        .filter((f) => !hidden.includes(f.name))
        .map((f) => {
          const name = `${prefix}${f.name}`;
          const common = { name, label: f.label, hint: f.hint, error: errors[name] };
          const value = values[f.name];
          const set = (v: Value) => onChange(f.name, v);
          return <Fragment key={name}>{field()}</Fragment>;
          function field() {
            switch (f.kind) {
              case 'date':
                return <DateInput {...common} value={value as DateParts} onChange={set} />;
              case 'radios':
                return <Radios {...common} options={f.options ?? []} value={value as string} onChange={set} />;
              case 'scale':
                return <Radios {...common} options={f.options ?? []} value={value as string} onChange={set} inline small />;
              case 'yesno':
                return <YesNo {...common} value={value as string} onChange={set} />;
              case 'checkboxes':
                return <Checkboxes {...common} options={f.options ?? []} values={value as string[]} onChange={set} small columns />;
              case 'select':
                return <Select {...common} options={f.options ?? []} placeholder="Choose" value={value as string} onChange={set} />;
              case 'textarea':
                return <Textarea {...common} value={value as string} onChange={set} rows={f.rows} />;
              default:
                return <TextInput {...common} value={value as string} onChange={set} />;
            }
          }
        })}
    </>
  );
}
