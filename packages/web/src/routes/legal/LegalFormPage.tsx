/** One page for every form of the Legal page, driven by forms.ts. */
import { type LegalView, legalApi } from '../../api/legal.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { FormRoute } from '../../components/FormRoute.tsx';
import { LEGAL_FORMS, type LegalFormSpec } from './forms.ts';

export const legalPath = (childId: string) => `/children/${childId}/legal`;

export function LegalFormPage() {
  return <FormRoute forms={LEGAL_FORMS} param="childId" what="child" load={legalApi.get} render={(spec, view) => <LegalForm spec={spec} view={view} />} />;
}

function LegalForm({ spec, view }: { spec: LegalFormSpec; view: LegalView }) {
  const version = spec.version?.(view);
  return (
    <SpecForm
      {...spec}
      pageTitle={`${spec.title} – ${view.name}`}
      caption={view.name}
      back={{ to: legalPath(view.childId), hidden: `to ${view.name}’s legal planning and proceedings` }}
      reason={
        view.mayRecord
          ? (spec.whyNot?.(view) ?? null)
          : 'Only the team holding the case, the head of service and the council’s legal adviser record legal steps.'
      }
      body={(read) => ({ ...(spec.body ? spec.body(read) : read), ...spec.fixed?.(view), ...(version !== undefined ? { version } : {}) })}
      send={(body) => legalApi.send(view.childId, spec.path(view), body)}
    />
  );
}
