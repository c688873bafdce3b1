/**
 * `npm run bench -- child-record`: opening a child's record, a search and a worker's overdue list
 * at 100 concurrent connections on a seeded PostgreSQL council, each against a bare Fastify + pg
 * floor server (child-record-floor.mjs) doing the least of the same work, both started here and
 * run one after the other in one run. Goal (issue 18): at least 50% of the floor's throughput,
 * p99 within 2×. And each role's landing page (GET /api/work, as a browser's first load asks for
 * it) as each demo user, against the floor's same lists (child-record-floor-landing.mjs); the
 * counts and children of each page are checked to be the floor's before either is measured.
 * LANTERN_BENCH_CHILD_SECONDS sets each run's length (default 15 s, after 3 s to warm up); a page too heavy
 * to answer every connection once in the warm-up runs instead until each connection has had 3 answers.
 * LANTERN_BENCH_CHILD_CASES=landing (or child-record, search, worklist, a demo user such as
 * hos.demo; comma-separated) runs only those cases; all by default.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { todayInEngland } from '@lantern/core/calendar';
import autocannon from 'autocannon';
import pg from 'pg';
import { daysFrom } from '../src/areas/work/sections.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

const LANTERN = new URL('../bin/lantern.mjs', import.meta.url).pathname;
const FLOOR = new URL('./child-record-floor.mjs', import.meta.url).pathname;
const CONNECTIONS = 100;

/** Peak resident memory of a process so far (Linux), in MiB. */
function peakMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function started(command: string[], env: Record<string, string>, health: string) {
  const child = spawn('node', command, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited: ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(health)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * How a case is run: for `seconds` (the usual), or, for a page so heavy that not every connection is
 * answered once in the warm-up, until each connection has had `ROUNDS` answers: a 15 s run of such a
 * page counts only the first answers of a queue, so its throughput and p99 would say nothing.
 * The floor decides, and Lantern's run of the same case is made the same way.
 */
type RunShape = { seconds: number } | { requests: number };
const ROUNDS = 3;

async function load(url: string, paths: string[], headers: Record<string, string>, shape: RunShape | number) {
  let i = 0;
  const run = (how: RunShape) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      ...('seconds' in how ? { duration: how.seconds } : { amount: how.requests }),
      // A page whose lists are heavy on the database can take longer than autocannon's 10 s under 100
      // connections; counted as it answers rather than as an error, on both servers alike.
      timeout: 'seconds' in how ? 30 : 300,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] as string }) }],
    });
  // Requests autocannon gave up on are still being answered: one more, queued behind them, so
  // what runs next does not start behind this one's backlog.
  const drain = () => fetch(`${url}${paths[0]}`, { headers, signal: AbortSignal.timeout(300_000) }).catch(() => undefined);
  const warm = await run({ seconds: 3 });
  await drain();
  const how: RunShape = typeof shape !== 'number' ? shape : warm.requests.total >= CONNECTIONS ? { seconds: shape } : { requests: ROUNDS * CONNECTIONS };
  const r = await run(how);
  await drain();
  // Pages answered per second: an answer that is not a 200 (a 503 when no database connection came
  // free in time) is not a page served, so it counts in neither server's throughput.
  return { perSecond: r['2xx'] / r.duration, p99: r.latency.p99, median: r.latency.p50, non2xx: r.non2xx + r.errors, how };
}

async function signIn(base: string, username: string, laCode: string): Promise<string> {
  let res: Response;
  // A 503 (no connection free in time) while a heavy page's backlog drains: try again shortly.
  for (let tries = 0; ; tries++) {
    res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'lantern-demo-2026', laCode }),
    });
    if (res.status !== 503 || tries >= 20) break;
    await new Promise((r) => setTimeout(r, 3000));
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!res.ok || !cookie) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** One measured read: Lantern's paths, the floor's paths doing the same least work, and who asks. */
type Case = { name: string; group: string; route: string; username: string; ours: string[]; floor: string[]; same?: (answer: unknown) => string };

const LANDING_USERS = ['sw.demo', 'tm.demo', 'fd.demo', 'iro.demo', 'irom.demo', 'hos.demo', 'partner.demo'];

type LandingAnswer = { sections: { id: string; total: number; items?: { childId: string | null }[]; rows?: { child_id?: string }[] }[] };

/** What a landing page says, Lantern's or the floor's: each list's count and the children on its first page. */
function landingContent(answer: unknown): string {
  const page = answer as LandingAnswer;
  return JSON.stringify(
    page.sections
      .map((s) => [s.id, Number(s.total), (s.items?.map((i) => i.childId) ?? s.rows?.map((r) => r.child_id ?? null)) as unknown[]] as const)
      .sort((a, b) => a[0].localeCompare(b[0])),
  );
}

/** Each demo user's landing page: Lantern's GET /api/work, and the floor's with the user's ids and days passed in. */
async function landingCases(owner: pg.Client, laCode: string): Promise<Case[]> {
  const { rows } = await owner.query<{
    username: string;
    role: string;
    user_id: string;
    worker_id: string | null;
    team_id: string | null;
    organisation: string | null;
    service: string | null;
  }>(
    `select u.username, u.role, u.user_id, u.worker_id, w.team_id, u.partner_organisation_id as organisation, t.service
     from app_user u left join worker w on w.la_code = u.la_code and w.worker_id = u.worker_id
     left join team t on t.la_code = w.la_code and t.team_id = w.team_id
     where u.la_code = $1 and u.username = any($2::text[])`,
    [laCode, LANDING_USERS],
  );
  const days = daysFrom(todayInEngland());
  return LANDING_USERS.flatMap((username) => {
    const u = rows.find((r) => r.username === username);
    if (!u) return [];
    const kind = u.role === 'team-manager' && u.service === 'Front door' ? 'front-door' : u.role;
    const ids = Object.entries({ worker: u.worker_id, team: u.team_id, user: u.user_id, organisation: u.organisation }).filter(([, v]) => v);
    const query = new URLSearchParams([...ids, ...Object.entries(days)] as [string, string][]);
    return [
      {
        name: `landing page, ${username}`,
        group: 'landing',
        route: 'GET /api/work',
        username,
        ours: ['/api/work'],
        floor: [`/floor/landing/${kind}/${laCode}?${query}`],
        same: landingContent,
      },
    ];
  });
}

export async function childRecordFigures(databaseUrl: string, label: string, figure: Figure) {
  const seconds = Number(process.env.LANTERN_BENCH_CHILD_SECONDS ?? 15);
  const only = process.env.LANTERN_BENCH_CHILD_CASES?.split(',').map((s) => s.trim());
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  const { rows } = await owner.query<{ la_code: string; person_id: string }>(
    `select la_code, person_id from person where is_child and not restricted order by md5(person_id::text) limit 5000`,
  );
  if (rows.length === 0) throw new Error(`no children in ${databaseUrl}`);
  const laCode = rows[0]?.la_code as string;
  // Searches as people type them: the first three letters of family names in the council.
  const prefixes = (
    await owner.query<{ q: string }>(
      `select distinct lower(left(family_name, 3)) as q from person where la_code = $1 and is_child and length(family_name) >= 3 order by 1 limit 500`,
      [laCode],
    )
  ).rows.map((r) => r.q);
  const sw = (await owner.query<{ worker_id: string }>(`select worker_id::text from app_user where la_code = $1 and username = 'sw.demo'`, [laCode])).rows[0]
    ?.worker_id;
  const landing = await landingCases(owner, laCode);
  await owner.end();
  if (!sw) throw new Error('sw.demo has no worker in this council');

  const cases: Case[] = [
    {
      name: 'child record',
      group: 'child-record',
      route: 'GET /api/children/:id',
      username: 'tm.demo',
      ours: rows.map((r) => `/api/children/${r.person_id}`),
      floor: rows.map((r) => `/floor/children/${r.la_code}/${r.person_id}`),
    },
    {
      name: 'search',
      group: 'search',
      route: 'GET /api/children?q=',
      username: 'tm.demo',
      ours: prefixes.map((q) => `/api/children?q=${q}`),
      floor: prefixes.map((q) => `/floor/search/${laCode}?q=${q}`),
    },
    {
      name: 'worklist',
      group: 'worklist',
      route: 'GET /api/work?section=overdue',
      username: 'sw.demo',
      ours: ['/api/work?section=overdue'],
      floor: [`/floor/work/${laCode}/${sw}`],
    },
    ...landing,
  ].filter((c) => !only || only.includes(c.group) || only.includes(c.username));

  // The floor first, then Lantern, each alone on the machine while it is measured.
  const floorPort = 3900 + Math.floor(Math.random() * 50);
  const floor = await started([FLOOR, databaseUrl, String(floorPort)], {}, `http://127.0.0.1:${floorPort}/health`);
  const bare = new Map<string, Awaited<ReturnType<typeof load>>>();
  const floorSays = new Map<string, string>();
  for (const c of cases) {
    if (c.same) floorSays.set(c.name, c.same(await (await fetch(`http://127.0.0.1:${floorPort}${c.floor[0]}`)).json()));
    bare.set(c.name, await load(`http://127.0.0.1:${floorPort}`, c.floor, {}, seconds));
  }
  const bareMiB = peakMiB(floor.pid);
  await floor.stop();

  const port = 3950 + Math.floor(Math.random() * 40);
  const base = `http://127.0.0.1:${port}`;
  const lantern = await started([LANTERN, 'start', '--port', String(port), '--host', '127.0.0.1'], { DATABASE_URL: databaseUrl }, `${base}/api/health`);
  try {
    for (const c of cases) {
      const cookie = await signIn(base, c.username, laCode);
      if (c.same) {
        // The floor must answer what Lantern answers, or its figure means nothing.
        const says = c.same(await (await fetch(`${base}${c.ours[0]}`, { headers: { cookie } })).json());
        if (says !== floorSays.get(c.name)) throw new Error(`${c.name}: the floor's answer is not Lantern's:\n${says}\n${floorSays.get(c.name)}`);
      }
      const floorRun = bare.get(c.name) as Awaited<ReturnType<typeof load>>;
      const ours = await load(base, c.ours, { cookie }, floorRun.how);
      figure(
        `${c.name} floor: bare Fastify + pg, ${label}`,
        floorRun.perSecond,
        'req/s',
        `p99 ${floorRun.p99} ms, median ${floorRun.median} ms; ${floorRun.non2xx} not 200`,
      );
      figure(`${c.name}: ${c.route}, ${label}`, ours.perSecond, 'req/s', `p99 ${ours.p99} ms, median ${ours.median} ms; ${ours.non2xx} not 200`);
      if ('requests' in floorRun.how)
        figure(`${c.name}: too heavy for a ${seconds} s run, so both ran until each connection had ${ROUNDS} answers`, floorRun.how.requests, 'requests');
      figure(`${c.name}: throughput as a share of the floor (goal ≥ 50%)`, (100 * ours.perSecond) / floorRun.perSecond, '%');
      figure(`${c.name}: p99 over the floor’s (goal ≤ 2×)`, ours.p99 / floorRun.p99, '×');
    }
    figure('peak memory: the floor server', bareMiB, 'MiB');
    figure('peak memory: Lantern', peakMiB(lantern.pid), 'MiB');
  } finally {
    await lantern.stop();
  }
}
