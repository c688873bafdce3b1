/** GOV.UK form fields as React components. Ids are the field names, so errors can link to them. */
import type { ReactNode } from 'react';
import type { DateParts } from '../format.ts';

type Common = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** e.g. 'govuk-label--m' */
  labelClass?: string;
};

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ name, hint }: { name: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${name}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p id={`${name}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

function groupClass(error: unknown) {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

/** A labelled field's group: the label, hint and error above the one control (text, text area, select). */
function LabelledGroup(props: Common & { children: ReactNode }) {
  const { name, hint, error } = props;
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${props.labelClass ?? ''}`.trim()} htmlFor={name}>
        {props.label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      {props.children}
    </div>
  );
}

export function TextInput(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'password' | 'search';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text';
    spellCheck?: boolean;
    widthClass?: string;
  },
) {
  const { name, hint, error } = props;
  return (
    <LabelledGroup {...props}>
      <input
        className={`govuk-input${error ? ' govuk-input--error' : ''}${props.widthClass ? ` ${props.widthClass}` : ''}`}
        id={name}
        name={name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
        aria-describedby={describedBy(name, hint, error)}
      />
    </LabelledGroup>
  );
}

export function Textarea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { name, hint, error } = props;
  return (
    <LabelledGroup {...props}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={name}
        name={name}
        rows={props.rows ?? 5}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={describedBy(name, hint, error)}
      />
    </LabelledGroup>
  );
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

export function Select(props: Common & { value: string; onChange: (value: string) => void; options?: Option[]; groups?: OptionGroup[]; placeholder?: string }) {
  const { name, hint, error } = props;
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <LabelledGroup {...props}>
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={name}
        name={name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={describedBy(name, hint, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options?.map(option)}
        {props.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
    </LabelledGroup>
  );
}

/** A fieldset's group: the legend, hint and error above the inputs, described by both. */
function FieldsetGroup(props: { name: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; legendClass?: string; children: ReactNode }) {
  const { name, hint, error } = props;
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className={`govuk-fieldset__legend ${props.legendClass ?? 'govuk-fieldset__legend--s'}`}>{props.label}</legend>
        <Hint name={name} hint={hint} />
        <ErrorMessage name={name} error={error} />
        {props.children}
      </fieldset>
    </div>
  );
}

/** One radio or checkbox with its label and hint; the first takes the field's name as its id, so errors link to it. */
function ChoiceItem(props: {
  kind: 'radios' | 'checkboxes';
  name: string;
  index: number;
  option: Option & { hint?: string };
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { kind, name, option: o } = props;
  const id = props.index === 0 ? name : `${name}-${props.index + 1}`;
  return (
    <div className={`govuk-${kind}__item`}>
      <input
        className={`govuk-${kind}__input`}
        id={id}
        name={name}
        type={kind === 'radios' ? 'radio' : 'checkbox'}
        value={o.value}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={o.hint ? `${id}-item-hint` : undefined}
      />
      <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
        {o.label}
      </label>
      {o.hint ? (
        <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
          {o.hint}
        </div>
      ) : null}
    </div>
  );
}

export function Radios(
  props: Omit<Common, 'labelClass'> & {
    legendClass?: string;
    value: string;
    onChange: (value: string) => void;
    options: Array<Option & { hint?: string }>;
    inline?: boolean;
    small?: boolean;
  },
) {
  return (
    <FieldsetGroup {...props}>
      <div className={`govuk-radios${props.inline ? ' govuk-radios--inline' : ''}${props.small ? ' govuk-radios--small' : ''}`}>
        {props.options.map((o, i) => (
          <ChoiceItem
            key={o.value}
            kind="radios"
            name={props.name}
            index={i}
            option={o}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
        ))}
      </div>
    </FieldsetGroup>
  );
}

/** The GOV.UK date input: day, month and year boxes; the error links to the day box. */
export function DateInput(props: Omit<Common, 'labelClass'> & { legendClass?: string; value: DateParts; onChange: (value: DateParts) => void }) {
  const { name, error, value } = props;
  const box = (part: keyof DateParts, text: string, width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${name}-${part}`}>
          {text}
        </label>
        <input
          className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
          id={`${name}-${part}`}
          name={`${name}-${part}`}
          type="text"
          inputMode="numeric"
          value={value[part]}
          onChange={(e) => props.onChange({ ...value, [part]: e.target.value })}
        />
      </div>
    </div>
  );
  return (
    <FieldsetGroup {...props}>
      <div className="govuk-date-input" id={name}>
        {box('day', 'Day', 'govuk-input--width-2')}
        {box('month', 'Month', 'govuk-input--width-2')}
        {box('year', 'Year', 'govuk-input--width-4')}
      </div>
    </FieldsetGroup>
  );
}

export function Button({
  children,
  busy,
  secondary,
  onClick,
  type = 'submit',
}: {
  children: ReactNode;
  busy?: boolean;
  secondary?: boolean;
  onClick?: () => void;
  type?: 'submit' | 'button';
}) {
  return (
    <button
      type={type}
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
      disabled={busy}
      aria-disabled={busy || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** GOV.UK checkboxes: a fieldset of choices; the error links to the first box. */
export function Checkboxes(
  props: Omit<Common, 'labelClass'> & {
    legendClass?: string;
    values: string[];
    onChange: (values: string[]) => void;
    options: Array<Option & { hint?: string }>;
    small?: boolean;
    columns?: boolean;
  },
) {
  const { values } = props;
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...values, value] : values.filter((v) => v !== value);
    // Keep the list in the order the options are shown.
    props.onChange(props.options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <FieldsetGroup {...props}>
      <div className={`govuk-checkboxes${props.small ? ' govuk-checkboxes--small' : ''}${props.columns ? ' lantern-checkbox-columns' : ''}`}>
        {props.options.map((o, i) => (
          <ChoiceItem
            key={o.value}
            kind="checkboxes"
            name={props.name}
            index={i}
            option={o}
            checked={values.includes(o.value)}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
      </div>
    </FieldsetGroup>
  );
}

const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A yes-or-no question as inline radios; the value is 'yes', 'no' or '' (not answered). */
export function YesNo(props: Omit<Common, 'labelClass'> & { legendClass?: string; value: string; onChange: (value: string) => void }) {
  return <Radios {...props} options={YES_NO} inline />;
}
