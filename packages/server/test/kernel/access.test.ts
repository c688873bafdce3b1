import { ROLES, type Role, type Scope } from '@lantern/core/permissions';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { childHolders, childrenInScope, heldChildInScope } from '../../src/kernel/access.ts';
import type { CurrentUser } from '../../src/kernel/context.ts';
import { LA } from '../helpers/fixture.ts';
import { type FixtureIds, startFixtureServer, type TestServer } from '../helpers/server.ts';

// The record's access check reads the rules from the child's holders worked out once
// (heldChildInScope); lists ask childrenInScope. Both must reach the same children.
let server: TestServer;
let ids: FixtureIds;
beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
});
afterAll(() => server?.close());

it('one child’s access check from its holders reaches the children childrenInScope reaches, for every role, worker and scope', async () => {
  const db = server.store.db;
  const people = await db.selectFrom('person').select('person_id').where('la_code', '=', LA).execute();
  const workers: [string | null, string | null][] = [
    [ids.swA, ids.teamA],
    [ids.tmA, ids.teamA],
    [ids.swB, ids.teamB],
    [ids.iro, ids.teamIro],
    [null, null],
  ];
  let reached = 0;
  for (const role of Object.keys(ROLES) as Role[]) {
    for (const [workerId, teamId] of workers) {
      const user: CurrentUser = { userId: '', username: '', displayName: '', laCode: LA, role, workerId, teamId };
      for (const scope of ['own', 'team', 'council'] as Scope[]) {
        const inScope = (await db.selectFrom('person as p').select('p.person_id').where(childrenInScope(user, scope)).execute()).map((r) => r.person_id).sort();
        const held: string[] = [];
        for (const { person_id } of people) {
          const row = await db
            .selectFrom('person as p')
            .innerJoinLateral(childHolders(user), (j) => j.onTrue())
            .select('p.person_id')
            .where('p.person_id', '=', person_id)
            .where(heldChildInScope(user, scope))
            .executeTakeFirst();
          if (row) held.push(row.person_id);
        }
        expect(held.sort(), `${role} ${workerId} ${scope}`).toEqual(inScope);
        reached += held.length;
      }
    }
  }
  expect(reached).toBeGreaterThan(0);
});
