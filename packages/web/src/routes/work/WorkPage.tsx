import { RULE_LABELS } from '@lantern/core/timescales';
/**
 * Worklists: the deadlines a worker, a team or the whole service must meet, overdue first.
 * Filters are a GET form, so a filtered list can be bookmarked and shared.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { SessionUser, WorklistQuery, WorklistState, WorklistView } from '../../api/types.ts';
import { ImprovementDue } from '../../components/ImprovementDue.tsx';
import { Select } from '../../components/fields.tsx';
import { Loading, NoAccess, ProblemSummary } from '../../components/Notices.tsx';
import { countsText, ObligationStateTag, ruleKindLabel, sortObligations } from '../../components/obligations.tsx';
import { capitalise, formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { ReturnedAssessments } from '../practice/WorkItems.tsx';
import { WorkerDeadlines } from '../workforce/WorkerDeadlines.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { optionsOf } from '../../components/form-model.ts';

const VIEW_TITLE: Record<WorklistView, string> = { mine: 'My work', team: 'My team’s work', service: 'Work across the service' };
const VIEW_LINK: Record<WorklistView, string> = { mine: 'My work', team: 'Team', service: 'Service' };
const STATES: Record<WorklistState, string> = { open: 'Overdue and due', overdue: 'Overdue', due: 'Due, not yet overdue' };
const LIMIT = 200;

/** The worklists open to a user: their own, their team's (managers), the service's (heads of service, analysts). */
export function viewsFor(user: SessionUser): WorklistView[] {
  const views: WorklistView[] = [];
  if (user.workerId) views.push('mine');
  if (user.role === 'team-manager') views.push('team');
  if (user.role === 'head-of-service' || user.role === 'performance-analyst') views.push('service');
  return views.length ? views : ['mine'];
}

export function WorkPage() {
  const { user, can } = useSession();
  const [params, setParams] = useSearchParams();
  const views = user ? viewsFor(user) : (['mine'] as WorklistView[]);
  const asked = params.get('view') as WorklistView | null;
  // Those who see the whole service start there; everyone else with their own work.
  const view: WorklistView = asked && views.includes(asked) ? asked : views.includes('service') ? 'service' : (views[0] ?? 'mine');
  const stateParam = params.get('state');
  const state: WorklistState = stateParam === 'overdue' || stateParam === 'due' ? stateParam : 'open';
  const ruleId = params.get('ruleId') ?? '';
  const teamId = view === 'service' ? (params.get('teamId') ?? '') : '';
  usePageTitle(VIEW_TITLE[view]);

  if (!can('worklist:read')) return <NoAccess title="My work">Your role does not include worklists.</NoAccess>;

  const query: WorklistQuery = { view, limit: LIMIT };
  if (state !== 'open') query.state = state;
  if (ruleId) query.ruleId = ruleId;
  if (teamId) query.teamId = teamId;

  const link = (v: WorklistView) => {
    const next = new URLSearchParams(params);
    next.set('view', v);
    if (v !== 'service') next.delete('teamId');
    return `/work?${next.toString()}`;
  };

  return (
    <>
      <h1 className="govuk-heading-l">{VIEW_TITLE[view]}</h1>
      <ImprovementDue />
      {view === 'mine' ? <ReturnedAssessments /> : null}
      {views.length > 1 ? (
        <nav aria-label="Worklists" className="lantern-subnav">
          <ul className="govuk-list lantern-subnav__list">
            {views.map((v) => (
              <li key={v} className="lantern-subnav__item">
                {v === view ? (
                  <Link className="govuk-link govuk-link--no-visited-state lantern-subnav__link--current" to={link(v)} aria-current="page">
                    {VIEW_LINK[v]}
                  </Link>
                ) : (
                  <Link className="govuk-link govuk-link--no-visited-state" to={link(v)}>
                    {VIEW_LINK[v]}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Filters view={view} state={state} ruleId={ruleId} teamId={teamId} onApply={(next) => setParams(next)} />
      <Worklist query={query} view={view} />
      <WorkerDeadlines view={view} />
    </>
  );
}

function Filters({
  view,
  state,
  ruleId,
  teamId,
  onApply,
}: {
  view: WorklistView;
  state: WorklistState;
  ruleId: string;
  teamId: string;
  onApply: (params: URLSearchParams) => void;
}) {
  const rules = useLoad(() => api.worklist.timescales(), 'timescales');
  const teams = useLoad(() => (view === 'service' ? api.workforce.teams() : Promise.resolve({ teams: [] })), `teams-${view}`);
  const [form, setForm] = useState({ state: state as string, ruleId, teamId });
  useEffect(() => setForm({ state, ruleId, teamId }), [state, ruleId, teamId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ view });
    if (form.state && form.state !== 'open') next.set('state', form.state);
    if (form.ruleId) next.set('ruleId', form.ruleId);
    if (view === 'service' && form.teamId) next.set('teamId', form.teamId);
    onApply(next);
  };

  const ruleOptions = (rules.data?.rules ?? []).map((r) => ({
    value: r.id,
    label: `${RULE_LABELS[r.id] ?? capitalise(r.what)} (${ruleKindLabel(r.kind).toLowerCase()})`,
  }));
  // Keep a filtered rule selectable while the list of rules loads.
  if (ruleId && !ruleOptions.some((o) => o.value === ruleId)) ruleOptions.unshift({ value: ruleId, label: ruleId });

  return (
    <form method="get" action="/work" onSubmit={submit} noValidate aria-label="Filter the worklist">
      <input type="hidden" name="view" value={view} />
      <div className="lantern-filters">
        <Select name="state" label="Show" value={form.state} onChange={(v) => setForm({ ...form, state: v })} options={optionsOf(STATES)} />
        <Select
          name="ruleId"
          label="Deadline"
          value={form.ruleId}
          onChange={(v) => setForm({ ...form, ruleId: v })}
          options={ruleOptions}
          placeholder="All deadlines"
        />
        {view === 'service' ? (
          <Select
            name="teamId"
            label="Team"
            value={form.teamId}
            onChange={(v) => setForm({ ...form, teamId: v })}
            options={(teams.data?.teams ?? []).map((t) => ({ value: t.teamId, label: t.name }))}
            placeholder="All teams"
          />
        ) : null}
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
      </div>
    </form>
  );
}

function Worklist({ query, view }: { query: WorklistQuery; view: WorklistView }) {
  const key = JSON.stringify(query);
  const { data, problem, loading } = useLoad(() => api.worklist.get(query), key);
  if (problem) {
    return <ProblemSummary title="The worklist could not be shown">{problem.detail ?? problem.title}</ProblemSummary>;
  }
  if (!data || loading) return <Loading />;
  const rows = sortObligations(data.obligations);
  const showTeam = view !== 'mine';
  return (
    <section aria-labelledby="counts-heading">
      <h2 className="govuk-heading-m" id="counts-heading" data-testid="worklist-counts" aria-live="polite">
        {countsText(data.counts)}
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">Nothing here is overdue or due.</p>
      ) : (
        <>
          {rows.length >= (query.limit ?? LIMIT) ? (
            <p className="govuk-body">Showing the first {rows.length}, overdue first. Filter the list to see the rest.</p>
          ) : null}
          <table className="govuk-table lantern-table--stacked" data-testid="worklist">
            <caption className="govuk-table__caption govuk-visually-hidden">Deadlines, overdue first</caption>
            <TableHead columns={['Child', 'What must happen', 'Due', 'State', { label: 'Days overdue', numeric: true }, 'Responsible']} />
            <tbody className="govuk-table__body">
              {rows.map((o) => (
                <tr className="govuk-table__row" key={`${o.childId}-${o.ruleId}-${o.startDate}-${o.dueDate}`} data-rule={o.ruleId} data-state={o.state}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/children/${o.childId}/casework`}>
                      {o.childName}
                    </Link>
                    <span className="govuk-body-s lantern-block lantern-secondary lantern-cell-normal">{o.laChildId}</span>
                  </th>
                  <td className="govuk-table__cell" data-label="What must happen">
                    {o.label}
                    <span className="govuk-body-s lantern-block lantern-secondary">{ruleKindLabel(o.kind)}</span>
                  </td>
                  <td className="govuk-table__cell lantern-nowrap" data-label="Due">
                    {formatDate(o.dueDate)}
                  </td>
                  <td className="govuk-table__cell" data-label="State">
                    <ObligationStateTag state={o.state} />
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Days overdue">
                    {o.state === 'overdue' ? o.daysOverdue : null}
                  </td>
                  <td className="govuk-table__cell" data-label="Responsible">
                    {o.responsibleWorker ?? <span className="lantern-secondary">No worker</span>}
                    {showTeam && o.responsibleTeam ? <span className="govuk-body-s lantern-block lantern-secondary">{o.responsibleTeam}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
