/** Lists across the service: unaccompanied children with their delays, and care leavers. */
import { ACTIVITY, AGE_ASSESSMENT, CARE_LEAVER_CATEGORY, IN_TOUCH, UASC_REFERRAL_ROUTE } from '@lantern/core/care';
import { Link } from 'react-router';
import { careApi } from '../../api/care.ts';
import { NotReady } from '../../components/Notices.tsx';
import { RecordsTable } from '../../components/RecordsTable.tsx';
import { formatDate, labelOf, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';

/** A child's name, a link to their looked-after care. */
function CareLink({ child }: { child: { childId: string; name: string } }) {
  return (
    <Link className="govuk-link" to={`/children/${child.childId}/looked-after-care`}>
      {child.name}
    </Link>
  );
}

export function UascListPage() {
  usePageTitle('Unaccompanied asylum-seeking children');
  const load = useLoad(() => careApi.uascList(), 'uasc');
  if (load.problem || !load.data) return <NotReady problem={load.problem} />;
  const { children, delayed } = load.data;
  return (
    <>
      <h1 className="govuk-heading-l">Unaccompanied asylum-seeking children</h1>
      <p className="govuk-body" data-testid="uasc-delayed">
        {plural(delayed, 'child was', 'children were')} not looked after on the day of referral.
      </p>
      <RecordsTable
        columns={[
          { label: 'Child', cell: (c) => <CareLink child={c} /> },
          { label: 'Referred', cell: (c) => formatDate(c.referredOn) },
          { label: 'How', cell: (c) => labelOf(UASC_REFERRAL_ROUTE, c.referralRoute) },
          { label: 'Age assessment', cell: (c) => labelOf(AGE_ASSESSMENT, c.ageAssessment) },
          {
            label: 'Looked after',
            cell: (c) => (c.lookedAfterOn ? formatDate(c.lookedAfterOn) : c.waiting ? <strong className="govuk-tag govuk-tag--red">Waiting</strong> : '—'),
          },
          { label: 'Delay', cell: (c) => (c.delayDays === null ? '—' : c.delayDays === 0 ? 'None' : plural(c.delayDays, 'day', 'days')) },
        ]}
        rows={children}
        rowKey={(c) => c.childId}
        rowTestId="uasc-row"
      />
    </>
  );
}

export function CareLeaversPage() {
  usePageTitle('Care leavers');
  const load = useLoad(() => careApi.careLeavers(), 'care-leavers');
  if (load.problem || !load.data) return <NotReady problem={load.problem} />;
  const list = load.data.careLeavers;
  return (
    <>
      <h1 className="govuk-heading-l">Care leavers</h1>
      <RecordsTable
        columns={[
          { label: 'Young person', cell: (c) => <CareLink child={c} /> },
          { label: 'Category', cell: (c) => labelOf(CARE_LEAVER_CATEGORY, c.category) },
          { label: 'Personal adviser', cell: (c) => c.personalAdviser ?? <span className="lantern-secondary">None allocated</span> },
          {
            label: 'Latest birthday contact',
            cell: (c) =>
              c.latestContact
                ? `${c.latestContact.birthdayAge}th: ${labelOf(IN_TOUCH, c.latestContact.inTouch)}; ${labelOf(ACTIVITY, c.latestContact.activity)}; accommodation ${c.latestContact.suitable ? 'suitable' : 'not suitable'}`
                : '—',
          },
        ]}
        rows={list}
        rowKey={(c) => c.childId}
      />
    </>
  );
}
