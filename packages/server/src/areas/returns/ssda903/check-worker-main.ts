/** The worker side of check-run.ts: read the return, then run rules from the shared counter and post each one's text. */
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { checkRule, planSsda903 } from '@lantern/core/returns/ssda903/index';
import { type CheckJob, openReturn, PENDING_KIB, type WorkerMessage } from './check-run.ts';
import { findingsText, type ReportFormat, reuseChunk } from './report-text.ts';

const port = parentPort!;
const { job, format, counter: shared, spent } = workerData as { job: CheckJob; format: ReportFormat; counter: SharedArrayBuffer; spent: MessagePort };
const counter = new Int32Array(shared);
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const encoder = new TextEncoder();

try {
  const { ret } = await openReturn(job);
  const plan = planSsda903(ret);
  // Wait (before taking a rule, never holding one the main thread may be waiting for) while much of
  // this thread's text is still to be written.
  const take = () => {
    for (let p = Atomics.load(counter, 1); p > PENDING_KIB; p = Atomics.load(counter, 1)) Atomics.wait(counter, 1, p, 100);
    return Atomics.add(counter, 0, 1);
  };
  for (let k = take(); k < plan.run.length; k = take()) {
    // Chunks the main thread has written come back to be filled again (this loop never yields to take messages).
    for (let m = receiveMessageOnPort(spent); m; m = receiveMessageOnPort(spent)) reuseChunk(m.message as Uint8Array);
    const { info, check } = plan.run[k]!;
    const findings = checkRule(ret, info, check);
    const text = findingsText(ret, findings, format).map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk));
    // Counted here, taken off as the main thread writes it.
    Atomics.add(
      counter,
      1,
      text.reduce((n, t) => n + Math.ceil(t.length / 1024), 0),
    );
    post(
      { k, code: info.code, text, count: findings.reduce((n, f) => n + f.rows.length, 0) },
      text.map((t) => t.buffer as ArrayBuffer),
    );
  }
  post({ done: true });
} catch (error) {
  post({ failed: (error as Error).message });
}
