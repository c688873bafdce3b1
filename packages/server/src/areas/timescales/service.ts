/** Deadlines as people see them: a child's, and the worklists of a worker, a team, a service. */
import { todayInEngland } from '@lantern/core/calendar';
import type { ObligationView, worklistQuery } from '@lantern/core/pathway';
import { scopeFor } from '@lantern/core/permissions';
import { checkSetting, daysOverdue, type DueRule, effectiveDue, RULE_LABELS, ruleById, TIMESCALE_RULES } from '@lantern/core/timescales';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { childrenInScope } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid, notFound } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { engineRuleIds, refreshObligations } from '../../kernel/obligations.ts';
import { councilTimescaleSettings, putSetting } from '../../kernel/settings.ts';
import { isWorkerRule, refreshWorkerObligations } from '../../kernel/worker-obligations.ts';
import { HOUSEHOLD_RULES, refreshFosterObligations } from '../fostering/obligations.ts';
import { countsOf, dueCounts, openOn, worklistView } from './worklist.ts';

/** A deadline's own columns and who answers for it, whoever it is owed for: a child or a worker. */
export type DeadlineRow = {
  rule_id: string;
  start_date: string;
  due_date: string;
  met_on: string | null;
  ended_on: string | null;
  responsible_worker_id: string | null;
  responsible_name: string | null;
  team_name: string | null;
};

/** The columns of a DeadlineRow, from a deadline (alias `o`), its responsible worker (`rw`) and team (`t`). */
export const DEADLINE_COLUMNS = [
  'o.rule_id',
  'o.start_date',
  'o.due_date',
  'o.met_on',
  'o.ended_on',
  'o.responsible_worker_id',
  sql<string | null>`rw.given_name || ' ' || rw.family_name`.as('responsible_name'),
  't.name as team_name',
] as const;

type Row = DeadlineRow & {
  child_id: string;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
};

export function stateOn(row: { due_date: string; met_on: string | null; ended_on: string | null }, asOf: string): ObligationView['state'] {
  if (row.met_on && row.met_on <= asOf) return row.met_on <= row.due_date ? 'met-on-time' : 'met-late';
  if (row.ended_on && row.ended_on <= asOf) return 'ended';
  return row.due_date < asOf ? 'overdue' : 'due';
}

/** What a child's and a worker's deadlines both show: the rule, the dates, the state on `asOf`, who answers for it. */
export function deadlineFacts(r: DeadlineRow, asOf: string) {
  const state = stateOn(r, asOf);
  return {
    ruleId: r.rule_id,
    label: RULE_LABELS[r.rule_id] ?? ruleById(r.rule_id).what,
    startDate: r.start_date,
    dueDate: r.due_date,
    metOn: r.met_on,
    state,
    daysOverdue: state === 'overdue' ? daysOverdue(r.due_date, asOf) : 0,
    responsibleWorkerId: r.responsible_worker_id,
    responsibleWorker: r.responsible_name,
  };
}

function view(r: Row, asOf: string): ObligationView {
  const rule = ruleById(r.rule_id);
  return {
    childId: r.child_id,
    laChildId: r.la_child_id ?? '',
    childName: `${r.given_name} ${r.family_name}`,
    ...deadlineFacts(r, asOf),
    what: rule.what,
    kind: rule.kind,
    endedOn: r.ended_on,
    responsibleTeam: r.team_name,
  };
}

function obligations(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('obligation as o')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'o.la_code').onRef('p.person_id', '=', 'o.child_id'))
    .leftJoin('worker as rw', (j) => j.onRef('rw.la_code', '=', 'o.la_code').onRef('rw.worker_id', '=', 'o.responsible_worker_id'))
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'o.la_code').onRef('t.team_id', '=', 'o.responsible_team_id'))
    .select(['o.child_id', 'p.la_child_id', 'p.given_name', 'p.family_name', ...DEADLINE_COLUMNS])
    .where('o.la_code', '=', laCode);
}

/** A child's deadlines: all of the open episode's, any still open, and those met or ended in the last 90 days. */
export async function childObligations(db: Kysely<Database>, laCode: string, childId: string): Promise<ObligationView[]> {
  const asOf = todayInEngland();
  const rows = await obligations(db, laCode)
    .where('o.child_id', '=', childId)
    .where((eb) =>
      eb.or([
        eb.and([eb('o.met_on', 'is', null), eb('o.ended_on', 'is', null)]),
        eb('o.met_on', '>=', sql<string>`${asOf}::date - 90`),
        eb('o.ended_on', '>=', sql<string>`${asOf}::date - 90`),
        eb(
          'o.episode_id',
          'in',
          eb.selectFrom('cin_episode').select('episode_id').where('la_code', '=', laCode).where('child_id', '=', childId).where('closure_date', 'is', null),
        ),
      ]),
    )
    .orderBy('o.due_date')
    .execute();
  return rows.map((r) => view(r, asOf)).sort((a, b) => order(a.state) - order(b.state) || a.dueDate.localeCompare(b.dueDate));
}

/** A child's deadlines under some rules, whenever they fell: a looked-after child's page shows the whole period of care. */
export async function childObligationsUnder(db: Kysely<Database>, laCode: string, childId: string, ruleIds: readonly string[]): Promise<ObligationView[]> {
  const asOf = todayInEngland();
  const rows = await obligations(db, laCode)
    .where('o.child_id', '=', childId)
    .where('o.rule_id', 'in', [...ruleIds])
    .orderBy('o.start_date')
    .execute();
  return rows.map((r) => view(r, asOf));
}

const order = (state: ObligationView['state']) => ({ overdue: 0, due: 1, 'met-late': 2, 'met-on-time': 3, ended: 4 })[state];

/**
 * A worklist: open deadlines as of a day, overdue first. "mine" is the user's own; "team" a
 * team's (the user's own unless they may see the whole service); "service" everyone's.
 */
export async function worklist(db: Kysely<Database>, actor: Actor, q: z.infer<typeof worklistQuery>) {
  const user = actor.user;
  const shown = worklistView(actor, q);
  const asOf = q.asOf ?? todayInEngland();
  const readScope = scopeFor(user.role, 'child:read') ?? 'own';
  let query = obligations(db, user.laCode).where(openOn(asOf)).where(childrenInScope(user, readScope));
  if (shown.view === 'mine') query = query.where('o.responsible_worker_id', '=', shown.workerId);
  else if (shown.teamId) query = query.where('o.responsible_team_id', '=', shown.teamId);
  if (q.workerId) query = query.where('o.responsible_worker_id', '=', q.workerId);
  if (q.ruleId) query = query.where('o.rule_id', '=', q.ruleId);
  if (q.state === 'overdue') query = query.where('o.due_date', '<', asOf);
  if (q.state === 'due') query = query.where('o.due_date', '>=', asOf);

  const counted = await query.clearSelect().select(dueCounts(asOf)).executeTakeFirstOrThrow();
  const rows = await query.orderBy('o.due_date').orderBy('p.family_name').limit(q.limit).execute();
  return { asOf, obligations: rows.map((r) => view(r, asOf)), counts: countsOf(counted) };
}

export function describeDue(due: DueRule): string {
  if (due.unit === 'by-event') return due.description;
  const unit = { 'working-days': 'working day', days: 'day', weeks: 'week', months: 'calendar month', hours: 'hour' }[due.unit];
  return `${due.n} ${unit}${due.n === 1 ? '' : 's'}`;
}

/** Every rule with the due rule in force for the council (its own setting, or the default). */
export async function timescaleRules(db: Kysely<Database>, laCode: string) {
  const settings = await councilTimescaleSettings(db, laCode);
  return TIMESCALE_RULES.map((r) => ({
    id: r.id,
    what: r.what,
    countedFrom: r.countedFrom,
    due: describeDue(effectiveDue(r, settings)),
    kind: r.kind,
    source: r.source,
    responsible: r.responsible,
  }));
}

/**
 * A council's own timescale. Policy values are the council's to choose; statute and guidance
 * may only be made stricter. The council's deadlines are rebuilt in the same transaction; settled
 * history (children whose every deadline is met or ended) keeps the due dates it had.
 */
export async function setTimescale(db: Kysely<Database>, actor: Actor, ruleId: string, due: { unit: 'working-days' | 'days' | 'weeks' | 'months'; n: number }) {
  const rule = TIMESCALE_RULES.find((r) => r.id === ruleId);
  if (!rule) throw notFound('timescale rule');
  if (!rule.setting) throw invalid([{ field: 'ruleId', rule: 'not-settable', message: 'This rule’s timescale is set by an event, not a number' }]);
  const check = checkSetting(rule, due);
  if (!check.ok) throw invalid([{ field: 'n', rule: 'stricter-only', message: check.reason }]);
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    await putSetting(ledger, rule.setting as string, due, { due });
    let rebuilt = engineRuleIds().includes(ruleId) ? (await refreshObligations(trx, actor.user.laCode, { settled: 'keep' })).obligations : 0;
    if (isWorkerRule(ruleId)) rebuilt += (await refreshWorkerObligations(trx, actor.user.laCode)).obligations;
    if ((HOUSEHOLD_RULES as readonly string[]).includes(ruleId)) rebuilt += (await refreshFosterObligations(trx, actor.user.laCode)).obligations;
    return { ruleId, due: describeDue(due), obligationsRebuilt: rebuilt };
  });
}
