/**
 * The `sar-response` rule: a subject access request is answered within one calendar month of
 * receipt, or three when extended with a recorded reason (the row's own due date); met when the
 * reviewed copy is released.
 */
import { sql } from 'kysely';
import { obligationRules } from '../../kernel/obligations.ts';

export const EXCHANGE_OBLIGATIONS = obligationRules('exchange', {
  'sar-response': {
    rowDue: true,
    derive: (scope) => sql`
  select s.child_id, s.sar_id, null::uuid, s.received_on, s.released_on, null::date, null::text,
    case when s.extended_on is not null then s.due_on end as due_override
  from subject_access_request s where ${scope('s')}`,
  },
});
