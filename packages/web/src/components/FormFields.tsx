/** Renders a list of field specs (form-model.ts) as GOV.UK fields: one renderer for every form described as data. */
import { Fragment, type ReactNode } from 'react';
import type { DateParts } from '../format.ts';
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, YesNo } from './fields.tsx';
import type { FieldSpec, Value, Values } from './form-model.ts';

export function FormFields({
  fields,
  values,
  errors,
  onChange,
  prefix = '',
  idPrefix = '',
  hidden = [],
  custom = {},
}: {
  fields: FieldSpec[];
  values: Values;
  errors: Record<string, string>;
  onChange: (name: string, value: Value) => void;
  /** How the API names these fields (e.g. `actions.0.`), so its errors land beside them. */
  prefix?: string;
  /** Where one page holds a form per record: the elements' ids start with this (errors keep the field's name). */
  idPrefix?: string;
  hidden?: string[];
  /** What stands in the place of each field of kind 'custom' (a list of people, a placement). */
  custom?: Record<string, ReactNode>;
}) {
  return (
    <>
      {fields
        .filter((f) => !hidden.includes(f.name))
        .map((f) => {
          const key = `${prefix}${f.name}`;
          const name = `${idPrefix}${f.id ?? key}`;
          const common = { name, label: f.label, hint: f.hint, error: errors[key] };
          const labelled = f.labelClass ? { ...common, labelClass: f.labelClass } : common;
          const legend = f.legendClass ? { legendClass: f.legendClass } : {};
          const value = values[f.name];
          const set = (v: Value) => onChange(f.name, v);
          return <Fragment key={key}>{field()}</Fragment>;
          function field() {
            switch (f.kind) {
              case 'custom':
                return custom[f.name] ?? null;
              case 'date':
                return <DateInput {...common} value={value as DateParts} onChange={set} />;
              case 'datetime':
                return (
                  <>
                    <DateInput {...common} value={value as DateParts} onChange={set} />
                    <TextInput
                      name={`${name}Time`}
                      label={f.time?.label ?? 'Time'}
                      hint={f.time?.hint}
                      widthClass="govuk-input--width-5"
                      value={values[`${f.name}Time`] as string}
                      onChange={(v) => onChange(`${f.name}Time`, v)}
                      error={errors[`${key}Time`]}
                    />
                  </>
                );
              case 'radios':
                return <Radios {...common} {...legend} options={f.options ?? []} value={value as string} onChange={set} inline={f.inline} small={f.small} />;
              case 'scale':
                return <Radios {...common} options={f.options ?? []} value={value as string} onChange={set} inline small />;
              case 'yesno':
                return <YesNo {...common} {...legend} value={value as string} onChange={set} />;
              case 'checkboxes':
                return (
                  <Checkboxes
                    {...common}
                    {...legend}
                    options={f.options ?? []}
                    values={value as string[]}
                    onChange={set}
                    small={f.small !== false}
                    columns={f.columns !== false}
                  />
                );
              case 'select':
                return (
                  <Select
                    {...labelled}
                    options={f.options ?? []}
                    groups={f.groups}
                    placeholder={f.placeholder === false ? undefined : (f.placeholder ?? 'Choose')}
                    value={value as string}
                    onChange={set}
                  />
                );
              case 'textarea':
                return <Textarea {...labelled} value={value as string} onChange={set} rows={f.rows} />;
              default:
                return (
                  <TextInput
                    {...labelled}
                    value={value as string}
                    onChange={set}
                    inputMode={f.input?.inputMode ?? (f.kind === 'number' ? 'numeric' : undefined)}
                    spellCheck={f.input?.spellCheck}
                    autoComplete={f.input?.autoComplete}
                    type={f.input?.type}
                    widthClass={f.width ?? (f.kind === 'number' ? 'govuk-input--width-3' : undefined)}
                  />
                );
            }
          }
        })}
    </>
  );
}
