/** One page for every form of the looked-after care pages, driven by forms.ts. */
import { useSearchParams } from 'react-router';
import { type CareView, careApi } from '../../api/care.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { FormRoute } from '../../components/FormRoute.tsx';
import { FORMS, type FormSpec } from './forms.ts';

export const carePath = (childId: string) => `/children/${childId}/looked-after-care`;

export function CareFormPage() {
  return <FormRoute forms={FORMS} param="childId" what="child" load={careApi.get} render={(spec, view) => <CareForm spec={spec} view={view} />} />;
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
      reason={spec.whyNot?.(view, params) ?? ((spec.may ?? ((v: CareView) => v.canRecord))(view) ? null : 'You cannot record this for this child.')}
      body={(read) => ({ ...read, ...(initial?.version !== undefined ? { version: initial.version } : {}), ...spec.fixed?.(view) })}
      send={(body) => careApi.send(view.childId, spec.method, spec.path(view, params), body)}
    />
  );
}
