/** Lists across the service: unaccompanied children with their delays, and care leavers. */
import { ACTIVITY, AGE_ASSESSMENT, CARE_LEAVER_CATEGORY, IN_TOUCH, UASC_REFERRAL_ROUTE } from '@lantern/core/care';
import { Link } from 'react-router';
import { careApi } from '../../api/care.ts';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { formatDate, labelOf, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';

const th = (text: string) => (
  <th scope="col" className="govuk-table__header">
    {text}
  </th>
);

export function UascListPage() {
  usePageTitle('Unaccompanied asylum-seeking children');
  const load = useLoad(() => careApi.uascList(), 'uasc');
  if (load.problem) return <ProblemPage problem={load.problem} />;
  if (!load.data) return <Loading />;
  const { children, delayed } = load.data;
  return (
    <>
      <h1 className="govuk-heading-l">Unaccompanied asylum-seeking children</h1>
      <p className="govuk-body" data-testid="uasc-delayed">
        {plural(delayed, 'child was', 'children were')} not looked after on the day of referral.
      </p>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {th('Child')}
            {th('Referred')}
            {th('How')}
            {th('Age assessment')}
            {th('Looked after')}
            {th('Delay')}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {children.map((c) => (
            <tr className="govuk-table__row" key={c.childId} data-testid="uasc-row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/children/${c.childId}/looked-after-care`}>
                  {c.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{formatDate(c.referredOn)}</td>
              <td className="govuk-table__cell">{labelOf(UASC_REFERRAL_ROUTE, c.referralRoute)}</td>
              <td className="govuk-table__cell">{labelOf(AGE_ASSESSMENT, c.ageAssessment)}</td>
              <td className="govuk-table__cell">
                {c.lookedAfterOn ? formatDate(c.lookedAfterOn) : c.waiting ? <strong className="govuk-tag govuk-tag--red">Waiting</strong> : '—'}
              </td>
              <td className="govuk-table__cell">{c.delayDays === null ? '—' : c.delayDays === 0 ? 'None' : plural(c.delayDays, 'day', 'days')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CareLeaversPage() {
  usePageTitle('Care leavers');
  const load = useLoad(() => careApi.careLeavers(), 'care-leavers');
  if (load.problem) return <ProblemPage problem={load.problem} />;
  if (!load.data) return <Loading />;
  const list = load.data.careLeavers;
  return (
    <>
      <h1 className="govuk-heading-l">Care leavers</h1>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {th('Young person')}
            {th('Category')}
            {th('Personal adviser')}
            {th('Latest birthday contact')}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {list.map((c) => (
            <tr className="govuk-table__row" key={c.childId}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/children/${c.childId}/looked-after-care`}>
                  {c.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{labelOf(CARE_LEAVER_CATEGORY, c.category)}</td>
              <td className="govuk-table__cell">{c.personalAdviser ?? <span className="lantern-secondary">None allocated</span>}</td>
              <td className="govuk-table__cell">
                {c.latestContact
                  ? `${c.latestContact.birthdayAge}th: ${labelOf(IN_TOUCH, c.latestContact.inTouch)}; ${labelOf(ACTIVITY, c.latestContact.activity)}; accommodation ${c.latestContact.suitable ? 'suitable' : 'not suitable'}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
