import { endAllocation as endAllocationBody, newAllocation, newTeam, newWorker } from '@lantern/core/schemas';
import { teamView as team, workerCasesView, workerCensusRecordsView, workerView as worker } from '@lantern/core/views/workforce';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { routes } from '../../kernel/http/routes.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { newAbsence, teamMove, workerLeaving } from '@lantern/core/workforce';
import { moveTeam, recordAbsence, recordLeaving, workerCensusRecords } from './census-records.ts';
import { allocate, createTeam, createWorker, endAllocation, getWorker, listTeams, listWorkers } from './service.ts';

export async function workforceRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['workforce']);
  const db = () => fastify.store.db;

  route.get('/api/teams', { permission: 'workforce:read', summary: 'The council’s teams', answer: z.object({ teams: z.array(team) }) }, async (req) => ({
    teams: await listTeams(db(), req.actor().user.laCode),
  }));

  route.post('/api/teams', { permission: 'workforce:manage', summary: 'Add a team', body: newTeam, created: z.object({ teamId: z.uuid() }) }, (req) =>
    createTeam(db(), req.actor(), req.body),
  );

  route.get(
    '/api/workers',
    {
      permission: 'workforce:read',
      summary: 'Workers with their current caseloads',
      querystring: z.object({ teamId: z.uuid().optional(), includeLeavers: z.enum(['true', 'false']).optional() }),
      answer: z.object({ workers: z.array(worker) }),
    },
    async (req) => ({
      workers: await listWorkers(db(), req.actor().user.laCode, { teamId: req.query.teamId, includeLeavers: req.query.includeLeavers === 'true' }),
    }),
  );

  route.get(
    '/api/workers/:workerId',
    { permission: 'workforce:read', summary: 'A worker and the children they hold', params: z.object({ workerId: z.string() }), answer: workerCasesView },
    async (req) => {
      if (!isUuid(req.params.workerId)) throw notFound('worker');
      return getWorker(db(), req.actor(), req.params.workerId);
    },
  );

  route.post('/api/workers', { permission: 'workforce:manage', summary: 'Add a worker', body: newWorker, created: z.object({ workerId: z.uuid() }) }, (req) =>
    createWorker(db(), req.actor(), req.body),
  );

  const workerParams = z.object({ workerId: z.string() });
  const workerId = (v: string) => {
    if (!isUuid(v)) throw notFound('worker');
    return v;
  };

  route.get(
    '/api/workers/:workerId/absences',
    {
      permission: 'absence:record',
      summary: 'A worker’s absences with the working days each cost, and their leaving (the census’s reason and destination)',
      params: workerParams,
      answer: workerCensusRecordsView,
    },
    async (req) => {
      const records = await workerCensusRecords(db(), req.actor(), workerId(req.params.workerId));
      req.audited({ action: 'read', recordType: 'worker-absence', recordId: records.workerId });
      return records;
    },
  );

  route.post(
    '/api/workers/:workerId/absences',
    {
      permission: 'absence:record',
      summary: 'Record a worker’s absence (sickness, parental leave, training…): the census counts sickness days and who was away on 30 September',
      params: workerParams,
      body: newAbsence,
      created: z.object({ absenceId: z.uuid() }),
    },
    (req) => recordAbsence(db(), req.actor(), workerId(req.params.workerId), req.body),
  );

  route.post(
    '/api/workers/:workerId/leaving',
    {
      permission: 'workforce:manage',
      summary: 'Record a worker leaving: the day, the reason and where they went; 409 when the worker changed since it was read',
      params: workerParams,
      body: workerLeaving,
      answer: z.object({ workerId: z.uuid(), version: z.number().int() }),
    },
    (req) => recordLeaving(db(), req.actor(), workerId(req.params.workerId), req.body),
  );

  route.post(
    '/api/workers/:workerId/team-moves',
    {
      permission: 'workforce:manage',
      summary: 'Move a worker to another team on a day; kept, so past team figures count them where they were then; 409 when the worker changed',
      params: workerParams,
      body: teamMove,
      answer: z.object({ workerId: z.uuid(), version: z.number().int() }),
    },
    (req) => moveTeam(db(), req.actor(), workerId(req.params.workerId), req.body),
  );

  route.post(
    '/api/children/:childId/allocations',
    {
      permission: 'allocation:manage',
      summary: 'Allocate a worker to a child (ends the current allocation of the same kind)',
      params: z.object({ childId: z.string() }),
      body: newAllocation,
      created: z.object({ allocationId: z.uuid() }),
    },
    (req) => allocate(db(), req.actor(), req.params.childId, req.body),
  );

  route.post(
    '/api/children/:childId/allocations/:allocationId/end',
    {
      permission: 'allocation:manage',
      summary: 'End an allocation',
      params: z.object({ childId: z.string(), allocationId: z.string() }),
      body: endAllocationBody,
      answer: z.object({ allocationId: z.uuid() }),
    },
    async (req) => {
      if (!isUuid(req.params.allocationId)) throw notFound('allocation');
      return endAllocation(db(), req.actor(), req.params.childId, req.params.allocationId, req.body);
    },
  );
}
