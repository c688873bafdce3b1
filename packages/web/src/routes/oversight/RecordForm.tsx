/**
 * A short form on one record of a list (a manager's view of a risk assessment, an audit's
 * moderation, an action marked done): fields as data, ids under the record's prefix, and a stale
 * version said plainly with the list reloaded.
 */
import { ApiError, problemOf } from '../../api/client.ts';
import { DetailsSpecForm } from '../../components/DetailsForm.tsx';
import type { FieldSpec } from '../../components/form-model.ts';
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
  const { initial, today, stale, send, onDone, ...form } = props;
  const sendOrSayStale = async (body: Record<string, unknown>) => {
    try {
      await send(body);
    } catch (error) {
      if (problemOf(error).status !== 409) throw error;
      onDone();
      throw new ApiError({ title: 'Changed by someone else', status: 409, detail: stale });
    }
  };
  return <DetailsSpecForm {...form} initial={{ ...initial, ...(today ? { [today]: todayInEngland() } : {}) }} send={sendOrSayStale} onDone={onDone} />;
}
