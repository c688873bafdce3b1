import { timedReturn } from '../../../kernel/telemetry.ts';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { todayInEngland } from '@lantern/core/calendar';
import { isoDate } from '@lantern/core/schemas';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../../kernel/audit.ts';
import { routes } from '../../../kernel/http/routes.ts';
import { invalid } from '../../../kernel/http/problem.ts';
import { attachment } from '../../../kernel/http/download.ts';
import { returnActor } from '../cin-census/service.ts';
import { inWorkFolder } from '../work-folder.ts';
import { exportAnnexA } from './export.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Ofsted's Annex A for the analyst: the workbook as at a date, as a download. */
export async function annexARoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['returns']);

  route.get(
    '/api/returns/annex-a',
    {
      permission: 'returns:produce',
      summary: "Ofsted's Annex A lists as at a date (one sheet a list), produced from the case record and sent as an Excel workbook",
      querystring: z.object({ asOf: isoDate }),
    },
    async (req, reply) => {
      const { asOf } = req.query;
      if (asOf > todayInEngland()) throw invalid([{ field: 'asOf', rule: 'not-in-future', message: 'The lists are drawn up to a day that has happened' }]);
      const actor = req.actor();
      const laCode = actor.user.laCode;
      // Built to a file first, so a failure is a clean error rather than half a download; the file
      // goes as soon as it is read.
      const workbook = await timedReturn('export', 'annex-a', () =>
        inWorkFolder(async (dir) => {
          const file = path.join(dir, 'annex-a.xlsx');
          const out = createWriteStream(file);
          const result = await exportAnnexA(fastify.store.db, laCode, asOf, out, { actor: returnActor(actor) });
          await finished(out);
          await audit(fastify.store.db, actor, {
            action: 'export',
            recordType: 'annex-a-file',
            detail: { asOf, children: result.children, rows: Object.fromEntries(result.lists.map((l) => [l.id, l.rows])) },
          });
          return readFile(file);
        }),
      );
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${laCode}-annex-a-${asOf}.xlsx`))
        .send(workbook);
    },
  );
}
