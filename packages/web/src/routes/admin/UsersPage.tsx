/**
 * The administrator's list of the council's users: who can sign in, as what, and which accounts
 * need attention (locked after failed sign-ins, disabled, waiting for the head of service).
 */
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { accessApi, type UserView } from '../../api/access.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { AccountStatus } from './status.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const SHOW = {
  all: 'All users',
  attention: 'Needing attention',
  disabled: 'Disabled',
} as const;
type Show = keyof typeof SHOW;

const needsAttention = (u: UserView) => u.locked || u.awaitingApproval || u.passwordResetRequired;

export function UsersPage() {
  usePageTitle('Users and access');
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const users = useLoad(() => accessApi.users(), 'users');
  const [show, setShow] = useState<Show>('all');
  if (users.problem || !users.data) return <NotReady problem={users.problem} />;
  const all = users.data.users;
  const shown = all.filter((u) => (show === 'all' ? true : show === 'disabled' ? u.disabled : needsAttention(u)));
  return (
    <>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Users and access</h1>
      <p className="govuk-body">
        Everyone who can sign in to Lantern for this council. A role that reaches restricted records, or linking a login to a worker, waits for the head of
        service’s approval.
      </p>
      <Link to="/users/new" className="govuk-button" data-module="govuk-button">
        Add a user
      </Link>
      <ul className="govuk-list">
        <li>{plural(all.filter((u) => u.locked).length, 'account is', 'accounts are')} locked after failed sign-ins</li>
        <li>{plural(all.filter((u) => u.awaitingApproval).length, 'account is', 'accounts are')} waiting for the head of service’s approval</li>
        <li>{plural(all.filter((u) => u.disabled).length, 'account is', 'accounts are')} disabled</li>
      </ul>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="show">
          Show
        </label>
        <select className="govuk-select" id="show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
          {Object.entries(SHOW).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{plural(shown.length, 'user', 'users')}</caption>
        <TableHead columns={['Name', 'Username', 'Role', 'Account']} />
        <tbody className="govuk-table__body">
          {shown.map((u) => (
            <tr key={u.userId} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/users/${u.userId}`}>
                  {u.displayName}
                </Link>
              </td>
              <td className="govuk-table__cell">{u.username}</td>
              <td className="govuk-table__cell">{u.roleLabel}</td>
              <td className="govuk-table__cell">
                <AccountStatus user={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
