/**
 * The floor for `npm run bench -- child-record`: a bare Fastify + pg server doing the least the
 * child record must do — read the person by key, insert one audit row, answer JSON — on a pool of
 * the same size as Lantern's. Started by the bench itself, in the same run, on the same database.
 * Usage: node child-record-floor.mjs <database-url> <port>
 */
import Fastify from 'fastify';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify();

app.get('/health', async () => ({ ok: true }));
app.get('/floor/children/:laCode/:childId', async (req) => {
  const { laCode, childId } = req.params;
  const { rows } = await pool.query('select * from person where la_code = $1 and person_id = $2', [laCode, childId]);
  await pool.query("insert into audit_event (la_code, action, record_type, record_id, child_id, user_agent) values ($1, 'read', 'child', $2, $2, $3)", [
    laCode,
    childId,
    req.headers['user-agent'] ?? null,
  ]);
  return { child: rows[0] ?? null };
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
