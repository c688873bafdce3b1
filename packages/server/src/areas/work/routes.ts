import { childDueView, landingPage, landingQuery } from '@lantern/core/work';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childFor } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { typed } from '../../kernel/http/app.ts';
import { childDue } from './child.ts';
import { landing } from './service.ts';

/** The landing pages, and the child's "What is due". */
export async function workRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.get('/api/work', {
    config: { permission: 'work:read' },
    schema: {
      tags: ['work'],
      summary: 'Your landing page: what to do next, each list counted in full and paged (`section` and `page` for one list)',
      querystring: landingQuery,
      response: { 200: landingPage },
    },
    handler: (req) => landing(db(), req.actor(), req.query),
  });

  app.get('/api/children/:childId/due', {
    config: { permission: 'child:read' },
    schema: {
      tags: ['work'],
      summary: 'The child’s status at a glance and every open deadline from every area, soonest first',
      params: z.object({ childId: z.string() }),
      response: { 200: childDueView },
    },
    handler: async (req) => {
      const actor = req.actor();
      await childFor(db(), actor.user, req.params.childId, 'child:read');
      await audit(db(), actor, { action: 'read', recordType: 'child-due', childId: req.params.childId });
      return childDue(db(), actor, req.params.childId);
    },
  });
}
