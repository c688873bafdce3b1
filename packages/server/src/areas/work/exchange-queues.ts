/**
 * Lists on landing pages from the exchange area: the subject access requests waiting for an answer
 * (the head of service and information governance), and the children the DfE's daily feed could
 * not send (the administrator and the analyst), each leading to its page.
 */
import { sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import { childItem, type Days, item, listSection, overdueBy, type SectionDef, visible } from './sections.ts';

export function sarsToAnswer(u: CurrentUser, d: Days): SectionDef {
  return listSection(
    {
      id: 'subject-access-requests',
      title: 'Subject access requests to answer',
      empty: 'No subject access request is waiting for an answer.',
      more: { href: '/subject-access-requests', text: 'Every subject access request' },
      select: () => sql`s.sar_id, s.child_id, s.due_on, s.requester_name, s.extended_on, s.reviewed_at, p.given_name, p.family_name, p.la_child_id`,
      from: () => sql`from subject_access_request s join person p on p.la_code = s.la_code and p.person_id = s.child_id
        where s.la_code = ${u.laCode} and s.released_on is null and ${visible(u)}`,
      order: () => sql`s.due_on, s.sar_id`,
    },
    (r) =>
      childItem(r, {
        key: String(r.sar_id),
        what: r.reviewed_at ? 'Subject access request: marks reviewed, ready to release' : 'Subject access request: review the redaction marks',
        dueDate: String(r.due_on),
        daysOverdue: overdueBy(String(r.due_on), d.asOf),
        who: `Asked by ${r.requester_name}`,
        note: r.extended_on ? 'Extended by two months' : null,
        href: `/children/${r.child_id}/subject-access-requests/${r.sar_id}`,
      }),
  );
}

/** The children the feed's last submission of them was refused; named only where the reader may open them. */
export function feedErrors(u: CurrentUser, named: boolean): SectionDef {
  return listSection(
    {
      id: 'dfe-feed-errors',
      title: 'Children the DfE’s daily feed could not send',
      empty: 'The DfE accepted every child the feed last sent.',
      more: { href: '/returns/dfe-feed', text: 'The DfE feed’s runs' },
      select: () => sql`f.child_id, f.la_child_id, f.updated_at, p.given_name, p.family_name, p.restricted`,
      from: () => sql`from dfe_feed_child f join person p on p.la_code = f.la_code and p.person_id = f.child_id
        where f.la_code = ${u.laCode} and f.state = 'error'`,
      order: () => sql`f.la_child_id, f.child_id`,
    },
    (r) =>
      named && !r.restricted
        ? childItem(r, { key: String(r.child_id), what: 'Not accepted by the DfE', href: '/returns/dfe-feed' })
        : item({ key: String(r.child_id), what: `Child ${r.la_child_id}: not accepted by the DfE`, href: '/returns/dfe-feed' }),
  );
}
