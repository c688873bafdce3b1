import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { type Action, ROLES_OUTSIDE_COUNCIL, scopeFor } from '@lantern/core/permissions';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type AssumedSession, assumedSession, SESSION_COOKIE, userForSession } from '../auth/sessions.ts';
import type { Actor, CurrentUser } from '../context.ts';
import { ALL_COUNCILS, councilContext, enterCouncil, runInContext } from '../db/council.ts';
import { isDatabaseBusy, isDatabaseUnavailable, type Store } from '../db/store.ts';
import { databaseBusy, databaseRefusalLog, databaseUnavailable, RETRY_AFTER_SECONDS } from './database-refusals.ts';
import { type FieldError, forbidden, Problem, unauthenticated } from './problem.ts';
import { installMetrics, type MetricsOptions } from './metrics.ts';
import { installReadAudit } from './read-audit.ts';
import { installSecurity } from './security.ts';

export type { ReadAudit, Shown } from './read-audit.ts';

/** What a route needs: an action from the permission table, any signed-in user, or nobody. */
export type RoutePermission = Action | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /**
     * The route's one statement confirms the session itself (kernel/auth/sessions.ts liveSession):
     * the request starts from the user the cookie last signed in, and the route calls
     * confirmSession() whenever its statement finds nothing.
     */
    sessionConfirmedByRead?: true;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    /** The signed-in user with where they are, for the audit trail; throws 401 when signed out. */
    actor(): Actor;
    /** The session still to be confirmed by the route's statement (sessionConfirmedByRead), or null. */
    assumedSession(): AssumedSession | null;
    /** Confirms the session the usual way, then the route's checks for whoever it signs in (401, 403…). */
    confirmSession(): Promise<void>;
    /**
     * A sessionConfirmedByRead route's read: asked with the assumed session, whose statement
     * confirms it; finding nothing (null or a 404), the session is confirmed the usual way and the
     * read asked again with none, for whoever it then signs in.
     */
    readConfirmingSession<T>(read: (session: AssumedSession | null) => Promise<T | null>): Promise<T>;
  }
  interface FastifyInstance {
    store: Store;
  }
}

export type AppOptions = {
  store: Store;
  /** The built web app to serve; null serves the API only. */
  webDist?: string | null;
  /** Structured JSON logs (pino): true for info on standard output, or a level and where to write. */
  logger?: boolean | LogOptions;
  /** Prometheus metrics: at /metrics to a bearer of the token, or (the port) served apart by the caller. */
  metrics?: MetricsOptions;
};

export type LogOptions = { level: string; stream?: NodeJS.WritableStream };

export type LanternApp = FastifyInstance;
export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // Every request has an id, in the log, the answer's x-request-id and its audit rows: a reverse
    // proxy's own id is kept when it sends one, else a new UUID (unique across servers).
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.LANTERN_TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
    // A path Fastify cannot even read (bad percent-encoding) is answered as any other bad request.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(new Problem(400, 'Invalid request', error.message, [{ field: 'url', rule: 'encoding', message: 'The address is not valid' }]), reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('store', options.store);
  app.decorateRequest('user', null);
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    if (!this.user) throw unauthenticated();
    const permission = this.routeOptions.config?.permission;
    return {
      user: this.user,
      ip: this.ip ?? null,
      userAgent: (this.headers['user-agent'] as string | undefined) ?? null,
      requestId: this.id,
      ...(permission && permission !== 'public' && permission !== 'signed-in' ? { permission } : {}),
    };
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installMetrics(app, options.metrics ?? {});
  installCouncilContext(app);
  installReadAudit(app);
  await installSecurity(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Lantern API', description: "Case management for children's social care in England", version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Default deny: an API route that does not say what it needs is a startup error.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (!route.config?.permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    if (route.config.audit && !route.url.includes(':childId'))
      throw new Error(`Route ${route.method} ${route.url} audits a child's read but names no :childId`);
  });

  app.decorateRequest('assumedSession', function (this: FastifyRequest) {
    return (this as Assuming)[ASSUMED] ?? null;
  });
  app.decorateRequest('confirmSession', async function (this: FastifyRequest) {
    await confirm(this);
    const refused = partnerRefusal(this) ?? permissionRefusal(this);
    if (refused) throw refused;
  });
  app.decorateRequest('readConfirmingSession', async function <T>(this: FastifyRequest, read: (session: AssumedSession | null) => Promise<T | null>) {
    const assumed = this.assumedSession();
    if (assumed) {
      try {
        const answer = await read(assumed);
        if (answer !== null) return answer;
      } catch (error) {
        if (!(error instanceof Problem && error.status === 404)) throw error;
      }
      await this.confirmSession();
    }
    return (await read(null)) as T; // with no session to confirm, a read answers or throws
  });

  /** The session confirmed the usual way: the user it signs in now, or none (its row removed if it ended). */
  async function confirm(request: FastifyRequest): Promise<void> {
    const cookie = request.cookies[SESSION_COOKIE];
    (request as Assuming)[ASSUMED] = undefined;
    request.user = cookie ? await userForSession(options.store.db, cookie) : null;
    enterCouncil(request.user?.laCode ?? '');
  }

  /** A refusal made for a user still assumed is made again once the session is confirmed. */
  async function refuse(request: FastifyRequest, refusal: (request: FastifyRequest) => Problem | null): Promise<void> {
    let refused = refusal(request);
    if (refused && (request as Assuming)[ASSUMED]) {
      await confirm(request);
      refused = refusal(request);
    }
    if (refused) throw refused;
  }

  app.addHook('onRequest', async (request) => {
    const cookie = request.cookies[SESSION_COOKIE];
    // The session is looked for in the council its cookie names; the request then sees that
    // council only if the session is real, and no council's rows at all otherwise.
    // (A cookie claiming every council, '*', claims none.)
    const claimed = cookie ? cookie.slice(0, Math.max(0, cookie.indexOf('.'))) : '';
    enterCouncil(claimed === ALL_COUNCILS ? '' : claimed);
    // A route whose statement confirms the session starts from the user it last signed in here.
    const assumed = cookie && request.routeOptions.config?.sessionConfirmedByRead ? assumedSession(cookie) : null;
    if (assumed) {
      (request as Assuming)[ASSUMED] = assumed;
      request.user = assumed.user;
      enterCouncil(assumed.user.laCode);
    } else await confirm(request);
    await refuse(request, partnerRefusal);
  });

  app.addHook('preHandler', async (request) => {
    await refuse(request, permissionRefusal);
  });

  // Cross-site requests cannot send JSON without a CORS preflight, which Lantern never allows,
  // and the session cookie is SameSite=Strict: together they shut out cross-site forgery.
  app.addHook('preValidation', async (request) => {
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) && request.body !== undefined) {
      const type = request.headers['content-type'] ?? '';
      if (!type.startsWith('application/json')) throw new Problem(415, 'Unsupported media type', 'Send the body as application/json');
    }
  });

  const noteRefusal = databaseRefusalLog();
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseBusy(error)) noteRefusal('busy', request.log);
    else if (isDatabaseUnavailable(error)) noteRefusal('unreachable', request.log);
    return sendProblem(toProblem(error, request), reply);
  });

  // The web app is served only once it is built (`npm run build:web`); without it, its pages are a
  // plain 404 saying so, not a 500 from a file server that was never registered.
  const webBuilt = !!options.webDist && existsSync(path.join(options.webDist, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const where = request.url.split('?')[0] ?? '';
    if (request.url.startsWith('/api') || !options.webDist || where.endsWith('.map'))
      return sendProblem(new Problem(404, 'Not found', `Nothing at ${request.method} ${where}`), reply);
    if (!webBuilt)
      return sendProblem(new Problem(404, 'Not found', `Nothing at ${request.method} ${where}: the web app is not built here (npm run build:web)`), reply);
    return reply.type('text/html').sendFile('index.html', options.webDist);
  });

  if (webBuilt && options.webDist) {
    // A source map left in the folder by an older build is never served.
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false, index: ['index.html'], allowedPath: (file) => !file.endsWith('.map') });
  }
  return app;
}

/**
 * What a log line may say about a request: its method, route template and path (ids, never a
 * query string, which can hold a searched name), status and time. Never headers or bodies.
 */
function loggerOptions(logger: AppOptions['logger']) {
  if (!logger) return false;
  const { level, stream } = logger === true ? { level: 'info', stream: undefined } : logger;
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? null,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

const CONTEXT = Symbol('council context');
type WithContext = FastifyRequest & { [CONTEXT]?: ReturnType<typeof councilContext> };

/**
 * Every request runs in a council context (kernel/db/council.ts): empty until the session names
 * the user, so a query made for nobody sees no council's rows. Body parsing and the answer's
 * hooks run outside the request's async chain, so the context is entered again before them.
 */
function installCouncilContext(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const context = councilContext();
    (request as WithContext)[CONTEXT] = context;
    runInContext(context, done);
  });
  const again = (request: FastifyRequest, done: () => void) => {
    const context = (request as WithContext)[CONTEXT];
    return context ? runInContext(context, done) : done();
  };
  app.addHook('preValidation', (request, _reply, done) => again(request, done));
  app.addHook('preHandler', (request, _reply, done) => again(request, done));
  app.addHook('onSend', (request, _reply, payload, done) => again(request, () => done(null, payload)));
}

const notFoundHere = (request: FastifyRequest) => new Problem(404, 'Not found', `Nothing at ${request.method} ${request.url.split('?')[0]}`);

const ASSUMED = Symbol('assumed session');
type Assuming = FastifyRequest & { [ASSUMED]?: AssumedSession | undefined };

/**
 * To a partner agency's user, a route they may not use does not exist, whatever they send:
 * refused before the body is even read, so no answer differs with the child asked about.
 */
function partnerRefusal(request: FastifyRequest): Problem | null {
  const permission = request.routeOptions.config?.permission;
  if (
    request.user &&
    ROLES_OUTSIDE_COUNCIL.includes(request.user.role) &&
    request.url.startsWith('/api') &&
    permission &&
    permission !== 'public' &&
    permission !== 'signed-in' &&
    !scopeFor(request.user.role, permission)
  )
    return notFoundHere(request);
  return null;
}

/** Default deny: signed in for any API route not public, and the role allowed the route's action. */
function permissionRefusal(request: FastifyRequest): Problem | null {
  const permission = request.routeOptions.config?.permission;
  if (!request.url.startsWith('/api') || permission === 'public' || permission === undefined) return null;
  if (!request.user) return unauthenticated();
  if (permission === 'signed-in') return null;
  if (!scopeFor(request.user.role, permission)) {
    if (ROLES_OUTSIDE_COUNCIL.includes(request.user.role)) return notFoundHere(request);
    return forbidden();
  }
  return null;
}

function sendProblem(problem: Problem, reply: FastifyReply) {
  if (problem.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON()));
}

type DbError = { code?: string; constraint?: string; detail?: string; column?: string };

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  if (error instanceof Problem) return error;
  if (isDatabaseBusy(error)) return databaseBusy();
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext === 'body' ? '' : `${error.validationContext}.`;
    const errors: FieldError[] = error.validation.map((v) => {
      const params = v.params as { params?: { rule?: string } } | undefined;
      const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return {
        field: `${where}${field}` || (error.validationContext ?? 'body'),
        rule: params?.params?.rule ?? String(v.keyword),
        message: v.message ?? 'Invalid',
      };
    });
    return new Problem(400, 'Invalid request', 'The request has fields that break a rule', errors);
  }
  const db = error as unknown as DbError;
  // Constraints are the last wall; the services check first and name the field themselves.
  if (db.code === '23505')
    return new Problem(409, 'Conflict', 'A record with these details already exists', [
      { field: db.constraint ?? 'record', rule: 'unique', message: db.detail ?? 'Already exists' },
    ]);
  if (db.code === '23503')
    return new Problem(400, 'Invalid request', 'The request refers to a record that does not exist', [
      { field: db.constraint ?? 'reference', rule: 'exists', message: db.detail ?? 'No such record' },
    ]);
  if (db.code === '23514' || db.code === '22007' || db.code === '22008')
    return new Problem(400, 'Invalid request', 'A value breaks a rule of the record', [
      { field: db.column ?? db.constraint ?? 'record', rule: db.constraint ?? 'check', message: db.detail ?? error.message },
    ]);
  // Data exceptions (class 22: a number out of range, text too long, a value the column's type
  // cannot read) are the input's fault: the schemas should have named the field first.
  if (db.code?.startsWith('22'))
    return new Problem(400, 'Invalid request', 'A value is outside what the record can hold', [
      { field: db.column ?? 'body', rule: 'data', message: error.message },
    ]);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(
      error.statusCode,
      error.statusCode === 400 ? 'Invalid request' : 'Request refused',
      error.message,
      error.statusCode === 400 ? [{ field: 'body', rule: error.code ?? 'format', message: error.message }] : undefined,
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return new Problem(500, 'Internal error', 'Something went wrong; nothing was saved. The error is in the server log.');
}

/** Registers an area's routes with zod typing. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
