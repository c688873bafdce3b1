/** One page for every early help form, driven by forms.ts (as the looked-after care forms are). */
import { useParams } from 'react-router';
import { type EarlyHelpView, earlyHelpApi } from '../../api/early-help.ts';
import { type ActionOwners, practiceApi } from '../../api/practice.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { NotReady, ProblemPage } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { EARLY_HELP_FORMS, type EarlyHelpFormSpec } from './forms.ts';

export const earlyHelpPath = (childId: string) => `/children/${childId}/early-help`;

export function EarlyHelpFormPage() {
  const { childId = '', form = '' } = useParams();
  const spec = EARLY_HELP_FORMS[form];
  const view = useLoad(() => earlyHelpApi.get(childId), childId);
  const owners = useLoad(() => (spec?.needsOwners ? practiceApi.owners() : Promise.resolve(null)), `${form}`);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  const problem = view.problem ?? owners.problem;
  if (problem || !view.data || (spec.needsOwners && !owners.data)) return <NotReady problem={problem} what="child" />;
  return <EarlyHelpForm key={form} childId={childId} spec={spec} view={view.data} owners={owners.data ?? null} />;
}

/** Why the form cannot be used now: the user's role, then where the child's early help stands. */
function whyNot(spec: EarlyHelpFormSpec, view: EarlyHelpView, open: boolean): string | null {
  if (!(spec.needsOpen ? view.canRecord : view.canStepDown)) return 'You cannot record this for this child.';
  if (spec.needsOpen) return open ? null : 'The child is not in early help now.';
  if (view.stepDownFrom.length === 0) return 'The child has no closed child in need episode to step down from.';
  return open ? 'The child is already in early help.' : null;
}

function EarlyHelpForm({ childId, spec, view, owners }: { childId: string; spec: EarlyHelpFormSpec; view: EarlyHelpView; owners: ActionOwners | null }) {
  const open = view.episodes.find((e) => e.endedOn === null) ?? null;
  return (
    <SpecForm
      {...spec}
      fields={spec.fields({ view, owners })}
      back={{ to: earlyHelpPath(childId), hidden: 'to early help' }}
      initial={spec.initial?.(open, view)}
      reason={whyNot(spec, view, open !== null)}
      body={(read) => {
        const body = spec.versioned && open ? { ...read, version: open.version } : read;
        return spec.toBody ? spec.toBody(body) : body;
      }}
      send={(body) => earlyHelpApi.send(childId, spec.method, spec.path(open), body)}
    />
  );
}
