/**
 * Every setting Lantern reads — environment variables and the command line's flags — in one
 * table, checked together at start: a wrong or missing value stops start-up with a message that
 * names it (and never echoes a secret). docs/configuration.md is generated from this table
 * (`npm run docs:config`; test/unit/configuration.test.ts fails when the page is out of date).
 * The identity provider's cross-checks stay in auth/config.ts, which this calls.
 */
import path from 'node:path';
import { z } from 'zod';
import { type AuthSettings, authSettings } from './auth/config.ts';

export type SettingGroup =
  | 'Database'
  | 'Server'
  | 'Sessions and sign-in'
  | 'Identity provider'
  | 'Logging'
  | 'Monitoring'
  | 'Scheduled jobs'
  | 'The DfE daily feed';

export type Setting = {
  env: string;
  flag?: string;
  group: SettingGroup;
  default: string;
  description: string;
  /** Never echoed in a message (passwords, tokens, URLs that may carry a password). */
  secret?: boolean;
  /** What a valid value is; its message finishes "NAME must be …". */
  check?: z.ZodType<string>;
};

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, 'a postgres://user:password@host:port/database address');
const httpUrl = z.string().regex(/^https?:\/\/[^/]+/, 'an http or https address');
const portNumber = z
  .string()
  .regex(/^\d+$/, 'a port number')
  .refine((v) => Number(v) >= 1 && Number(v) <= 65535, 'a port number from 1 to 65535');
const positiveNumber = (unit: string) => z.string().refine((v) => Number.isFinite(Number(v)) && Number(v) > 0, `a positive number of ${unit}`);
const wholeNumber = (min: number, max: number) =>
  z.string().refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, `a whole number from ${min} to ${max}`);
const oneOf = (...values: string[]) => z.string().refine((v) => values.includes(v.toLowerCase()), `one of ${values.join(', ')}`);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

export const SETTINGS: readonly Setting[] = [
  {
    env: 'DATABASE_URL',
    group: 'Database',
    default: '(none: the embedded database)',
    secret: true,
    check: postgresUrl,
    description:
      "PostgreSQL, the production store: the application's login (a member of `lantern_app`, owning nothing). Without it Lantern uses the embedded database in the data folder.",
  },
  {
    env: 'LANTERN_OWNER_URL',
    group: 'Database',
    default: '(DATABASE_URL)',
    secret: true,
    check: postgresUrl,
    description: 'The owner of the tables, which migrations, `lantern backup` and `lantern restore` run as. See "Database roles" in the README.',
  },
  {
    env: 'LANTERN_DB_POOL_SIZE',
    group: 'Database',
    default: '10',
    check: wholeNumber(1, 200),
    description: 'PostgreSQL connections each server keeps at most. Two servers of 10 need 20 of `max_connections`, plus one each at start for migrations.',
  },
  {
    env: 'LANTERN_DATA_DIR',
    flag: '--data-dir',
    group: 'Database',
    default: './data',
    description: 'The embedded database folder (ignored when DATABASE_URL is set). One process at a time may open it.',
  },
  {
    env: 'PORT',
    flag: '--port',
    group: 'Server',
    default: '3000',
    check: portNumber,
    description: 'The port to listen on.',
  },
  {
    env: 'HOST',
    flag: '--host',
    group: 'Server',
    default: 'localhost',
    check: z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or address, such as 0.0.0.0 or 127.0.0.1'),
    description: 'The address to listen on: `0.0.0.0` for every interface. Behind a reverse proxy on the same machine keep `127.0.0.1`.',
  },
  {
    env: 'LANTERN_PUBLIC_URL',
    group: 'Server',
    default: '(none)',
    check: httpUrl,
    description:
      'The address people use, e.g. `https://lantern.council.gov.uk`. When https: the session cookie is Secure and HSTS is sent; writes from any other origin are refused.',
  },
  {
    env: 'LANTERN_TRUST_PROXY',
    group: 'Server',
    default: '0',
    check: oneOf('0', '1'),
    description: "`1` behind a reverse proxy: the client's address comes from `X-Forwarded-For` (the sign-in throttle counts per address).",
  },
  {
    env: 'LANTERN_SEED_IF_EMPTY',
    flag: '--seed-if-empty',
    group: 'Server',
    default: '0',
    check: oneOf('0', '1'),
    description: 'Create the synthetic demo council when the database has none (`npm start` does). Never in production.',
  },
  {
    env: 'LANTERN_SECURE_COOKIES',
    group: 'Sessions and sign-in',
    default: '0',
    check: oneOf('0', '1'),
    description: '`1` makes the session cookie Secure even when LANTERN_PUBLIC_URL is not https (TLS ended before a proxy that Lantern cannot see).',
  },
  {
    env: 'LANTERN_IDLE_MINUTES',
    group: 'Sessions and sign-in',
    default: '30',
    check: positiveNumber('minutes'),
    description: 'A session unused this long ends.',
  },
  {
    env: 'LANTERN_SESSION_HOURS',
    group: 'Sessions and sign-in',
    default: '10',
    check: positiveNumber('hours'),
    description: 'A session ends this long after sign-in, however used.',
  },
  {
    env: 'LANTERN_PASSWORDS',
    group: 'Sessions and sign-in',
    default: 'on',
    check: oneOf('on', 'off', '1', '0', 'true', 'false', 'yes', 'no'),
    description: '`off`: no local passwords; everyone signs in through the identity provider.',
  },
  {
    env: 'LANTERN_OIDC_ISSUER',
    group: 'Identity provider',
    default: '(none)',
    check: z.string().regex(/^https:\/\/[^/]+/, 'an https address'),
    description: "The council's OpenID Connect provider (Entra ID, Google, Okta…); set with LANTERN_OIDC_CLIENT_ID.",
  },
  { env: 'LANTERN_OIDC_CLIENT_ID', group: 'Identity provider', default: '(none)', description: "Lantern's client id at the provider." },
  { env: 'LANTERN_OIDC_CLIENT_SECRET', group: 'Identity provider', default: '(none: a public client)', secret: true, description: 'The client secret.' },
  {
    env: 'LANTERN_OIDC_REDIRECT_URI',
    group: 'Identity provider',
    default: '(LANTERN_PUBLIC_URL + /api/session/oidc/callback)',
    check: httpUrl,
    description: 'Where the provider sends people back; one of the two must be set.',
  },
  { env: 'LANTERN_OIDC_NAME', group: 'Identity provider', default: 'your council account', description: 'What the sign-in button calls the provider.' },
  {
    env: 'LANTERN_LOG_LEVEL',
    group: 'Logging',
    default: 'warn (info with --log)',
    check: oneOf(...LOG_LEVELS),
    description:
      'Structured JSON logs (pino) on standard output, one line per event, each request with its id (also in the audit trail and the `x-request-id` header). `info` logs every request: method, route, status, time; never a query string, body or name.',
  },
  {
    env: 'LANTERN_LOG',
    flag: '--log',
    group: 'Logging',
    default: '0',
    check: oneOf('0', '1'),
    description: 'Log each request (the same as LANTERN_LOG_LEVEL=info).',
  },
  {
    env: 'LANTERN_METRICS_TOKEN',
    group: 'Monitoring',
    default: '(none)',
    secret: true,
    check: z.string().min(24, 'at least 24 characters'),
    description: 'Serves Prometheus metrics at `/metrics` on the main port to a scraper sending `Authorization: Bearer TOKEN`.',
  },
  {
    env: 'LANTERN_METRICS_PORT',
    group: 'Monitoring',
    default: '(none)',
    check: portNumber,
    description: 'Serves `/metrics` on a port of its own instead, with no token (keep it off the public network).',
  },
  {
    env: 'LANTERN_METRICS_HOST',
    group: 'Monitoring',
    default: '127.0.0.1',
    check: z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or address'),
    description: 'The address the metrics port listens on.',
  },
  {
    env: 'LANTERN_JOBS',
    group: 'Scheduled jobs',
    default: 'on',
    check: oneOf('on', 'off'),
    description:
      'Whether this server takes part in scheduled jobs (the nightly deadline refresh, clearing ended sessions, the DfE feed). With several servers each job still runs once: a database lock picks one.',
  },
  {
    env: 'LANTERN_DFE_FEED_AT',
    group: 'The DfE daily feed',
    default: '(none: not sent by the server)',
    check: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day written HH:MM (24-hour, the time in England)'),
    description:
      "The time each day the server sends the DfE's children's social care feed for every council in the database (as `lantern feed dfe-csc-api` does), once across all servers. Needs the six `LANTERN_DFE_*` settings below. The runs and the children the API refused are on the web app's DfE feed page.",
  },
  {
    env: 'LANTERN_DFE_API_URL',
    group: 'The DfE daily feed',
    default: '(none)',
    check: httpUrl,
    description: "The DfE API's base address; each council's batches go to `/children_social_care_data/<the council's DfE number>/children` under it.",
  },
  {
    env: 'LANTERN_DFE_TOKEN_URL',
    group: 'The DfE daily feed',
    default: '(none)',
    check: httpUrl,
    description: 'The OAuth 2.0 token endpoint (client credentials).',
  },
  { env: 'LANTERN_DFE_CLIENT_ID', group: 'The DfE daily feed', default: '(none)', description: 'The client id the DfE issued the council.' },
  { env: 'LANTERN_DFE_CLIENT_SECRET', group: 'The DfE daily feed', default: '(none)', secret: true, description: 'Its client secret.' },
  { env: 'LANTERN_DFE_SCOPE', group: 'The DfE daily feed', default: '(none)', description: 'The OAuth scope the DfE names for the API.' },
  {
    env: 'LANTERN_DFE_SUPPLIER_KEY',
    group: 'The DfE daily feed',
    default: '(none)',
    secret: true,
    description: 'Sent as the `SupplierKey` header on every request.',
  },
  {
    env: 'LANTERN_DFE_BATCH_SIZE',
    group: 'The DfE daily feed',
    default: '100',
    check: wholeNumber(1, 100),
    description: 'Children sent in one request, at most (the API takes up to 100).',
  },
];

/** The settings the DfE feed needs before the server may send it. */
export const DFE_FEED_SETTINGS = [
  'LANTERN_DFE_API_URL',
  'LANTERN_DFE_TOKEN_URL',
  'LANTERN_DFE_CLIENT_ID',
  'LANTERN_DFE_CLIENT_SECRET',
  'LANTERN_DFE_SCOPE',
  'LANTERN_DFE_SUPPLIER_KEY',
] as const;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`the configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigurationError';
  }
}

/** The flags given on the command line, by their environment names (a flag wins over its variable). */
export type Flags = Partial<Record<'PORT' | 'HOST' | 'LANTERN_DATA_DIR' | 'LANTERN_SEED_IF_EMPTY' | 'LANTERN_LOG', string>>;

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  seedIfEmpty: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  auth: AuthSettings;
  trustProxy: boolean;
  metrics: { token: string | null; port: number | null; host: string };
  jobs: boolean;
  /** When the server sends the DfE feed each day (HH:MM in England), or null when it does not. */
  dfeFeedAt: string | null;
};

/** Each setting's problem, if any, named: what it must be and what it was (unless secret). */
export function settingProblems(env: NodeJS.ProcessEnv, only?: readonly string[]): string[] {
  const problems: string[] = [];
  for (const s of SETTINGS) {
    if (only && !only.includes(s.env)) continue;
    const value = env[s.env];
    if (value === undefined || value === '' || !s.check) continue;
    const result = s.check.safeParse(value);
    if (!result.success) {
      const flag = s.flag ? ` (${s.flag})` : '';
      problems.push(`${s.env}${flag} must be ${result.error.issues[0]?.message ?? 'valid'}${s.secret ? '' : `, not "${value}"`}`);
    }
  }
  return problems;
}

/** Reads and checks every setting for `lantern start`; throws ConfigurationError naming each wrong one. */
export function serverConfig(processEnv: NodeJS.ProcessEnv, flags: Flags = {}): ServerConfig {
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const env: NodeJS.ProcessEnv = { ...processEnv, ...given };
  const problems = settingProblems(env);
  let auth: AuthSettings | null = null;
  // The identity provider's settings hang together (issuer with client id, a redirect address).
  if (!problems.some((p) => /^LANTERN_(OIDC|PUBLIC_URL|IDLE|SESSION)/.test(p))) {
    try {
      auth = authSettings(env);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (env.LANTERN_OWNER_URL && !env.DATABASE_URL) problems.push('LANTERN_OWNER_URL is set but DATABASE_URL is missing: give the login the server works as');
  if (env.LANTERN_METRICS_PORT && env.LANTERN_METRICS_PORT === (env.PORT ?? '3000'))
    problems.push(`LANTERN_METRICS_PORT must differ from the server's port (${env.PORT ?? '3000'})`);
  if (env.LANTERN_DFE_FEED_AT) {
    const missing = DFE_FEED_SETTINGS.filter((name) => !env[name]);
    if (missing.length) problems.push(`LANTERN_DFE_FEED_AT is set but the DfE feed is not configured: set ${missing.join(', ')}`);
  }
  if (problems.length > 0 || !auth) throw new ConfigurationError(problems);
  const on = (name: string) => ['1', 'on'].includes((env[name] ?? '').toLowerCase());
  const log = env.LANTERN_LOG_LEVEL as ServerConfig['logLevel'] | undefined;
  return {
    port: Number(env.PORT || 3000),
    host: env.HOST || 'localhost',
    dataDir: path.resolve(env.LANTERN_DATA_DIR || 'data'),
    seedIfEmpty: on('LANTERN_SEED_IF_EMPTY'),
    logLevel: log ? (log.toLowerCase() as ServerConfig['logLevel']) : on('LANTERN_LOG') ? 'info' : 'warn',
    auth,
    trustProxy: on('LANTERN_TRUST_PROXY'),
    metrics: {
      token: env.LANTERN_METRICS_TOKEN || null,
      port: env.LANTERN_METRICS_PORT ? Number(env.LANTERN_METRICS_PORT) : null,
      host: env.LANTERN_METRICS_HOST || '127.0.0.1',
    },
    jobs: (env.LANTERN_JOBS ?? 'on').toLowerCase() !== 'off',
    dfeFeedAt: env.LANTERN_DFE_FEED_AT || null,
  };
}

/** docs/configuration.md, generated from SETTINGS. */
export function configurationMarkdown(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    '# Configuration',
    '',
    '<!-- Generated from packages/server/src/kernel/config.ts by `npm run docs:config`: edit that file, not this one. -->',
    '',
    'Lantern reads its settings from environment variables (in production, the environment file named by',
    '`deploy/lantern.service`); a few also have a flag on `lantern start`, which wins over the variable.',
    '`lantern start` checks every setting before it opens the database: a wrong value stops it with a',
    'message naming the setting and what it must be (exit status 78, so systemd does not restart it in a loop).',
    'Secrets (database URLs, the client secret, the metrics token) are never repeated in a message or a log.',
    'How to run Lantern in production: [operations.md](operations.md).',
  ];
  const groups = [...new Set(SETTINGS.map((s) => s.group))];
  for (const group of groups) {
    lines.push('', `## ${group}`, '', '| Variable | Flag | Default | What it does |', '| --- | --- | --- | --- |');
    for (const s of SETTINGS.filter((x) => x.group === group))
      lines.push(`| \`${s.env}\` | ${s.flag ? `\`${s.flag}\`` : ''} | ${cell(s.default)} | ${cell(s.description)}${s.secret ? ' (secret)' : ''} |`);
  }
  return `${lines.join('\n')}\n`;
}
