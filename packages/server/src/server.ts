import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accessRoutes } from './areas/access/index.ts';
import { childrenRoutes } from './areas/children/index.ts';
import { lookedAfterRoutes } from './areas/looked-after/index.ts';
import { lookedAfterCareRoutes } from './areas/looked-after-care/index.ts';
import { meetingsRoutes } from './areas/meetings/index.ts';
import { legalRoutes } from './areas/legal/index.ts';
import { fosteringRoutes } from './areas/fostering/index.ts';
import { feedRoutes, sarRoutes } from './areas/exchange/index.ts';
import { oversightRoutes } from './areas/oversight/index.ts';
import { performanceRoutes } from './areas/performance/index.ts';
import { protectionRoutes } from './areas/protection/index.ts';
import { partnersRoutes } from './areas/partners/index.ts';
import { referralsRoutes, routingRoutes } from './areas/referrals/index.ts';
import { annexARoutes, returnsRoutes } from './areas/returns/index.ts';
// The areas' deadline rules, registered with the timescales engine.
import './areas/obligation-rules.ts';
import { earlyHelpRoutes } from './areas/early-help/index.ts';
import { planRoutes } from './areas/plans/index.ts';
import { enquiryFindingsRoutes } from './areas/protection/enquiry-findings-routes.ts';
import { assessmentRecordRoutes } from './areas/referrals/assessment-record-routes.ts';
import { supervisionRoutes } from './areas/supervision/index.ts';
import { timescalesRoutes } from './areas/timescales/index.ts';
import { workforceFigureRoutes, workforceRoutes } from './areas/workforce/index.ts';
import { workRoutes } from './areas/work/index.ts';

import { type AppOptions, buildApp, typed } from './kernel/http/app.ts';

/** The built web app, beside this package. */
export const WEB_DIST = path.resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

/** Lantern's HTTP server: the kernel plus every domain area's routes. */
export async function createServer(options: Omit<AppOptions, 'webDist'> & { webDist?: string | null }): Promise<FastifyInstance> {
  const app = await buildApp({ ...options, webDist: options.webDist === undefined ? WEB_DIST : options.webDist, logger: options.logger ?? false });
  await app.register(accessRoutes);
  await app.register(childrenRoutes);
  await app.register(workforceRoutes);
  await app.register(workforceFigureRoutes);
  await app.register(supervisionRoutes);
  await app.register(oversightRoutes);
  await app.register(referralsRoutes);
  await app.register(routingRoutes);
  await app.register(workRoutes);
  await app.register(protectionRoutes);
  await app.register(assessmentRecordRoutes);
  await app.register(enquiryFindingsRoutes);
  await app.register(planRoutes);
  await app.register(earlyHelpRoutes);
  await app.register(timescalesRoutes);
  await app.register(partnersRoutes);
  await app.register(lookedAfterRoutes);
  await app.register(lookedAfterCareRoutes);
  await app.register(meetingsRoutes);
  await app.register(legalRoutes);
  await app.register(fosteringRoutes);
  await app.register(sarRoutes);
  await app.register(feedRoutes);
  await app.register(returnsRoutes);
  await app.register(annexARoutes);
  await app.register(performanceRoutes);
  typed(app).get('/api/openapi.json', {
    config: { permission: 'public' },
    schema: { hide: true, response: { 200: z.unknown() } },
    handler: async () => app.swagger(),
  });
  await app.ready();
  return app;
}
