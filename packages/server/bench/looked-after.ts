/** `npm run bench -- looked-after`: the generator's looked-after part, and one recorded looked-after event. */
import { recordLookedAfterVisit } from '../src/areas/looked-after/care.ts';
import { openStore } from '../src/kernel/db/store.ts';
import { refreshObligations } from '../src/kernel/obligations.ts';
import { seedCouncil } from '../src/seed/generate.ts';
import { emptyLookedAfterRows, LookedAfterGenerator } from '../src/seed/looked-after.ts';
import { dayOf, Rng } from '../src/seed/rng.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

export async function lookedAfterFigures(figure: Figure) {
  // The generator's looked-after part alone, in memory: 10,000 looked-after children.
  const asOf = dayOf('2026-11-23');
  const gen = new LookedAfterGenerator(
    { laCode: 'E06000019', asOf, directorUserId: crypto.randomUUID(), directorName: 'Director', postcodeArea: 'HR' },
    new Rng(1, 8),
    new Rng(1, 9),
  );
  const rng = new Rng(2, 1);
  const rows = { ...emptyLookedAfterRows(), visit: [], allocation: [] };
  const t = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const dob = asOf - rng.between(200, 17 * 365);
    gen.add(rows, { personId: crypto.randomUUID(), dob, lookedAfterFrom: Math.max(dob, asOf - rng.between(10, 3000)), uasc: rng.chance(0.1) }, 'HR1 2AB');
  }
  const ms = performance.now() - t;
  figure(
    'generator, looked-after part, 10,000 children in memory',
    ms / 1000,
    's',
    `${rows.cla_episode.length} episodes, ${rows.visit.length} visits, ${rows.cla_review.length} reviews, ${rows.missing_episode.length} missing`,
  );

  // The demo council (2,400 children) on an in-memory PGlite, then one recorded event.
  const store = await openStore({ kind: 'pglite-memory' });
  const seeded = await seedCouncil(store.db, {});
  const r = seeded.records;
  figure(
    'seed demo council (2,400 children), in-memory PGlite: time',
    seeded.seconds,
    's',
    `looked after: ${r.cla_episode} episodes, ${r.cla_review} reviews, ${r.missing_episode} missing, ${r.unregistered_approval} unregistered approvals`,
  );
  const rebuild = await refreshObligations(store.db, 'E06000019');
  figure('rebuild all obligations, demo council, PGlite', rebuild.seconds, 's', `${rebuild.obligations} obligations`);
  const cla = await store.db
    .selectFrom('cla_episode as e')
    .innerJoin('allocation as a', (j) =>
      j.onRef('a.la_code', '=', 'e.la_code').onRef('a.child_id', '=', 'e.child_id').on('a.end_date', 'is', null).on('a.allocation_role', '=', 'social-worker'),
    )
    .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
    .select(['e.child_id', 'a.worker_id', 'w.team_id'])
    .where('e.end_date', 'is', null)
    .limit(1)
    .executeTakeFirstOrThrow();
  const actor = {
    user: {
      userId: crypto.randomUUID(),
      laCode: 'E06000019',
      username: 'bench',
      displayName: 'Bench',
      role: 'social-worker' as const,
      workerId: cla.worker_id,
      teamId: cla.team_id,
    },
    ip: null,
    userAgent: 'bench',
  };
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const s = performance.now();
    await recordLookedAfterVisit(store.db, actor, cla.child_id, {
      visitedOn: '2026-11-20',
      faceToFace: true,
      childSeen: true,
      seenAlone: false,
      childWords: 'Bench visit.',
    });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  figure('one recorded looked-after event (a visit, with its deadlines), PGlite: median', times[10] as number, 'ms');
  await store.close();
}
