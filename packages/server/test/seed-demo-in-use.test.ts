import { describe, expect, it } from 'vitest';

// The demo council in use once seeded: its own small server (seed.test.ts's councils have none).
describe('after seeding', () => {
  it('a child recorded in the demo council continues its numbering, and the front door has a demo manager', async () => {
    const { startTestServer, client, signInAs } = await import('./helpers/server.ts');
    const { DEMO_PASSWORD } = await import('../src/seed/generate.ts');
    const server = await startTestServer({ children: 60 });
    try {
      const tm = client(server, await signInAs(server, 'tm.demo', DEMO_PASSWORD));
      const res = await tm.post('/api/children', { givenName: 'Nova', familyName: 'Quill', dateOfBirth: '2021-02-02', sex: 'F' });
      expect(res.status).toBe(201);
      expect(res.body.child.laChildId).toMatch(/^HC\d+$/);
      const highest = await server.store.db
        .selectFrom('person')
        .select('la_child_id')
        .where('la_child_id', 'like', 'HC%')
        .orderBy('la_child_id', 'desc')
        .executeTakeFirstOrThrow();
      expect(res.body.child.laChildId).toBe(highest.la_child_id);
      const fd = client(server, await signInAs(server, 'fd.demo', DEMO_PASSWORD));
      const work = (await fd.get('/api/worklist?view=team')).body;
      expect(work.obligations.every((o: { ruleId: string }) => o.ruleId === 'contact-decision')).toBe(true);
      expect(work.counts.overdue + work.counts.due).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
