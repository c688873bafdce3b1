/**
 * An area's routes, each declared once with only what sets it apart: its permission, what it
 * does (the OpenAPI summary), its zod schemas and what it answers. The permission lands in the
 * route's config, where the kernel's hooks read it (a route without one is a startup error), and
 * so does `audit` for a read of one child's record; the schemas are validated and documented by
 * fastify-type-provider-zod, and the handler's request is typed from them.
 *
 *   const route = routes(fastify, ['fostering']);
 *   route.post('/api/fostering/households/:householdId/visits',
 *     { permission: 'fostering:record', summary: 'Record a visit', params: household, body: supervisingVisit, created: visitId },
 *     (req) => recordVisit(db(), req.actor(), req.params.householdId, req.body));
 *
 * `answer` is the answer's schema (200 OK); `created` answers a new record with 201 Created
 * (`status: 201` where that answer has no schema); `response` names several answers by status,
 * for the rare route that has them. A handler that sends its own reply (a file, a redirect, no
 * content) returns it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { exactAnswerSerializer } from './answers.ts';
import type { RoutePermission } from './app.ts';
import type { ReadAudit } from './read-audit.ts';

type Schema = z.ZodType;

/** What one route declares. */
export type Route = {
  permission: RoutePermission;
  summary?: string;
  /** The OpenAPI tags, when not the area's own. */
  tags?: string[];
  /** This route reads one child's record (`params.childId`): audited once when it succeeds. */
  audit?: ReadAudit;
  /** The route's one statement confirms the session (kernel/http/app.ts); rare, see the child's record. */
  sessionConfirmedByRead?: true;
  /**
   * The handler builds exactly its answer's schema: sent without zod encoding it again, and checked
   * under the tests instead (answers.ts). For the reads made on every request.
   */
  exactAnswer?: true;
  params?: Schema;
  querystring?: Schema;
  body?: Schema;
  /** The answer (200 OK). */
  answer?: Schema;
  /** The answer to a creation, sent with 201 Created. */
  created?: Schema;
  /** Several answers by status, where one is not enough. */
  response?: Record<number, Schema>;
  /** 201 Created for a creation whose answer has no schema. */
  status?: 201;
  /** `[]` for a route open to people not signed in (no session cookie in the OpenAPI document). */
  security?: Record<string, string[]>[];
  /** The largest body this route takes, in bytes, when more than the server's default. */
  bodyLimit?: number;
};

type Parsed<R, K extends string> = R extends { [key in K]: infer S extends Schema } ? z.output<S> : unknown;
type Answer<R> = R extends { created: infer S extends Schema }
  ? z.output<S>
  : R extends { answer: infer S extends Schema }
    ? z.output<S>
    : R extends { response: infer M extends Record<number, Schema> }
      ? z.output<M[keyof M]>
      : unknown;

/** The request as a route's handler sees it: params, query and body as its schemas parse them. */
export type RouteRequest<R extends Route> = FastifyRequest & { params: Parsed<R, 'params'>; query: Parsed<R, 'querystring'>; body: Parsed<R, 'body'> };

/** A route's handler: its answer, or the reply when it sends its own (a file, a redirect, no content). */
export type Handle<R extends Route> = (req: RouteRequest<R>, reply: FastifyReply) => Answer<R> | FastifyReply | Promise<Answer<R> | FastifyReply>;

type Declare = <R extends Route>(url: string, route: R, handle: Handle<R>) => void;

/** The routes of an area, tagged `tags` in the OpenAPI document unless a route says otherwise. */
export function routes(fastify: FastifyInstance, tags: string[]): Record<'get' | 'post' | 'put' | 'patch' | 'delete', Declare> {
  const declare =
    (method: HTTPMethods): Declare =>
    (url, route, handle) => {
      const { permission, audit, sessionConfirmedByRead, exactAnswer, bodyLimit, answer, created, response, status, ...documented } = route;
      const responses = response ?? (created ? { 201: created } : answer ? { 200: answer } : undefined);
      const schema: FastifySchema = { tags, ...documented, ...(responses ? { response: responses } : {}) };
      fastify.route({
        method,
        url,
        ...(bodyLimit ? { bodyLimit } : {}),
        ...(exactAnswer ? { serializerCompiler: exactAnswerSerializer } : {}),
        config: { permission, ...(audit ? { audit } : {}), ...(sessionConfirmedByRead ? { sessionConfirmedByRead } : {}) },
        schema,
        handler: async (req, reply) => {
          const out = await handle(req as RouteRequest<typeof route>, reply);
          if (out === reply || !(created || status)) return out;
          return reply.status(201).send(out);
        },
      });
    };
  return { get: declare('GET'), post: declare('POST'), put: declare('PUT'), patch: declare('PATCH'), delete: declare('DELETE') };
}

/** A list's answer, with the children it shows noted for the audit trail (one read row each, on success). */
export function showing<T>(req: FastifyRequest, recordType: string, found: T, children: (found: T) => Iterable<{ childId: string }>): T {
  req.shown(
    Array.from(children(found), (c) => c.childId),
    { recordType },
  );
  return found;
}
