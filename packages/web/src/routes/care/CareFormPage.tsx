/** One page for every form of the looked-after care pages, driven by forms.ts. */
import { useParams, useSearchParams } from 'react-router';
import { type CareView, careApi } from '../../api/care.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { FORMS, type FormSpec } from './forms.ts';

export const carePath = (childId: string) => `/children/${childId}/looked-after-care`;

export function CareFormPage() {
  const { childId = '', form = '' } = useParams();
  const spec = FORMS[form];
  const view = useLoad(() => careApi.get(childId), childId);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem) return <ProblemPage problem={view.problem} what="child" />;
  if (!view.data) return <Loading />;
  return <CareForm key={form} spec={spec} view={view.data} />;
}

function CareForm({ spec, view }: { spec: FormSpec; view: CareView }) {
  const [params] = useSearchParams();
  const initial = spec.initial?.(view, params) ?? null;
  return (
    <SpecForm
      {...spec}
      pageTitle={`${spec.title} – ${view.name}`}
      caption={view.name}
      back={{ to: carePath(view.childId), hidden: `to ${view.name}’s looked-after care` }}
      initial={initial?.values}
      reason={spec.whyNot?.(view) ?? (view.canRecord ? null : 'You cannot record this for this child.')}
      body={(read) => ({ ...read, ...(initial?.version !== undefined ? { version: initial.version } : {}), ...spec.fixed?.(view) })}
      send={(body) => careApi.send(view.childId, spec.method, spec.path(view), body)}
    />
  );
}
