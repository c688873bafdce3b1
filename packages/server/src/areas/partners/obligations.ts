/**
 * A partner agency's answer to a request, by the date the request gave. Derived by the kernel's
 * timescales engine (kernel/obligations.ts).
 */
import { sql } from 'kysely';
import { obligationRules } from '../../kernel/obligations.ts';

export const PARTNERS_OBLIGATIONS = obligationRules('partners', {
  // A request to a partner agency: met by the answer, ended if the worker withdraws it. The due
  // date is the one the request gave (its `recordedDue`), not counted here.
  'partner-response': {
    derive: (scope) => sql`
      select r.child_id, r.request_id, null::uuid, r.sent_on,
        r.answered_on, r.withdrawn_on, case when r.withdrawn_on is not null then 'Request withdrawn: ' || r.withdrawn_reason end
      from partner_request r where ${scope('r')}`,
    // The worker who sent the request owes the chase.
    recordedDue: (laCode) => ({
      joins: sql`join partner_request pr on pr.la_code = ${laCode} and pr.request_id = d.source_id
          left join worker prw on prw.la_code = pr.la_code and prw.worker_id = pr.requested_by_worker_id`,
      due: sql`pr.respond_by`,
      who: sql`pr.requested_by_worker_id, prw.team_id`,
    }),
  },
});
