import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { workforceApi } from '../../api/workforce.ts';
import { Loading } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { AuditResults } from './AuditResults.tsx';
import { WorkerDeadlines } from './WorkerDeadlines.tsx';
import { RecordsTable } from '../../components/RecordsTable.tsx';
import { PageSection } from '../../components/PageSection.tsx';

const pct = (n: number | null) => (n === null ? '–' : `${n}%`);

/** The week's workforce facts for managers and the director: caseloads, turnover, churn, gaps, supervision. */
export function WorkforcePage() {
  usePageTitle('Workforce');
  const { user, can } = useSession();
  const loads = useLoad(() => workforceApi.caseloads(), 'caseloads');
  const stats = useLoad(() => workforceApi.teamStats(), 'stats');
  const churn = useLoad(() => workforceApi.churn(true), 'churn');
  const gaps = useLoad(() => workforceApi.gaps(), 'gaps');
  const view = user?.role === 'team-manager' ? 'team' : user?.role === 'head-of-service' || user?.role === 'performance-analyst' ? 'service' : 'mine';

  return (
    <>
      <h1 className="govuk-heading-l">Workforce</h1>

      <PageSection id="caseloads-heading" testId="team-caseloads" heading="Caseloads by team">
        {!loads.data ? (
          <Loading />
        ) : (
          <RecordsTable
            caption={`Ceiling ${loads.data.settings.ceiling} weighted cases for a full-time worker, on ${formatDate(loads.data.asOf)}`}
            captionClass="govuk-table__caption govuk-body"
            columns={[
              {
                label: 'Team',
                heads: 'lantern-cell-normal',
                cell: (t) =>
                  t.id ? (
                    <Link className="govuk-link" to={`/teams/${t.id}`}>
                      {t.name}
                    </Link>
                  ) : (
                    t.name
                  ),
              },
              { label: 'Case holders', numeric: true, cell: (t) => t.workers },
              { label: 'Children', numeric: true, cell: (t) => t.children },
              { label: 'Weighted per FTE', numeric: true, cell: (t) => t.perFte ?? '–' },
              { label: 'Over the ceiling', numeric: true, cell: (t) => t.overCeiling },
            ]}
            rows={loads.data.teams}
            rowKey={(t) => t.id ?? t.name}
          />
        )}
      </PageSection>

      {stats.data ? (
        <PageSection id="turnover-heading" testId="team-stats" heading="Staff, turnover and vacancies">
          <RecordsTable
            caption={`In post on ${formatDate(stats.data.asOf)}; starters and leavers in the 12 months to then`}
            captionClass="govuk-table__caption govuk-body"
            columns={[
              { label: 'Team', heads: 'lantern-cell-normal', cell: (t) => t.name },
              { label: 'In post (FTE)', numeric: true, cell: (t) => `${t.current.headcount} (${t.current.fte})` },
              { label: 'Agency', numeric: true, cell: (t) => pct(t.current.agencyShare) },
              { label: 'Starters', numeric: true, cell: (t) => t.current.starters },
              { label: 'Leavers', numeric: true, cell: (t) => t.current.leavers },
              { label: 'Turnover', numeric: true, cell: (t) => pct(t.current.turnoverRate) },
              { label: 'Vacancies', numeric: true, cell: (t) => t.current.vacancies ?? '–' },
            ]}
            rows={stats.data.teams}
            rowKey={(t) => t.teamId}
          />
        </PageSection>
      ) : null}

      {churn.data ? (
        <PageSection
          id="churn-heading"
          testId="churn"
          heading={
            <>
              Children with 3 or more social workers in 12 months: {churn.data.counts.flagged} of {churn.data.counts.children}
            </>
          }
        >
          <ChildLinks
            items={churn.data.children}
            about={(c) => (
              <>
                {c.socialWorkersLast12Months} social workers in 12 months, {c.socialWorkersThisEpisode} this episode
                {c.currentWorker ? `; now ${c.currentWorker}` : '; none allocated'}
              </>
            )}
          />
        </PageSection>
      ) : null}

      {gaps.data ? (
        <PageSection id="gaps-heading" testId="allocation-gaps" heading={<>Open cases with no social worker: {gaps.data.children.length}</>}>
          <ChildLinks
            items={gaps.data.children}
            about={(c) => (
              <>
                {c.days} days since {formatDate(c.unallocatedSince)}
                {c.lastTeam ? ` (last held by ${c.lastTeam})` : ''}
              </>
            )}
          />
        </PageSection>
      ) : null}

      <AuditResults />

      {/* Supervision and induction deadlines are for those who read worklists (not the administrator). */}
      {can('worklist:read') ? <WorkerDeadlines view={view} /> : null}
    </>
  );
}

/** Children, each a link to their record and what is said about them. */
function ChildLinks<T extends { childId: string; name: string }>({ items, about }: { items: T[]; about: (child: T) => ReactNode }) {
  if (!items.length) return null;
  return (
    <ul className="govuk-list">
      {items.map((c) => (
        <li key={c.childId}>
          <Link className="govuk-link" to={`/children/${c.childId}`}>
            {c.name}
          </Link>{' '}
          — {about(c)}
        </li>
      ))}
    </ul>
  );
}
