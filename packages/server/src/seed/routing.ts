/**
 * The demo council's routing and transfers: each open case without a social worker was routed
 * by the front door to a team (the team that last held the child, else the first assessment
 * team), and one case of the demo team manager's team waits on another team's answer to a
 * transfer. Keys are derived from the child, so the council is the same for a seed.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import { batch } from '../kernel/ledger.ts';

export async function seedRouting(db: Kysely<Database>, opts: { laCode: string; asOf: string; frontDoorUserId: string | null; managerUserId: string | null }) {
  const { laCode } = opts;
  return batch(db, null, async (ledger) => {
    const routed = await sql`
      insert into case_team (la_code, routing_id, child_id, team_id, episode_id, routed_on, routed_by, reason)
      select e.la_code, md5(e.la_code || e.episode_id::text || 'routing')::uuid, e.child_id,
        coalesce(last.team_id, first_assessment.team_id), e.episode_id, e.referral_date, ${opts.frontDoorUserId}::uuid,
        'Referred by the front door for an assessment'
      from cin_episode e
      left join lateral (
        select w.team_id from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where a.la_code = e.la_code and a.child_id = e.child_id and a.allocation_role = 'social-worker' order by a.end_date desc nulls first limit 1
      ) last on true
      cross join lateral (select t.team_id from team t where t.la_code = e.la_code and t.service = 'Assessment' order by t.name limit 1) first_assessment
      where e.la_code = ${laCode} and e.closure_date is null
        and not exists (select 1 from allocation a where a.la_code = e.la_code and a.child_id = e.child_id and a.allocation_role = 'social-worker' and a.end_date is null)`.execute(
      ledger.db,
    );
    if (!opts.managerUserId) return { case_team: Number(routed.numAffectedRows ?? 0), case_transfer: 0 };
    const transfer = await sql`
      insert into case_transfer (la_code, transfer_id, child_id, from_team_id, to_team_id, requested_on, requested_by, reason)
      select p.la_code, md5(p.la_code || p.person_id::text || 'transfer')::uuid, p.person_id, w.team_id, other.team_id,
        least(e.referral_date + 1, ${opts.asOf}::date), ${opts.managerUserId}::uuid, 'The family has moved to the other side of the county'
      from app_user u
      join worker m on m.la_code = u.la_code and m.worker_id = u.worker_id
      join worker w on w.la_code = m.la_code and w.team_id = m.team_id
      join allocation a on a.la_code = w.la_code and a.worker_id = w.worker_id and a.allocation_role = 'social-worker' and a.end_date is null
      join person p on p.la_code = a.la_code and p.person_id = a.child_id and not p.restricted
      join cin_episode e on e.la_code = p.la_code and e.child_id = p.person_id and e.closure_date is null
      join team mt on mt.la_code = m.la_code and mt.team_id = m.team_id
      cross join lateral (select t.team_id from team t where t.la_code = m.la_code and t.service = mt.service and t.team_id <> m.team_id order by t.name limit 1) other
      where u.la_code = ${laCode} and u.user_id = ${opts.managerUserId}::uuid
      order by p.la_child_id limit 1`.execute(ledger.db);
    return { case_team: Number(routed.numAffectedRows ?? 0), case_transfer: Number(transfer.numAffectedRows ?? 0) };
  });
}
