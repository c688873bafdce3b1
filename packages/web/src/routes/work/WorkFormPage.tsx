/** One page for every form of the day's work (transfers, IROs, work sent to a manager), driven by forms.ts. */
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { practiceApi } from '../../api/practice.ts';
import { workApi } from '../../api/work.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { NotReady, ProblemPage } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { WORK_FORMS, type WorkFormSpec, type WorkFormView } from './forms.ts';

export function WorkFormPage() {
  const { childId = '', form = '' } = useParams();
  const [params] = useSearchParams();
  const { can } = useSession();
  const spec = WORK_FORMS[form];
  const view = useLoad(async () => {
    const needs = spec?.needs ?? [];
    const [due, child, teams, iros, requests, plans] = await Promise.all([
      workApi.childDue(childId),
      api.children.get(childId),
      needs.includes('teams') && can('transfer:request') ? workApi.transferTeams() : { teams: [] },
      needs.includes('iros') && can('iro:allocate') ? workApi.allocatable(childId, 'iro') : { workers: [] },
      needs.includes('requests') ? workApi.decisionRequests(childId) : { requests: [] },
      needs.includes('plans') ? practiceApi.plans(childId) : { plans: [] },
    ]);
    return {
      childId,
      name: `${child.child.givenName} ${child.child.familyName}`,
      due,
      teams: teams.teams,
      iros: iros.workers,
      requests: requests.requests,
      plans: plans.plans,
      can,
      params,
    } satisfies WorkFormView;
  }, `${form}:${childId}:${params.toString()}`);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="child" />;
  return <WorkForm key={form} spec={spec} view={view.data} />;
}

function WorkForm({ spec, view }: { spec: WorkFormSpec; view: WorkFormView }) {
  // Choices that come from the case (teams, IROs, plans) are made into the fields' options here.
  const fields = spec.fields.map(({ choices, ...f }) => (choices ? { ...f, options: choices(view) } : f));
  return (
    <SpecForm
      {...spec}
      fields={fields}
      pageTitle={`${spec.title} – ${view.name}`}
      caption={view.name}
      back={{ to: `/children/${view.childId}`, hidden: `to ${view.name}’s page` }}
      initial={spec.initial?.(view)}
      reason={spec.whyNot?.(view) ?? null}
      intro={(spec.intro?.(view) ?? []).map((line) => (
        <p className="govuk-body" key={line}>
          {line}
        </p>
      ))}
      // An empty number is left out, as the API's schema has it optional.
      body={(read) => spec.body(withoutNulls(read), view)}
      checked={(body, read) => ({ ...withoutNulls(read), ...body })}
      send={(body) => spec.send(view, body)}
    />
  );
}

const withoutNulls = (read: Record<string, unknown>) => Object.fromEntries(Object.entries(read).filter(([, v]) => v !== null));
