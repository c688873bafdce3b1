/** The worker side of check-run.ts: read the return, then claim rules from the first and post each one's failing rows. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkRule, planSsda903 } from '@lantern/core/returns/ssda903/index';
import { type CheckJob, debugTime, openReturn, PENDING_ROWS, type WorkerMessage } from './check-run.ts';

const port = parentPort!;
const { job, shared: buffer } = workerData as { job: CheckJob; shared: SharedArrayBuffer };
const shared = new Int32Array(buffer);
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  const { ret } = await openReturn(job);
  const plan = planSsda903(ret);
  const debug = process.env.LANTERN_DEBUG !== undefined;
  if (debug) post({ what: 'read', at: debugTime() });
  for (let k = 0; k < plan.run.length; k++) {
    // Wait (before claiming a rule, never holding one the main thread may be waiting for) while
    // many of this thread's failing rows are still to be written.
    for (let p = Atomics.load(shared, 0); p > PENDING_ROWS; p = Atomics.load(shared, 0)) Atomics.wait(shared, 0, p, 100);
    // Claimed by the main thread, which takes rules from the last.
    if (Atomics.compareExchange(shared, k + 1, 0, 1) !== 0) continue;
    const { info, check } = plan.run[k]!;
    const findings = checkRule(ret, info, check);
    const count = findings.reduce((n, f) => n + f.rows.length, 0);
    // Counted here, taken off as the main thread writes the rule's text.
    Atomics.add(shared, 0, count);
    post({ k, code: info.code, found: findings.map((f) => ({ table: f.table, rows: f.rows, fields: f.fields })), count });
  }
  if (debug) post({ what: 'ran its rules', at: debugTime() });
  post({ done: true });
} catch (error) {
  post({ failed: (error as Error).message });
}
