import { endAllocation as endAllocationBody, newAllocation, newTeam, newWorker } from '@lantern/core/schemas';
import { teamView as team, workerCasesView, workerCensusRecordsView, workerView as worker } from '@lantern/core/views/workforce';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../kernel/access.ts';
import { typed } from '../../kernel/http/app.ts';
import { notFound } from '../../kernel/http/problem.ts';
import { newAbsence, teamMove, workerLeaving } from '@lantern/core/workforce';
import { moveTeam, recordAbsence, recordLeaving, workerCensusRecords } from './census-records.ts';
import { allocate, createTeam, createWorker, endAllocation, getWorker, listTeams, listWorkers } from './service.ts';

export async function workforceRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.store.db;

  app.get('/api/teams', {
    config: { permission: 'workforce:read' },
    schema: { tags: ['workforce'], summary: 'The council’s teams', response: { 200: z.object({ teams: z.array(team) }) } },
    handler: async (req) => ({ teams: await listTeams(db(), req.actor().user.laCode) }),
  });

  app.post('/api/teams', {
    config: { permission: 'workforce:manage' },
    schema: { tags: ['workforce'], summary: 'Add a team', body: newTeam, response: { 201: z.object({ teamId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await createTeam(db(), req.actor(), req.body)),
  });

  app.get('/api/workers', {
    config: { permission: 'workforce:read' },
    schema: {
      tags: ['workforce'],
      summary: 'Workers with their current caseloads',
      querystring: z.object({ teamId: z.uuid().optional(), includeLeavers: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ workers: z.array(worker) }) },
    },
    handler: async (req) => ({
      workers: await listWorkers(db(), req.actor().user.laCode, { teamId: req.query.teamId, includeLeavers: req.query.includeLeavers === 'true' }),
    }),
  });

  app.get('/api/workers/:workerId', {
    config: { permission: 'workforce:read' },
    schema: {
      tags: ['workforce'],
      summary: 'A worker and the children they hold',
      params: z.object({ workerId: z.string() }),
      response: { 200: workerCasesView },
    },
    handler: async (req) => {
      if (!isUuid(req.params.workerId)) throw notFound('worker');
      return getWorker(db(), req.actor(), req.params.workerId);
    },
  });

  app.post('/api/workers', {
    config: { permission: 'workforce:manage' },
    schema: { tags: ['workforce'], summary: 'Add a worker', body: newWorker, response: { 201: z.object({ workerId: z.uuid() }) } },
    handler: async (req, reply) => reply.status(201).send(await createWorker(db(), req.actor(), req.body)),
  });

  const workerParams = z.object({ workerId: z.string() });
  const workerId = (v: string) => {
    if (!isUuid(v)) throw notFound('worker');
    return v;
  };

  app.get('/api/workers/:workerId/absences', {
    config: { permission: 'absence:record' },
    schema: {
      tags: ['workforce'],
      summary: 'A worker’s absences with the working days each cost, and their leaving (the census’s reason and destination)',
      params: workerParams,
      response: { 200: workerCensusRecordsView },
    },
    handler: async (req) => {
      const records = await workerCensusRecords(db(), req.actor(), workerId(req.params.workerId));
      req.audited({ action: 'read', recordType: 'worker-absence', recordId: records.workerId });
      return records;
    },
  });

  app.post('/api/workers/:workerId/absences', {
    config: { permission: 'absence:record' },
    schema: {
      tags: ['workforce'],
      summary: 'Record a worker’s absence (sickness, parental leave, training…): the census counts sickness days and who was away on 30 September',
      params: workerParams,
      body: newAbsence,
      response: { 201: z.object({ absenceId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordAbsence(db(), req.actor(), workerId(req.params.workerId), req.body)),
  });

  app.post('/api/workers/:workerId/leaving', {
    config: { permission: 'workforce:manage' },
    schema: {
      tags: ['workforce'],
      summary: 'Record a worker leaving: the day, the reason and where they went; 409 when the worker changed since it was read',
      params: workerParams,
      body: workerLeaving,
      response: { 200: z.object({ workerId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => recordLeaving(db(), req.actor(), workerId(req.params.workerId), req.body),
  });

  app.post('/api/workers/:workerId/team-moves', {
    config: { permission: 'workforce:manage' },
    schema: {
      tags: ['workforce'],
      summary: 'Move a worker to another team on a day; kept, so past team figures count them where they were then; 409 when the worker changed',
      params: workerParams,
      body: teamMove,
      response: { 200: z.object({ workerId: z.uuid(), version: z.number().int() }) },
    },
    handler: (req) => moveTeam(db(), req.actor(), workerId(req.params.workerId), req.body),
  });

  app.post('/api/children/:childId/allocations', {
    config: { permission: 'allocation:manage' },
    schema: {
      tags: ['workforce'],
      summary: 'Allocate a worker to a child (ends the current allocation of the same kind)',
      params: z.object({ childId: z.string() }),
      body: newAllocation,
      response: { 201: z.object({ allocationId: z.uuid() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await allocate(db(), req.actor(), req.params.childId, req.body)),
  });

  app.post('/api/children/:childId/allocations/:allocationId/end', {
    config: { permission: 'allocation:manage' },
    schema: {
      tags: ['workforce'],
      summary: 'End an allocation',
      params: z.object({ childId: z.string(), allocationId: z.string() }),
      body: endAllocationBody,
      response: { 200: z.object({ allocationId: z.uuid() }) },
    },
    handler: async (req) => {
      if (!isUuid(req.params.allocationId)) throw notFound('allocation');
      return endAllocation(db(), req.actor(), req.params.childId, req.params.allocationId, req.body);
    },
  });
}
