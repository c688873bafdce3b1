/**
 * `npm run bench -- landing`: each role's landing page (GET /api/work's service, every list's
 * count and first page) for the demo users of a seeded council, as the 95th percentile of 40
 * runs after 3 to warm up. The target is 300 ms at 50,000 children on PostgreSQL.
 */
import type { Role } from '@lantern/core/permissions';
import { landing } from '../src/areas/work/index.ts';
import type { Actor } from '../src/kernel/context.ts';
import type { Store } from '../src/kernel/db/store.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

const USERS = ['sw.demo', 'tm.demo', 'fd.demo', 'iro.demo', 'irom.demo', 'hos.demo', 'partner.demo'];

export async function landingFigures(store: Store, label: string, figure: Figure) {
  const users = await store.db
    .selectFrom('app_user as u')
    .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'u.la_code').onRef('w.worker_id', '=', 'u.worker_id'))
    .select(['u.user_id', 'u.la_code', 'u.username', 'u.display_name', 'u.role', 'u.worker_id', 'w.team_id', 'u.partner_organisation_id'])
    .where('u.username', 'in', USERS)
    .execute();
  for (const username of USERS) {
    const u = users.find((x) => x.username === username);
    if (!u) continue;
    const actor: Actor = {
      user: {
        userId: u.user_id,
        laCode: u.la_code,
        username: u.username,
        displayName: u.display_name,
        role: u.role as Role,
        workerId: u.worker_id,
        teamId: u.team_id,
        partnerOrganisationId: u.partner_organisation_id,
      },
      ip: null,
      userAgent: 'bench',
    };
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < 43; i++) {
      const t = performance.now();
      const page = await landing(store.db, actor, { page: 1, pageSize: 10 });
      if (i >= 3) times.push(performance.now() - t);
      items = page.sections.reduce((n, s) => n + s.total, 0);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.ceil(times.length * 0.95) - 1] as number;
    const median = times[Math.floor(times.length / 2)] as number;
    figure(
      `landing page, ${username}, ${label} (p95 of ${times.length})`,
      p95,
      'ms',
      `median ${median.toFixed(1)} ms; ${items.toLocaleString('en-GB')} items in its lists`,
    );
  }
}
