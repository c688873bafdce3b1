import { randomUUID } from 'node:crypto';
import type { Store } from '../../../../src/kernel/db/store.ts';
import { LA } from '../../../helpers/fixture.ts';
import type { FixtureIds } from '../../../helpers/server.ts';

type Db = Store['db'];

/** A deadline of a child as the engine keeps it (from 1 March 2027 unless given), ended because the child is no longer looked after unless another reason is given. */
export type Deadline = { start?: string; met?: string | null; ended?: string | null; endReason?: string };

/**
 * The little builders every era of the hand-worked population uses, writing to the database `db`
 * gives (the test's server is started only in its beforeAll). Children are numbered T100, T101… in
 * the order they are made, so the eras are written in one order, and a test may add a child after.
 */
export function populationBuilders(db: () => Db) {
  const named: Record<string, string> = {};
  let n = 100;

  /** A child named `name` Test (a boy born 1 January 2015 unless given), remembered in `named`; its id. */
  const child = async (name: string, o: { born?: string; sex?: 'M' | 'F' } = {}) => {
    const id = randomUUID();
    named[name] = id;
    await db()
      .insertInto('person')
      .values({
        la_code: LA,
        person_id: id,
        is_child: true,
        la_child_id: `T${n++}`,
        given_name: name,
        family_name: 'Test',
        date_of_birth: o.born ?? '2015-01-01',
        sex: o.sex ?? 'M',
      })
      .execute();
    return id;
  };

  /** A child in need episode referred by a family member (1A) for abuse or neglect (N1); closed (RC8) if `closed` is given. */
  const episode = async (childId: string, referral: string, o: { closed?: string; nfa?: boolean } = {}) => {
    const id = randomUUID();
    await db()
      .insertInto('cin_episode')
      .values({
        la_code: LA,
        episode_id: id,
        child_id: childId,
        referral_date: referral,
        referral_source: '1A',
        primary_need: 'N1',
        referral_nfa: o.nfa ?? false,
        closure_date: o.closed ?? null,
        closure_reason: o.closed ? 'RC8' : null,
      })
      .execute();
    return id;
  };

  // A period of care, each episode [start, end, placement, placement type (U1 unless given)]. An
  // episode without a placement letter has a placement of its own; a repeated letter is the same
  // placement (a change of legal status only). The period ends (E11) with its last episode, if that ended.
  // The period's id and each episode's placement id.
  const cla = async (childId: string, episodes: [string, string | null, string?, string?][], legal = 'C2') => {
    const periodId = randomUUID();
    const byLetter = new Map<string, string>();
    const placementIds = episodes.map(([, , letter]) => {
      if (letter === undefined) return randomUUID();
      if (!byLetter.has(letter)) byLetter.set(letter, randomUUID());
      return byLetter.get(letter) as string;
    });
    for (const [i, [start, end, , type]] of episodes.entries()) {
      await db()
        .insertInto('cla_episode')
        .values({
          la_code: LA,
          cla_episode_id: i === 0 ? periodId : randomUUID(),
          child_id: childId,
          period_id: periodId,
          placement_id: placementIds[i] as string,
          start_date: start,
          reason_new_episode: i === 0 ? 'S' : placementIds[i - 1] === placementIds[i] ? 'L' : 'P',
          legal_status: legal,
          category_of_need: 'N1',
          placement_type: type ?? 'U1',
          end_date: end,
          reason_ended: end ? (i === episodes.length - 1 ? 'E11' : 'X1') : null,
        })
        .execute();
    }
    return { periodId, placementIds };
  };

  const obligation = async (childId: string, rule: string, due: string, o: Deadline = {}) =>
    db()
      .insertInto('obligation')
      .values({
        la_code: LA,
        child_id: childId,
        rule_id: rule,
        source_id: randomUUID(),
        start_date: o.start ?? '2027-03-01',
        due_date: due,
        met_on: o.met ?? null,
        ended_on: o.ended ?? null,
        end_reason: o.ended ? (o.endReason ?? 'no-longer-looked-after') : null,
      })
      .execute();

  return { named, child, episode, cla, obligation };
}

/** What an era is written with: the builders, the database and the fixture's ids. */
export type Population = ReturnType<typeof populationBuilders> & { db: Db; ids: FixtureIds };
