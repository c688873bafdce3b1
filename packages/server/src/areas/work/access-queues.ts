/**
 * The accounts side of the day's work. The administrator holds no cases: they land on the
 * accounts that need them (locked after failed sign-ins, waiting for approval). The head of
 * service lands first on the access requests only they can decide (the second person).
 */
import { sql } from 'kysely';
import { THROTTLE } from '../../kernel/auth/throttle.ts';
import type { CurrentUser } from '../../kernel/context.ts';
import { item, listSection, type SectionDef } from './sections.ts';

const ROLE_WORDS = sql`case when r.new_user then 'A new account' else 'A change of role or worker' end`;

/** Requests the head of service may decide: not ones they made, nor ones for themselves. */
export function accessRequestsToDecide(u: CurrentUser): SectionDef {
  return listSection(
    {
      id: 'access-requests',
      title: 'Access requests waiting for your decision',
      empty: 'No access requests are waiting for you.',
      select: () => sql`r.request_id, r.requested_at, ${ROLE_WORDS} as what, usr.display_name, usr.username, asker.display_name as by_name`,
      from: () => sql`from access_request r
        join app_user usr on usr.la_code = r.la_code and usr.user_id = r.user_id
        join app_user asker on asker.la_code = r.la_code and asker.user_id = r.requested_by
        where r.la_code = ${u.laCode} and r.status = 'pending' and r.requested_by <> ${u.userId} and r.user_id <> ${u.userId}`,
      order: () => sql`r.requested_at, r.request_id`,
    },
    (r) =>
      item({
        key: String(r.request_id),
        what: `${r.what} for ${r.display_name} (${r.username})`,
        who: `Asked by ${r.by_name}`,
        href: '/access-requests',
      }),
  );
}

export function administrator(u: CurrentUser): SectionDef[] {
  return [
    listSection(
      {
        id: 'locked-accounts',
        title: 'Accounts locked after failed sign-ins',
        empty: 'No accounts are locked.',
        select: () => sql`usr.user_id, usr.display_name, usr.username, t.wait_until`,
        from: () => sql`from app_user usr join sign_in_throttle t on t.kind = 'username' and t.subject = usr.username
          where usr.la_code = ${u.laCode} and t.failures >= ${THROTTLE.username.lockAfter} and t.wait_until > now()`,
        order: () => sql`t.wait_until desc, usr.username`,
      },
      (r) =>
        item({
          key: String(r.user_id),
          what: `${r.display_name} (${r.username}) cannot sign in`,
          note: `Locked until ${new Date(r.wait_until as string).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })} unless you unlock it`,
          href: `/users/${r.user_id}`,
        }),
    ),
    listSection(
      {
        id: 'accounts-awaiting-approval',
        title: 'Accounts waiting for the head of service',
        empty: 'No accounts are waiting for approval.',
        select: () => sql`r.request_id, r.requested_at, ${ROLE_WORDS} as what, usr.user_id, usr.display_name, usr.username`,
        from: () => sql`from access_request r join app_user usr on usr.la_code = r.la_code and usr.user_id = r.user_id
          where r.la_code = ${u.laCode} and r.status = 'pending'`,
        order: () => sql`r.requested_at, r.request_id`,
      },
      (r) =>
        item({
          key: String(r.request_id),
          what: `${r.what} for ${r.display_name} (${r.username})`,
          note: `Asked on ${new Date(r.requested_at as string).toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })}`,
          href: `/users/${r.user_id}`,
        }),
    ),
  ];
}
