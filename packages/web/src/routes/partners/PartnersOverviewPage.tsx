/** For the head of service: families waiting for a home, and how partners answer and attend. */
import { HOUSING_PRIORITY } from '@lantern/core/partners';
import { Link, Navigate } from 'react-router';
import { partnersApi } from '../../api/client.ts';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate, labelOf } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { FindChildPage } from '../children/FindChildPage.tsx';
import { AGENCY_LABEL, RequestStateTag } from './labels.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { ParagraphLink } from '../../components/ParagraphLink.tsx';

/** The home page: a partner user's is their list of requests; everyone else finds a child. */
export function HomePage() {
  const { user } = useSession();
  if (user?.role === 'partner') return <Navigate to="/partner" replace />;
  return <FindChildPage />;
}

const pct = (p: number | null) => (p === null ? '—' : `${p}%`);

export function PartnersOverviewPage() {
  const housing = useLoad(() => partnersApi.housingList(), 'housing');
  const indicators = useLoad(() => partnersApi.indicators(), 'indicators');
  usePageTitle('Partner agencies');
  const problem = housing.problem ?? indicators.problem;
  if (problem || !housing.data || !indicators.data) return <NotReady problem={problem} />;
  const ind = indicators.data;
  const waiting = ind['families-waiting-rehousing'];
  const missing = ind['conferences-missing-agencies'];

  return (
    <>
      <h1 className="govuk-heading-l">Partner agencies</h1>
      <ParagraphLink to="/partners/register">The register of partner agencies and their contacts</ParagraphLink>
      <PageSection id="housing-heading" heading="Families waiting for re-housing">
        <p className="govuk-body">
          {waiting.children} {waiting.children === 1 ? 'child' : 'children'} waiting
          {waiting.children ? `; median ${waiting.medianDays} days, longest ${waiting.longestDays} days` : ''}.
        </p>
        {housing.data.families.length ? (
          <table className="govuk-table" data-testid="housing-list">
            <caption className="govuk-table__caption govuk-visually-hidden">Longest wait first</caption>
            <TableHead columns={['Child', 'Need', 'Housing partner', 'Priority', { label: 'Days waiting', numeric: true }]} />
            <tbody className="govuk-table__body">
              {housing.data.families.map((f) => (
                <tr className="govuk-table__row" key={f.housingNeedId}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/children/${f.childId}/partners`}>
                      {f.childName}
                    </Link>{' '}
                    <span className="lantern-secondary">({f.laChildId})</span>
                  </td>
                  <td className="govuk-table__cell">
                    {f.need}
                    <br />
                    <span className="govuk-body-s lantern-secondary">since {formatDate(f.identifiedOn)}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {f.housingPartner ? (
                      <>
                        {f.housingPartner}, asked {formatDate(f.requestSentOn)} {f.requestState ? <RequestStateTag state={f.requestState} /> : null}
                      </>
                    ) : (
                      <strong className="govuk-tag govuk-tag--red">Not yet asked</strong>
                    )}
                  </td>
                  <td className="govuk-table__cell">{f.priority ? labelOf(HOUSING_PRIORITY, f.priority) : 'None agreed'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{f.daysWaiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </PageSection>

      <section aria-labelledby="indicators-heading" className="lantern-section" data-testid="partner-indicators">
        <h2 className="govuk-heading-m" id="indicators-heading">
          How partners answer and attend
        </h2>
        <p className="govuk-body">
          From {formatDate(ind.periodStart)} to {formatDate(ind.asOf)}. Conferences without police, health or education: {missing.numerator} of{' '}
          {missing.denominator} ({pct(missing.percent)}).
        </p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">By agency</caption>
          <TableHead columns={['Agency', { label: 'Requests answered in time', numeric: true }, { label: 'Conferences attended', numeric: true }]} />
          <tbody className="govuk-table__body">
            {[...new Set([...ind['partner-requests-in-time'].map((r) => r.agency), ...ind['conference-attendance-by-agency'].map((r) => r.agency)])]
              .sort()
              .map((agency) => {
                const a = ind['partner-requests-in-time'].find((r) => r.agency === agency);
                const c = ind['conference-attendance-by-agency'].find((r) => r.agency === agency);
                return (
                  <tr className="govuk-table__row" key={agency}>
                    <th scope="row" className="govuk-table__header">
                      {AGENCY_LABEL[agency] ?? agency}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a ? `${pct(a.percent)} (${a.numerator} of ${a.denominator})` : '—'}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{c ? `${pct(c.percent)} (${c.numerator} of ${c.denominator})` : '—'}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </section>
    </>
  );
}
