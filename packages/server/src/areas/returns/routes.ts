import { timedReturn } from '../../kernel/telemetry.ts';
import type { FastifyInstance } from 'fastify';
import { cinCensusImport, cinCensusRun, ssda903Check, ssda903Import, ssda903Run, uploadedCsv } from '@lantern/core/views/returns';
import { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { routes } from '../../kernel/http/routes.ts';
import { attachment } from '../../kernel/http/download.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { importCinCensus } from './cin-census/import.ts';
import { ImportRefused } from './import-result.ts';
import { latestRuns, returnActor, runCinCensus, runFor, validateUploaded } from './cin-census/service.ts';
import { councilByLaNumber } from './reference.ts';
import { EXPORT_TABLES } from './ssda903/export.ts';
import { latestSsda903Runs, runSsda903, tableFile } from './ssda903/service.ts';
import { importUploadedSsda903, validateUploadedSsda903 } from './ssda903/uploaded.ts';
import { removeLeftoverWorkFolders, unpack } from './work-folder.ts';

const ssda903Year = z
  .number()
  .int()
  .min(2026, 'Lantern has the DfE’s SSDA903 rules for 2025/26 (2026) and 2026/27 (2027)')
  .max(2027, 'Lantern has the DfE’s SSDA903 rules for 2025/26 (2026) and 2026/27 (2027)');
// SSDA903 files from another system, each as its name and text: a return is a dozen or so tables.
const uploadedFiles = z
  .array(uploadedCsv)
  .min(1, 'Choose the SSDA903 CSV files')
  .max(40, 'An SSDA903 return is at most a dozen or so tables: send those files only');
/** An SSDA903 return from another system: its year and its files (validated, or imported). */
const ssda903Upload = z.object({ year: ssda903Year, files: uploadedFiles });
const year = z.number().int().min(2025, 'Lantern has the CIN census schemas for 2024/25 (2025) and 2025/26 (2026)').max(2026);
const censusXml = z.string().min(1, 'Send the CIN census XML file');
/** A return sent as its text: a council's is tens of megabytes, an SSDA903's tables more. */
const RETURN_BODY_LIMIT = 512 * 1024 * 1024;

/** Statutory returns: the CIN census and the SSDA903 (children looked after). */
export async function returnsRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['returns']);
  // Work folders a crashed process left behind hold personal data: gone before anything else runs.
  await removeLeftoverWorkFolders();

  route.post(
    '/api/returns/cin-census/runs',
    {
      permission: 'returns:produce',
      summary: 'Produce the CIN census for a collection year from the case record and validate it by the DfE’s schema and rules',
      body: z.object({ year }),
      created: cinCensusRun,
    },
    async (req) => {
      const result = await timedReturn('export', 'cin-census', () => runCinCensus(fastify.store.db, req.actor(), req.body.year));
      return result;
    },
  );

  route.get(
    '/api/returns/cin-census/runs',
    {
      permission: 'returns:produce',
      summary: 'The CIN census runs made since the server started, latest first',
      answer: z.object({ runs: z.array(cinCensusRun) }),
    },
    async (req) => ({ runs: latestRuns(req.actor()) }),
  );

  route.get(
    '/api/returns/cin-census/runs/:runId/file',
    { permission: 'returns:produce', summary: 'Download the XML file of a run', params: z.object({ runId: z.string() }) },
    async (req, reply) => {
      const entry = runFor(req.actor(), req.params.runId);
      await audit(fastify.store.db, req.actor(), {
        action: 'export',
        recordType: 'cin-census-file',
        recordId: req.params.runId,
        detail: { year: entry.run.year },
      });
      const name = `${req.actor().user.laCode}-cin-census-${entry.run.year}.xml`;
      return reply.header('content-type', 'application/xml').header('content-disposition', attachment(name)).send(unpack(entry.packed));
    },
  );

  route.post(
    '/api/returns/cin-census/validate',
    {
      permission: 'returns:produce',
      summary: 'Validate a CIN census file from any system: the XML as text, and the collection year if the file does not say',
      body: z.object({ xml: censusXml, year: year.optional() }),
      answer: cinCensusRun,
      bodyLimit: RETURN_BODY_LIMIT,
    },
    async (req) => {
      try {
        return await timedReturn('validate', 'cin-census', () => validateUploaded(fastify.store.db, req.actor(), Buffer.from(req.body.xml), req.body.year));
      } catch (error) {
        throw invalid([{ field: 'xml', rule: 'cin-census-readable', message: (error as Error).message }]);
      }
    },
  );

  route.post(
    '/api/returns/cin-census/imports',
    {
      permission: 'returns:import',
      summary: 'Import a CIN census return of this council as its children’s history (idempotent; all or nothing)',
      body: z.object({
        xml: censusXml,
        fileName: z.string().max(255, 'A file name has at most 255 characters').optional(),
      }),
      created: cinCensusImport,
      bodyLimit: RETURN_BODY_LIMIT,
    },
    async (req) => {
      const actor = req.actor();
      const xml = Buffer.from(req.body.xml);
      // A council imports its own returns only: the file's LA number must be the user's council.
      const lea = /<LEA>\s*(\d{3})\s*<\/LEA>/.exec(xml.subarray(0, 4096).toString())?.[1];
      if (!lea || councilByLaNumber(lea)?.laCode !== actor.user.laCode)
        throw invalid([{ field: 'xml', rule: 'own-council', message: `The file is the return of LA ${lea ?? '(none given)'}, not of this council` }]);
      try {
        const r = await timedReturn('import', 'cin-census', () =>
          importCinCensus(fastify.store.db, { xml, fileName: req.body.fileName }, { actor: returnActor(actor) }),
        );
        return r;
      } catch (error) {
        if (error instanceof ImportRefused)
          throw invalid([{ field: 'xml', rule: 'cin-census-importable', message: [error.message, ...error.details].join('; ') }]);
        throw error;
      }
    },
  );

  route.post(
    '/api/returns/ssda903/runs',
    {
      permission: 'returns:produce',
      summary: 'Produce the SSDA903 return (children looked after) for a collection year from the case record and validate it by the DfE’s rules',
      body: z.object({ year: ssda903Year }),
      created: ssda903Run,
    },
    (req) => timedReturn('export', 'ssda903', () => runSsda903(fastify.store.db, req.actor(), req.body.year)),
  );

  route.get(
    '/api/returns/ssda903/runs',
    { permission: 'returns:produce', summary: 'The SSDA903 runs made since the server started, latest first', answer: z.object({ runs: z.array(ssda903Run) }) },
    async (req) => ({ runs: latestSsda903Runs(req.actor()) }),
  );

  route.post(
    '/api/returns/ssda903/validate',
    {
      permission: 'returns:produce',
      summary: 'Validate SSDA903 CSV files from any system by the DfE’s rules for the year: each file recognised by its columns, whatever its name',
      body: ssda903Upload,
      answer: ssda903Check,
      bodyLimit: RETURN_BODY_LIMIT,
    },
    async (req) => timedReturn('validate', 'ssda903', () => validateUploadedSsda903(fastify.store.db, req.actor(), req.body.year, req.body.files)),
  );

  route.post(
    '/api/returns/ssda903/imports',
    {
      permission: 'returns:import',
      summary: 'Import an SSDA903 return of this council (its CSV files) as its children’s history (idempotent; all or nothing)',
      body: ssda903Upload,
      created: ssda903Import,
      bodyLimit: RETURN_BODY_LIMIT,
    },
    (req) => timedReturn('import', 'ssda903', () => importUploadedSsda903(fastify.store.db, req.actor(), req.body.year, req.body.files)),
  );

  route.get(
    '/api/returns/ssda903/runs/:runId/tables/:table',
    {
      permission: 'returns:produce',
      summary: 'Download one table of a run as the DfE’s CSV',
      params: z.object({ runId: z.string(), table: z.enum(EXPORT_TABLES, { message: `The table is one of ${EXPORT_TABLES.join(', ')}` }) }),
    },
    async (req, reply) => {
      const { content, year } = tableFile(req.actor(), req.params.runId, req.params.table);
      await audit(fastify.store.db, req.actor(), {
        action: 'export',
        recordType: 'ssda903-file',
        recordId: req.params.runId,
        detail: { year, table: req.params.table },
      });
      const name = `${req.actor().user.laCode}-ssda903-${year}-${req.params.table.toLowerCase()}.csv`;
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(name)).send(content);
    },
  );
}
