/**
 * The floor of each role's landing page (GET /api/work) for `npm run bench -- child-record`: the
 * same lists' bare SQL, each list's count and first page of 10, every list at once on the pool,
 * with the user's ids and the days the lists count to passed in by the bench (no session, no
 * access check, no schema, no look-up of the user's team) and one audit row. The restricted-record
 * filter stays: it changes which children a list holds, so the answers would not be the same.
 * The bench checks each page's counts and children against Lantern's before it measures.
 */

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A statement with named parameters ($la, $worker, …) made positional (only those its text uses),
 * prepared once per connection by name as Lantern's lists are, so the floor does not plan each
 * time what Lantern does not.
 */
const statements = new Map();
function statement(text, values) {
  let prepared = statements.get(text);
  if (!prepared) {
    const names = [];
    const positional = text.replace(/\$([a-z][a-zA-Z0-9]*)/g, (_, name) => {
      let i = names.indexOf(name);
      if (i < 0) i = names.push(name) - 1;
      return `$${i + 1}`;
    });
    prepared = { name: `floor_${statements.size}`, text: positional, names };
    statements.set(text, prepared);
  }
  return { name: prepared.name, text: prepared.text, values: prepared.names.map((n) => values[n]) };
}

/** Whether the reader may see child p: not restricted, or held by them or their team (kernel: `visible`). */
const visible = (p = 'p') => `(not ${p}.restricted or exists (
    select 1 from allocation va join worker vw on vw.la_code = va.la_code and vw.worker_id = va.worker_id
    where va.la_code = ${p}.la_code and va.child_id = ${p}.person_id and va.end_date is null
      and (va.worker_id = $worker or vw.team_id = $team)))`;
const child = 'p.given_name, p.family_name, p.la_child_id';

/** A list of open deadlines: its count and its first page with the child's, the worker's and the team's names. */
function deadlines(id, where, seesRestricted = false) {
  const seen = seesRestricted ? '' : `and exists (select 1 from person p where p.la_code = o.la_code and p.person_id = o.child_id and ${visible()})`;
  const from = `from obligation o where o.la_code = $la and o.met_on is null and o.ended_on is null and o.start_date <= $asOf and ${where} ${seen}`;
  // The count and the page in one statement (the count's row joined to the page), as Lantern reads them.
  return {
    id,
    both: `select c.n as total, x.* from (select count(*)::int as n ${from}) c
      left join lateral (
        select x.*, ${child}, w.given_name || ' ' || w.family_name as worker_name, t.name as team_name from (
          select o.child_id, o.rule_id, o.source_id, o.due_date, o.responsible_worker_id, o.responsible_team_id ${from}
          order by o.due_date, o.rule_id, o.child_id, o.source_id limit 10
        ) x
        join person p on p.la_code = $la and p.person_id = x.child_id
        left join worker w on w.la_code = $la and w.worker_id = x.responsible_worker_id
        left join team t on t.la_code = $la and t.team_id = x.responsible_team_id
      ) x on true
      order by x.due_date, x.rule_id, x.child_id, x.source_id`,
  };
}

/** A list counted and paged from one from-and-where. */
const list = (id, select, from, order) => ({ id, count: `select count(*)::int as n ${from}`, page: `select ${select} ${from} order by ${order} limit 10` });

/** Overdue deadlines by worker (or by team and rule): the number of groups rides on each row. */
function grouped(id, where, byWorker) {
  const keys = byWorker ? 'o.responsible_worker_id' : 'o.responsible_team_id, o.rule_id';
  return {
    id,
    grouped: `select g.*, ${byWorker ? `w.given_name || ' ' || w.family_name as worker_name` : 't.name as team_name'} from (
        select ${keys}, count(*)::int as n, min(o.due_date) as oldest, count(*) over ()::int as groups
        from obligation o where o.la_code = $la and o.met_on is null and o.ended_on is null and o.due_date < $asOf and ${where}
        group by ${keys} order by count(*) desc, min(o.due_date) limit 10
      ) g
      ${byWorker ? 'left join worker w on w.la_code = $la and w.worker_id = g.responsible_worker_id' : 'left join team t on t.la_code = $la and t.team_id = g.responsible_team_id'}
      order by g.n desc, g.oldest`,
  };
}

const mine = 'o.responsible_worker_id = $worker';
const yourOverdue = (seesRestricted) => deadlines('overdue', `${mine} and o.due_date < $asOf`, seesRestricted);
const byChild = (c) => `join person p on p.la_code = $la and p.person_id = ${c} where ${visible()} and`;
const heldByTeam = (c) => `(
  exists (select 1 from allocation al join worker w on w.la_code = al.la_code and w.worker_id = al.worker_id
    where al.la_code = p.la_code and al.child_id = ${c} and al.allocation_role = 'social-worker' and al.end_date is null and w.team_id = $team)
  or (not exists (select 1 from allocation al where al.la_code = p.la_code and al.child_id = ${c} and al.allocation_role = 'social-worker' and al.end_date is null)
    and exists (select 1 from case_team ct where ct.la_code = p.la_code and ct.child_id = ${c} and ct.ended_on is null and ct.team_id = $team)))`;
const decisionRequests = (id, kinds) =>
  list(
    id,
    `r.request_id, r.child_id, r.kind, r.sent_on, r.reasons, r.times_sent, su.display_name as sent_name, ${child}`,
    `from decision_request r left join app_user su on su.la_code = r.la_code and su.user_id = r.sent_by
      ${byChild('r.child_id')} r.la_code = $la and r.status = 'requested' and r.team_id = $team and r.kind in (${kinds})`,
    'r.sent_on, p.family_name, r.request_id',
  );
const myWork = deadlines('my-work', `${mine} and o.rule_id not in ('contact-decision', 'allocation')`);

const socialWorker = [
  yourOverdue(false),
  deadlines('due-soon', `${mine} and o.due_date between $asOf and $in5`),
  deadlines('visits', `${mine} and o.rule_id like '%visit%' and o.due_date between $asOf and $weekEnd`),
  deadlines('plan-actions', `${mine} and o.rule_id = 'plan-action'`),
  list(
    'returned',
    `q.*, ${child}`,
    `from (
      select 'request' as source, r.request_id as key, r.child_id, r.kind, r.decided_on as returned_on, r.decision_reasons as reasons, du.display_name as by_name
      from decision_request r left join app_user du on du.la_code = r.la_code and du.user_id = r.decided_by
      where r.la_code = $la and r.status = 'returned' and r.sent_by = $user
      union all
      select 'assessment', ar.assessment_id, ar.child_id, 'assessment', ar.returned_on, ar.return_reasons, ru.display_name
      from assessment_record ar left join app_user ru on ru.la_code = ar.la_code and ru.user_id = ar.returned_by
      where ar.la_code = $la and ar.status = 'returned' and ar.submitted_by = $user
    ) q ${byChild('q.child_id')} true`,
    'q.returned_on, p.family_name, q.key',
  ),
  list(
    'new-allocations',
    `a.allocation_id, a.child_id, a.start_date, a.start_reason, ${child}`,
    `from allocation a join person p on p.la_code = a.la_code and p.person_id = a.child_id
      where a.la_code = $la and a.worker_id = $worker and a.end_date is null and a.start_date between $since14 and $asOf`,
    'a.start_date desc, p.family_name, a.allocation_id',
  ),
];

const teamManager = [
  list(
    'decide-assessments',
    `a.assessment_id, a.child_id, a.completed_on, ${child}`,
    `from assessment a ${byChild('a.child_id')} a.la_code = $la and a.completed_on is not null and a.authorised_on is null and ${heldByTeam('a.child_id')}`,
    'a.completed_on, p.family_name, a.assessment_id',
  ),
  decisionRequests('decide-plans', `'plan'`),
  decisionRequests('decide-closures', `'closure', 'step-down'`),
  list(
    'decide-transfers',
    `x.transfer_id, x.child_id, x.requested_on, x.reason, ft.name as from_team, ${child}`,
    `from case_transfer x left join team ft on ft.la_code = x.la_code and ft.team_id = x.from_team_id
      ${byChild('x.child_id')} x.la_code = $la and x.to_team_id = $team and x.status = 'requested'`,
    'x.requested_on, p.family_name, x.transfer_id',
  ),
  list(
    'decide-contacts',
    `o.source_id, o.child_id, o.due_date, ${child}`,
    `from obligation o ${byChild('o.child_id')} o.la_code = $la and o.rule_id = 'contact-decision' and o.met_on is null and o.ended_on is null and ${mine}`,
    'o.due_date, p.family_name, o.source_id',
  ),
  deadlines('to-allocate', `o.rule_id = 'allocation' and o.responsible_team_id = $team`),
  grouped('team-overdue', 'o.responsible_team_id = $team', true),
  list(
    'supervisions',
    'o.worker_id, o.rule_id, o.source_id, o.due_date, w.given_name, w.family_name',
    `from worker_obligation o join worker w on w.la_code = o.la_code and w.worker_id = o.worker_id
      where o.la_code = $la and ${mine} and o.met_on is null and o.ended_on is null and o.due_date <= $in5`,
    'o.due_date, w.family_name, o.source_id',
  ),
  myWork,
];

const frontDoor = [
  list(
    'contacts',
    `c.contact_id, c.child_id, c.received_on, o.due_date, ${child},
      floor(extract(epoch from (((coalesce(o.due_date, c.received_on) + 1)::timestamp at time zone 'Europe/London') - now())) / 3600)::int as hours_left`,
    `from contact c join person p on p.la_code = c.la_code and p.person_id = c.child_id
      left join obligation o on o.la_code = c.la_code and o.child_id = c.child_id and o.rule_id = 'contact-decision' and o.source_id = c.contact_id
      where c.la_code = $la and c.decision is null and ${visible()}`,
    'c.received_at, c.contact_id',
  ),
  list(
    'decided-today',
    `c.contact_id, c.child_id, c.decision, t.name as team_name, ${child}`,
    `from contact c join person p on p.la_code = c.la_code and p.person_id = c.child_id
      left join case_team ct on ct.la_code = c.la_code and ct.episode_id = c.episode_id and c.episode_id is not null
      left join team t on t.la_code = ct.la_code and t.team_id = ct.team_id
      where c.la_code = $la and c.decided_on = $asOf and ${visible()}`,
    'p.family_name, c.contact_id',
  ),
  myWork,
];

const reviewing = [
  deadlines('reviews', `${mine} and o.rule_id like '%review%' and o.due_date between $asOf and $in20`),
  deadlines(
    'recommendations',
    `o.rule_id = 'iro-recommendation' and o.due_date < $asOf and o.child_id in (
        select o2.child_id from obligation o2 where o2.la_code = $la and o2.rule_id = 'iro-recommendation' and o2.met_on is null and o2.ended_on is null and o2.responsible_worker_id = $worker
        union all select ia.child_id from allocation ia where ia.la_code = $la and ia.allocation_role = 'iro' and ia.end_date is null and ia.worker_id = $worker)
      and (${mine} or exists (select 1 from allocation ia where ia.la_code = o.la_code and ia.child_id = o.child_id and ia.allocation_role = 'iro' and ia.end_date is null and ia.worker_id = $worker))`,
  ),
  yourOverdue(false),
];

const reviewingManager = [
  list(
    'without-iro',
    `p.person_id as child_id, ${child}, e.cla_episode_id is not null as looked_after, cp.plan_id is not null as on_plan,
      least(cp.start_date, (select min(x.start_date) from cla_episode x where x.la_code = e.la_code and x.period_id = e.period_id)) as since`,
    `from (
        select n.child_id from (
          select x.child_id from cla_episode x where x.la_code = $la and x.end_date is null
          union select y.child_id from cp_plan y where y.la_code = $la and y.end_date is null
        ) n where not exists (select 1 from allocation a where a.la_code = $la and a.child_id = n.child_id and a.allocation_role = 'iro' and a.end_date is null)
      ) q
      join person p on p.la_code = $la and p.person_id = q.child_id
      left join cla_episode e on e.la_code = p.la_code and e.child_id = p.person_id and e.end_date is null
      left join cp_plan cp on cp.la_code = p.la_code and cp.child_id = p.person_id and cp.end_date is null
      where ${visible()}`,
    'since, p.family_name, p.person_id',
  ),
  ...reviewing,
  grouped('iros-overdue', 'o.responsible_team_id = $team', true),
];

// The head of service sees restricted records: no filter on the child.
const preProceedings = `from pre_proceedings pp
  join person p on p.la_code = pp.la_code and p.person_id = pp.child_id
  left join lateral (
    select o.rule_id, o.due_date from obligation o
    where o.la_code = pp.la_code and o.child_id = pp.child_id and o.met_on is null and o.ended_on is null
      and o.rule_id in ('pre-proceedings-meeting', 'pre-proceedings-review', 'pre-proceedings-end')
    order by o.due_date limit 1
  ) nx on true
  where pp.la_code = $la and pp.ended_on is null`;
const proceedings = `from care_proceedings c
  join person p on p.la_code = c.la_code and p.person_id = c.child_id
  left join lateral (
    select h.held_on, h.hearing_type from court_hearing h
    where h.la_code = c.la_code and h.proceedings_id = c.proceedings_id and h.held_on >= $asOf
    order by h.held_on limit 1
  ) h on true
  where c.la_code = $la and c.concluded_on is null`;
const headOfService = [
  list(
    'access-requests',
    `r.request_id, r.requested_at, case when r.new_user then 'A new account' else 'A change of role or worker' end as what, usr.display_name, usr.username, asker.display_name as by_name`,
    `from access_request r
      join app_user usr on usr.la_code = r.la_code and usr.user_id = r.user_id
      join app_user asker on asker.la_code = r.la_code and asker.user_id = r.requested_by
      where r.la_code = $la and r.status = 'pending' and r.requested_by <> $user and r.user_id <> $user`,
    'r.requested_at, r.request_id',
  ),
  list(
    'subject-access-requests',
    `s.sar_id, s.child_id, s.due_on, s.requester_name, s.extended_on, s.reviewed_at, ${child}`,
    'from subject_access_request s join person p on p.la_code = s.la_code and p.person_id = s.child_id where s.la_code = $la and s.released_on is null',
    's.due_on, s.sar_id',
  ),
  grouped('overdue-by-team', 'true', false),
  list(
    'missing',
    `m.missing_id, m.child_id, m.kind, m.started_at, ${child}, floor(extract(epoch from now() - m.started_at) / 3600)::int as hours`,
    'from missing_episode m join person p on p.la_code = m.la_code and p.person_id = m.child_id where m.la_code = $la and m.ended_at is null',
    'm.started_at, m.missing_id',
  ),
  list(
    'unregistered',
    `a.approval_id, a.child_id, pr.name as provider_name, a.approved_on, ${child}`,
    `from unregistered_approval a
      join cla_episode e on e.la_code = a.la_code and e.placement_id = a.placement_id and e.end_date is null
      join person p on p.la_code = a.la_code and p.person_id = a.child_id
      join provider pr on pr.la_code = a.la_code and pr.provider_id = a.provider_id
      where a.la_code = $la`,
    'a.approved_on, a.approval_id',
  ),
  list(
    'pre-proceedings',
    `pp.pre_proceedings_id, pp.child_id, pp.letter_sent_on, nx.rule_id, nx.due_date, ${child}`,
    preProceedings,
    'nx.due_date nulls last, pp.letter_sent_on',
  ),
  list(
    'proceedings',
    `c.proceedings_id, c.child_id, c.issued_on, c.due_on, c.court, h.held_on as hearing_on, h.hearing_type, ${child}`,
    proceedings,
    'least(h.held_on, c.due_on), c.issued_on',
  ),
  deadlines('escalations', `o.rule_id = 'partner-response' and o.due_date < $asOf`, true),
  list(
    'improvement',
    'x.action_id, x.title, x.due_date, x.status',
    `from improvement_action x where x.la_code = $la and x.status <> 'done' and (x.status = 'off-track' or x.due_date < $asOf)`,
    'x.due_date, x.title, x.action_id',
  ),
];

const partner = [
  list(
    'requests',
    'r.request_id, r.request_type, r.respond_by, p.given_name, p.family_name',
    `from partner_request r join person p on p.la_code = r.la_code and p.person_id = r.child_id
      where r.la_code = $la and r.organisation_id = $organisation and r.answered_on is null and r.withdrawn_on is null and not p.restricted`,
    'r.respond_by, r.sent_on, r.request_id',
  ),
];

export const LANDING_LISTS = {
  'social-worker': socialWorker,
  'team-manager': teamManager,
  'front-door': frontDoor,
  iro: reviewing,
  'iro-manager': reviewingManager,
  'head-of-service': headOfService,
  partner,
};

/**
 * GET /floor/landing/:kind/:laCode?worker=&team=&user=&organisation=&asOf=&in5=&in20=&weekEnd=&since14=
 * Every list's count and first page at once, then one audit row.
 */
export function landingFloor(app, pool, audited) {
  app.get('/floor/landing/:kind/:laCode', async (req) => {
    const lists = LANDING_LISTS[req.params.kind];
    const values = { worker: NO_ID, team: NO_ID, user: NO_ID, organisation: NO_ID, ...req.query, la: req.params.laCode };
    const sections = await Promise.all(
      lists.map(async (s) => {
        if (s.grouped) {
          const { rows } = await pool.query(statement(s.grouped, values));
          return { id: s.id, total: rows[0]?.groups ?? 0, rows };
        }
        if (s.both) {
          const { rows } = await pool.query(statement(s.both, values));
          return { id: s.id, total: rows[0]?.total ?? 0, rows: rows.filter((r) => r.child_id !== null) };
        }
        const [count, page] = await Promise.all([pool.query(statement(s.count, values)), pool.query(statement(s.page, values))]);
        return { id: s.id, total: count.rows[0].n, rows: page.rows };
      }),
    );
    await audited(req.params.laCode, 'read', 'landing-page', null, req);
    return { kind: req.params.kind, sections };
  });
}
