/**
 * The headers every answer carries and the checks every request passes before its schema:
 * browser hardening (helmet), no caching of the API's answers, writes only from Lantern's own
 * pages, and odd text or numbers refused by field rather than left to fail in the database.
 */
import { EARLIEST_YEAR, LATEST_YEAR } from '@lantern/core/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { type FieldError, forbidden, invalid } from './problem.ts';

/** The address people use to reach Lantern (LANTERN_PUBLIC_URL); https turns on HSTS. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): URL | null {
  try {
    return env.LANTERN_PUBLIC_URL ? new URL(env.LANTERN_PUBLIC_URL) : null;
  } catch {
    return null;
  }
}

/** Features a case record never needs: the browser refuses them to any script. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What helmet does to an answer's headers, worked out once: its options name no nonce, so every
 * answer gets the same headers. Building helmet's middleware for each request (as @fastify/helmet
 * does) was a twentieth of the server's CPU in opening a child's record.
 */
function helmetHeaders(options: HelmetOptions): [name: string, value: string | null][] {
  const headers: [string, string | null][] = [];
  const answer = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: (name: string) => headers.push([name, null]),
  };
  helmet(options)({} as never, answer as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export async function installSecurity(app: FastifyInstance) {
  const https = publicUrl()?.protocol === 'https:';
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        // React's style props are set through the DOM, which a style-src without 'unsafe-inline' allows.
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where the public address is https: over plain http it would lock a test or a
    // local demo out of its own address.
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  // On every request, as helmet's own hook sets them: before anything else can answer.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) {
      if (value === null) reply.raw.removeHeader(name);
      else reply.raw.setHeader(name, value);
    }
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // Personal data must not linger in a browser's or a proxy's cache.
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // A write must come from Lantern's own pages. Browsers send Origin on every cross-origin write
  // and Sec-Fetch-Site on every request; a client that sends neither (curl, a script) is not a
  // browser another site could drive, and its session cookie is its own.
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method) || !request.url.startsWith('/api')) return;
    if (request.headers['sec-fetch-site'] === 'cross-site') throw forbidden('Changes can only be made from Lantern itself, not from another site');
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(request, origin)) throw forbidden('Changes can only be made from Lantern itself, not from another site');
  });

  app.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [];
    for (const [where, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      inspect(value, where === 'body' ? '' : where, errors);
      if (errors.length >= 20) break;
    }
    if (errors.length) throw invalid(errors);
  });
}

function sameOrigin(request: FastifyRequest, origin: string): boolean {
  if (origin === 'null') return false;
  const configured = publicUrl();
  if (configured && configured.origin === origin) return true;
  // Behind no proxy, the page's origin is the Host the request came to.
  const host = request.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Beyond a 32-bit integer no field of Lantern's means anything, and the database would refuse it. */
export const LARGEST_NUMBER = 2_147_483_647;

// PostgreSQL cannot store a NUL in text, and no person types one.
// A date however written (a date, or a date and time): the year must be one a record can hold.
const DATE_SHAPED = /^(\d{4,})-\d{2}-\d{2}(?:$|T)/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Walks a request's values, naming each field whose text or number no schema should be asked about. */
function inspect(value: unknown, field: string, errors: FieldError[], depth = 0): void {
  if (errors.length >= 20) return;
  const name = field || 'body';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) errors.push({ field: name, rule: 'no-nul', message: 'Remove the hidden NUL character from this text' });
    else if (LONE_SURROGATE.test(value))
      errors.push({ field: name, rule: 'unicode', message: 'This text has a broken character (a lone UTF-16 surrogate); type it again' });
    else {
      const year = DATE_SHAPED.exec(value)?.[1];
      if (year && (Number(year) < EARLIEST_YEAR || Number(year) > LATEST_YEAR))
        errors.push({ field: name, rule: 'date-range', message: `Enter a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
    }
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > LARGEST_NUMBER)
      errors.push({ field: name, rule: 'range', message: `Enter a number between -${LARGEST_NUMBER} and ${LARGEST_NUMBER}` });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > 20) {
    errors.push({ field: name, rule: 'depth', message: 'This value is nested too deeply' });
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (key.includes('\u0000') || LONE_SURROGATE.test(key)) {
      errors.push({ field: name, rule: 'unicode', message: 'A field name has a broken or hidden character' });
      continue;
    }
    inspect(inner, path, errors, depth + 1);
  }
}
