/**
 * The floor for `npm run bench -- child-record`: a bare Fastify + pg server doing the least each
 * measured read must do, on a pool of the same size as Lantern's, with no session, no access
 * check and no schema on the answer. Started by the bench itself, in the same run, on the same
 * database.
 *   child record — read the person by key, insert one audit row, answer JSON
 *   search       — the children whose family or given name begins with the letters typed, a page of
 *                  25 and the count, one audit row
 *   worklist     — a worker's overdue deadlines, a page of 10 with the child's name, and the count,
 *                  one audit row
 *   landing      — each role's landing page: every list's count and first page, one audit row
 *                  (child-record-floor-landing.mjs)
 * Usage: node child-record-floor.mjs <database-url> <port>
 */
import Fastify from 'fastify';
import pg from 'pg';
import { landingFloor } from './child-record-floor-landing.mjs';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify();
const today = new Date().toISOString().slice(0, 10);

const audited = (laCode, action, recordType, childId, req) =>
  pool.query('insert into audit_event (la_code, action, record_type, record_id, child_id, user_agent) values ($1, $2, $3, $4, $5, $6)', [
    laCode,
    action,
    recordType,
    childId,
    childId,
    req.headers['user-agent'] ?? null,
  ]);

app.get('/health', async () => ({ ok: true }));

app.get('/floor/children/:laCode/:childId', async (req) => {
  const { laCode, childId } = req.params;
  const { rows } = await pool.query('select * from person where la_code = $1 and person_id = $2', [laCode, childId]);
  await audited(laCode, 'read', 'child', childId, req);
  return { child: rows[0] ?? null };
});

app.get('/floor/search/:laCode', async (req) => {
  const { laCode } = req.params;
  // The same index Lantern's search uses (migration 0036): the lower-case names, by prefix.
  const like = `${String(req.query.q).toLowerCase()}%`;
  const where = 'from person where la_code = $1 and is_child and (family_name_key like $2 or given_name_key like $2)';
  const [rows, count] = await Promise.all([
    pool.query(`select person_id, la_child_id, given_name, family_name, date_of_birth, sex ${where} order by family_name, given_name, date_of_birth limit 25`, [
      laCode,
      like,
    ]),
    pool.query(`select count(*)::int as n ${where}`, [laCode, like]),
  ]);
  await audited(laCode, 'search', 'child', null, req);
  return { results: rows.rows, total: count.rows[0].n };
});

app.get('/floor/work/:laCode/:workerId', async (req) => {
  const { laCode, workerId } = req.params;
  const from = `from obligation o where o.la_code = $1 and o.responsible_worker_id = $2 and o.met_on is null and o.ended_on is null
    and o.start_date <= $3 and o.due_date < $3`;
  const [rows, count] = await Promise.all([
    pool.query(
      `select x.*, p.given_name, p.family_name, p.la_child_id from (
         select o.child_id, o.rule_id, o.source_id, o.due_date ${from} order by o.due_date, o.rule_id, o.child_id, o.source_id limit 10
       ) x join person p on p.la_code = $1 and p.person_id = x.child_id order by x.due_date`,
      [laCode, workerId, today],
    ),
    pool.query(`select count(*)::int as n ${from}`, [laCode, workerId, today]),
  ]);
  await audited(laCode, 'read', 'landing-page', null, req);
  return { items: rows.rows, total: count.rows[0].n };
});

landingFloor(app, pool, audited);

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
