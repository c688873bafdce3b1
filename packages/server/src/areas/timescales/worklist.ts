/** What the two worklists (children's deadlines, workers' deadlines) share: the view asked for, open-on-a-day, the counts. */
import { todayInEngland } from '@lantern/core/calendar';
import { scopeFor } from '@lantern/core/permissions';
import { sql } from 'kysely';
import { NO_ID } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import { forbidden } from '../../kernel/http/problem.ts';

/**
 * Which deadlines a worklist shows: the user's own ("mine", and always for those whose scope is
 * their own), a team's (their own unless they see the whole service), or the service's (for those
 * who see it, a team's within it if asked).
 */
export type WorklistView = { view: 'mine'; workerId: string } | { view: 'team'; teamId: string } | { view: 'service'; teamId: string | undefined };

export function worklistView(actor: Actor, q: { view: 'mine' | 'team' | 'service'; teamId?: string | undefined }): WorklistView {
  const user = actor.user;
  const scope = scopeFor(user.role, 'worklist:read');
  if (!scope) throw forbidden();
  if (q.view === 'mine' || scope === 'own') return { view: 'mine', workerId: user.workerId ?? NO_ID };
  if (q.view === 'team') {
    const teamId = q.teamId ?? user.teamId;
    if (scope === 'team' && teamId !== user.teamId) throw forbidden('You may see your own team’s worklist');
    return { view: 'team', teamId: teamId ?? NO_ID };
  }
  if (scope !== 'council') throw forbidden('The service view is for those who see the whole service');
  return { view: 'service', teamId: q.teamId };
}

/**
 * Deadlines (as `o`) started by the day and neither met nor ended by it. For today or a day ahead,
 * those neither met nor ended at all, as the day's work counts them (a record dated ahead of
 * today already counts as done): the open-deadline indexes hold just those rows, where the
 * form for a past day reads every deadline of the council (at 50,000 children a worker's own
 * list took 190 ms that way, reading 2.7 million rows for 79).
 */
export const openOn = (asOf: string, today = todayInEngland()) =>
  asOf >= today
    ? sql<boolean>`o.start_date <= ${asOf} and o.met_on is null and o.ended_on is null`
    : sql<boolean>`o.start_date <= ${asOf} and (o.met_on is null or o.met_on > ${asOf}) and (o.ended_on is null or o.ended_on > ${asOf})`;

/** The overdue and due deadlines (as `o`) among those a worklist shows. */
export const dueCounts = (asOf: string) => [
  sql<number>`count(*) filter (where o.due_date < ${asOf})`.as('overdue'),
  sql<number>`count(*) filter (where o.due_date >= ${asOf})`.as('due'),
];

export const countsOf = (counted: { overdue: number; due: number }) => ({ overdue: Number(counted.overdue), due: Number(counted.due) });
