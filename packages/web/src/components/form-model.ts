/**
 * The web app's one form model: a form's fields as data (what each asks, in what words, how it
 * is answered), the values a form holds, and reading them into the body the API's own schema
 * checks. Care, conferences and reviews, the practice record and the looked-after steps describe
 * their forms this way; FormFields.tsx renders them.
 */
import { type DateParts, dateParts } from '../format.ts';
import type { Option, OptionGroup } from './fields.tsx';
import { type Problems, readDate, readDateTime } from './forms.ts';

export type FieldSpec = {
  name: string;
  /** The element's name and id where it is not the API's name (two forms on one page, rows of a list); any prefix is then not added. */
  id?: string;
  label: string;
  kind: 'date' | 'datetime' | 'select' | 'radios' | 'checkboxes' | 'text' | 'textarea' | 'yesno' | 'scale' | 'number' | 'custom';
  /** The choices; a radio or checkbox may carry a hint of its own. */
  options?: Array<Option & { hint?: string }>;
  required?: boolean;
  /** The words when a required answer is missing; else "Enter or choose: <label>" (without its question mark; "Answer: …" for yes/no). */
  missing?: string;
  hint?: string;
  rows?: number;
  /** A select's choices in groups (workers by team), after any `options`. */
  groups?: OptionGroup[];
  /** A select's empty choice ("Choose" unless said; none where false: a select that always has an answer). */
  placeholder?: string | false;
  /** A text input's, text area's or select's label class (govuk-label--s). */
  labelClass?: string;
  /** A text input's GOV.UK width class. */
  width?: string;
  /** A text input's browser helps: none for names and numbers (spellCheck false, autoComplete off), a number pad. */
  input?: { spellCheck?: boolean; autoComplete?: string; inputMode?: 'numeric' | 'text'; type?: 'password' };
  /** An answer read as typed, never trimmed (a password someone sets). */
  asTyped?: boolean;
  /** Radios side by side (a short choice). */
  inline?: boolean;
  /** Radios in the small style (one of many questions); checkboxes are small unless false. */
  small?: boolean;
  /** A date that may be ahead (an action's "by when"; a step recorded as it happens). */
  future?: boolean;
  /** The words when a date that may not be ahead is ("<dateLabel> must be today or in the past" unless said). */
  ahead?: string;
  /** A date that may not come before another (a plan's review, after its start). */
  notBefore?: { date: string; what: string } | undefined;
  /** How a date's messages name it: "Enter <what>", "<dateLabel> must be…"; else the label. */
  what?: string;
  dateLabel?: string;
  /** A choice whose values are numbers (how many adopters), sent as a number. */
  numeric?: boolean;
  /** A fieldset's legend class (radios, checkboxes, yes/no), where it is not the small one. */
  legendClass?: string;
  /** Checkboxes set in columns (the default) or in one. */
  columns?: boolean;
  /** A date and time: the time field's label and hint (its name is `<name>Time`). */
  time?: { label: string; hint?: string };
};

export type Value = string | string[] | DateParts;
export type Values = Record<string, Value>;

/** Options for a select or radios from a code list (only the codes named, where given). */
export function optionsOf(list: Readonly<Record<string, string>>, only?: readonly string[]): Option[] {
  return Object.entries(list)
    .filter(([value]) => !only || only.includes(value))
    .map(([value, label]) => ({ value, label }));
}

/** The same with each code after its label, "Label (code)", where the return's codes matter to the reader. */
export const codedOptionsOf = (list: Readonly<Record<string, string>>): Option[] =>
  Object.entries(list).map(([value, label]) => ({ value, label: `${label} (${value})` }));

/** Empty values for a list of fields, or the given ones. */
export function valuesFor(fields: FieldSpec[], given: Record<string, unknown> = {}): Values {
  return Object.fromEntries(
    fields.flatMap((f): Array<[string, Value]> => {
      const v = given[f.name];
      if (f.kind === 'date') return [[f.name, dateParts(typeof v === 'string' ? v : null)]];
      if (f.kind === 'datetime')
        return [
          [f.name, dateParts(typeof v === 'string' ? v : null)],
          [`${f.name}Time`, ''],
        ];
      if (f.kind === 'checkboxes') return [[f.name, Array.isArray(v) ? (v as string[]) : []]];
      if (f.kind === 'yesno') return [[f.name, v === true ? 'yes' : v === false ? 'no' : typeof v === 'string' ? v : '']];
      if (f.kind === 'custom') return [];
      return [[f.name, v === null || v === undefined ? '' : String(v)]];
    }),
  );
}

/**
 * Reads values into a request body: dates checked and made ISO, yes/no as booleans, scales and
 * numbers as numbers, empty answers left out (or sent as null with `emptyAsNull`, clearing them).
 * `prefix` names the fields as the API does (actions.0.dueOn).
 */
export function readValues(
  fields: FieldSpec[],
  values: Values,
  problems: Problems,
  options: { prefix?: string; emptyAsNull?: boolean } = {},
): Record<string, unknown> {
  const prefix = options.prefix ?? '';
  const body: Record<string, unknown> = {};
  const empty = (name: string) => {
    if (options.emptyAsNull) body[name] = null;
  };
  for (const f of fields) {
    const v = values[f.name];
    const field = `${prefix}${f.name}`;
    const missing = () => problems.push([field, f.missing ?? `Enter or choose: ${f.label.toLowerCase().replace(/\?$/, '')}`]);
    if (f.kind === 'custom') continue;
    if (f.kind === 'date') {
      const iso = readDate(problems, field, v as DateParts, {
        what: f.what ?? f.label.toLowerCase(),
        label: f.dateLabel ?? f.label,
        required: f.required === true,
        future: f.future === true,
        ahead: f.ahead,
        notBefore: f.notBefore,
      });
      if (iso) body[f.name] = iso;
      else empty(f.name);
    } else if (f.kind === 'datetime') {
      const at = readDateTime(problems, field, v as DateParts, values[`${f.name}Time`] as string, f.dateLabel ?? f.label, f.required === true);
      body[f.name] = at;
    } else if (f.kind === 'yesno') {
      if (v === 'yes' || v === 'no') body[f.name] = v === 'yes';
      else if (f.required) problems.push([field, f.missing ?? `Answer: ${f.label.toLowerCase()}`]);
      else empty(f.name);
    } else if (f.kind === 'checkboxes') {
      body[f.name] = v as string[];
    } else if (f.kind === 'scale' || f.kind === 'number') {
      if (v === '') {
        if (f.required) problems.push([field, f.missing ?? 'Choose a number from 0 to 10']);
        else if (f.kind === 'number') body[f.name] = null;
        else empty(f.name);
      } else body[f.name] = Number(v);
    } else {
      const text = f.asTyped ? (v as string) : (v as string).trim();
      if (text) body[f.name] = f.numeric ? Number(text) : text;
      else if (f.required) missing();
      else empty(f.name);
    }
  }
  return body;
}

/** Where an error on a field takes the reader: a date's day box, a choice's first option. */
export function anchorOf(f: FieldSpec, prefix = ''): string {
  const id = f.id ?? `${prefix}${f.name}`;
  return f.kind === 'date' || f.kind === 'datetime' ? `${id}-day` : id;
}

/** Anchors for fields, each group under the name the API gives it (e.g. `actions.0.`). */
export function anchorsFor(groups: Array<[FieldSpec[], string]>): Record<string, string> {
  const anchors: Record<string, string> = {};
  for (const [fields, prefix] of groups)
    for (const f of fields) {
      anchors[`${prefix}${f.name}`] = anchorOf(f, prefix);
      if (f.kind === 'datetime') anchors[`${prefix}${f.name}Time`] = `${prefix}${f.name}Time`;
    }
  return anchors;
}
