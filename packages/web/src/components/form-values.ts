/** A form's answers as React state, for every form whose fields are data (form-model.ts). */
import { useState } from 'react';
import { type FieldSpec, type Value, type Values, valuesFor } from './form-model.ts';

/** A form's answers, from its first values; `clear` puts the named answers back to them. */
export function useFormValues(fields: FieldSpec[], initial: Record<string, unknown> = {}) {
  const [first] = useState<Values>(() => valuesFor(fields, initial));
  const [values, setValues] = useState<Values>(first);
  const set = (name: string, value: Value) => setValues((old) => ({ ...old, [name]: value }));
  const clear = (names: string[]) => setValues((old) => ({ ...old, ...Object.fromEntries(names.map((n) => [n, first[n] ?? ''])) }));
  /** Every answer but the named back to its first value (answers to fields that came later, gone). */
  const keepOnly = (names: string[]) =>
    setValues((old) => ({ ...first, ...Object.fromEntries(names.filter((n) => n in old).map((n) => [n, old[n] as Value])) }));
  return { values, setValues, set, clear, keepOnly };
}
