/**
 * The page of one form of a record's forms as data (care, legal, meetings, a foster household): the form
 * named in the address, the record it is for loaded, then the form; "Page not found" for a form there is not.
 */
import { Fragment, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useLoad } from '../hooks.ts';
import { Loading, ProblemPage } from './Notices.tsx';

export function FormRoute<S, V>({
  forms,
  param,
  what,
  load,
  render,
}: {
  forms: Record<string, S>;
  /** The address's parameter naming the record (childId, householdId). */
  param: string;
  /** What the record is, in "… not found". */
  what: string;
  load: (id: string) => Promise<V>;
  render: (spec: S, view: V) => ReactNode;
}) {
  const { [param]: id = '', form = '' } = useParams();
  const spec = forms[form];
  const view = useLoad(() => load(id), id);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem) return <ProblemPage problem={view.problem} what={what} />;
  if (!view.data) return <Loading />;
  return <Fragment key={form}>{render(spec, view.data)}</Fragment>;
}
