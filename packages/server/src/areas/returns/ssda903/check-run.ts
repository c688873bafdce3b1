/**
 * `lantern validate ssda903` on both cores: the main thread and one worker each read the return,
 * then take the year's rules one at a time from a shared counter, run each and turn its failures
 * into report text; the main thread writes the texts in the DfE's rule order, so the report is
 * the same whichever thread ran a rule. Reading twice costs CPU, not time (it runs side by side);
 * sharing the rules halves the rest. A rule the worker took and did not give back (it failed, or
 * had not read the return in time) is run on the main thread. One thread for a small return.
 */
import { stat, readdir } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { checkRule, planSsda903, Ssda903Return } from '@lantern/core/returns/ssda903/index';
import { type LoadedReturn, loadProviders, loadReturnDir, ReturnFileError } from './files.ts';
import { findingsText, type ReportFormat, reuseChunk } from './report-text.ts';

export interface CheckJob {
  dir: string;
  year: number;
  previous?: string;
  providers?: string;
  laCode?: string;
  postcodes?: string;
}

export interface OpenedReturn {
  ret: Ssda903Return;
  current: LoadedReturn;
  previous: LoadedReturn | undefined;
}

/** Read a return's folder (and last year's, the provider list and the postcodes it names) into the rules' form. */
export async function openReturn(job: CheckJob): Promise<OpenedReturn> {
  const current = await loadReturnDir(job.dir);
  const previous = job.previous ? await loadReturnDir(job.previous) : undefined;
  const providers = job.providers ? await loadProviders(job.providers) : undefined;
  if (current.files.length === 0) throw new ReturnFileError(`${job.dir} has no SSDA903 tables (CSV files with the DfE's column names)`);
  let postcodes: import('@lantern/core/returns/ssda903/postcodes').PostcodeDirectory | undefined;
  if (job.postcodes) {
    const { loadPostcodeDirectory, postcodesOf } = await import('./postcode-file.ts');
    postcodes = await loadPostcodeDirectory(job.postcodes, postcodesOf(current.tables.Episodes, previous?.tables.Episodes));
  }
  const ret = new Ssda903Return({
    year: job.year,
    tables: current.tables,
    previous: previous?.tables,
    providers,
    laCode: job.laCode?.toUpperCase(),
    postcodes,
  });
  return { ret, current, previous };
}

/** What the worker posts: a rule's report text, or that it has finished or failed. */
export type WorkerMessage = { k: number; code: string; text: Uint8Array[]; count: number } | { done: true } | { failed: string };

export interface CheckOutcome {
  ran: string[];
  notRun: { code: string; reason: string }[];
  /** Failures of each rule that failed, in rule order. */
  byRule: Map<string, number>;
  count: number;
  threads: number;
}

/** A folder's CSV bytes in all: a return under a few MB is checked on one thread. */
async function folderBytes(dir: string): Promise<number> {
  let n = 0;
  for (const name of await readdir(dir).catch(() => [])) n += (await stat(path.join(dir, name)).catch(() => undefined))?.size ?? 0;
  return n;
}

const PARALLEL_FROM_BYTES = 4 << 20;
/** Report text handed to the writer and not yet written, at most: the rules need not wait for each chunk. */
const WRITING_BYTES = 32 << 20;
/** The worker takes no new rule while this much of its text waits to be written: memory stays bounded. */
export const PENDING_KIB = 64 * 1024;

/**
 * Whether a second thread would have a core to itself: more than one core, and the machine's load
 * leaving one free. On a busy machine the second thread only reads the return again (more CPU,
 * more memory, no sooner done).
 */
async function secondCoreFree(): Promise<boolean> {
  const cores = availableParallelism();
  return cores > 1 && (loadavg()[0] ?? 0) <= cores - 1;
}

/**
 * Check a return and write its report: `begin` is called once the return is read (to write the
 * report's head), then `write` with each rule's text in rule order (JSON items each start with a
 * comma: `begin`'s caller drops the first). `threads` 1 or 2; by default 2 for a large return on a
 * machine with a core to spare.
 */
export async function checkReturn(
  job: CheckJob,
  format: ReportFormat,
  hooks: {
    begin: (opened: OpenedReturn, plan: { ran: string[]; notRun: { code: string; reason: string }[] }) => Promise<void>;
    /** Resolves once the chunk is written (or copied): its bytes are then reused. */
    write: (chunk: string | Uint8Array) => Promise<void>;
  },
  threads?: number,
): Promise<CheckOutcome> {
  const wanted = threads ?? ((await secondCoreFree()) && (await folderBytes(job.dir)) >= PARALLEL_FROM_BYTES ? 2 : 1);
  // [0] the next rule to take; [1] KiB of the worker's text not yet written (it waits above PENDING_KIB).
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const texts = new Map<number, { code: string; text: (string | Uint8Array)[]; count: number; fromWorker?: boolean }>();
  let worker: Worker | undefined;
  let workerEnded = false;
  let wake: (() => void) | undefined;
  let workerError: string | undefined;
  let spent: MessagePort | undefined;
  if (wanted > 1) {
    // The worker's chunks go back to it once written, to be filled again (report-text.ts).
    const back = new MessageChannel();
    spent = back.port1;
    // Bundled (bin/validate-bundle.mjs), the worker's bundle lies beside this one; else tsx runs its source.
    const script = import.meta.url.endsWith('.ts') ? './check-worker.mjs' : './ssda903-worker.mjs';
    worker = new Worker(new URL(script, import.meta.url), {
      workerData: { job, format, counter: counter.buffer, spent: back.port2 },
      transferList: [back.port2],
    });
    worker.on('message', (m: WorkerMessage) => {
      if ('k' in m) texts.set(m.k, { code: m.code, text: m.text, count: m.count, fromWorker: true });
      else {
        if ('failed' in m) workerError = m.failed;
        workerEnded = true;
      }
      wake?.();
    });
    const ended = () => {
      workerEnded = true;
      wake?.();
    };
    worker.on('error', (e) => {
      workerError = e.message;
      ended();
    });
    worker.on('exit', ended);
  }
  try {
    const opened = await openReturn(job);
    const plan = planSsda903(opened.ret);
    const ran = plan.run.map((p) => p.info.code);
    await hooks.begin(opened, { ran, notRun: plan.notRun });
    // Chunks handed to `write` and not yet written, oldest first (a stream writes in order).
    const writing: { written: Promise<void>; bytes: number }[] = [];
    let writingBytes = 0;
    const settleOne = async () => {
      const w = writing.shift()!;
      await w.written;
      writingBytes -= w.bytes;
    };
    const byRule = new Map<string, number>();
    let count = 0;
    let next = 0; // the next rule whose text is due
    let here = 0;
    const runHere = (k: number) => {
      here++;
      const { info, check } = plan.run[k]!;
      const findings = checkRule(opened.ret, info, check);
      texts.set(k, { code: info.code, text: findingsText(opened.ret, findings, format), count: findings.reduce((n, f) => n + f.rows.length, 0) });
    };
    const flush = async () => {
      for (let t = texts.get(next); t; t = texts.get(next)) {
        texts.delete(next);
        // The worker read the same return to the same plan; were it ever otherwise, the rule is run here.
        if (t.code !== ran[next]) {
          runHere(next);
          continue;
        }
        if (t.count) {
          byRule.set(ran[next]!, t.count);
          count += t.count;
          const fromWorker = t.fromWorker;
          for (const chunk of t.text) {
            // Not waited for (up to WRITING_BYTES): the rules go on while a slow reader of the
            // report (a pipe holds 64 KiB) takes the text already made.
            const written = hooks.write(chunk).then(() => {
              if (fromWorker) {
                Atomics.sub(counter, 1, Math.ceil(chunk.length / 1024));
                Atomics.notify(counter, 1);
                if (typeof chunk !== 'string') spent?.postMessage(chunk, [chunk.buffer as ArrayBuffer]);
              } else reuseChunk(chunk);
            });
            writing.push({ written, bytes: chunk.length });
            writingBytes += chunk.length;
            while (writingBytes > WRITING_BYTES) await settleOne();
          }
        }
        next++;
      }
    };
    for (let k = Atomics.add(counter, 0, 1); k < ran.length; k = Atomics.add(counter, 0, 1)) {
      runHere(k);
      await flush();
      await new Promise((r) => setImmediate(r)); // let the worker's texts in
    }
    // Rules the worker took: wait for their texts while it lives; run here any it cannot give.
    for (;;) {
      await flush();
      if (next >= ran.length) {
        while (writing.length) await settleOne();
        break;
      }
      if (workerEnded || !worker) runHere(next);
      else await new Promise<void>((r) => (wake = r));
    }
    if (process.env.LANTERN_DEBUG)
      process.stderr.write(`ssda903: ${here} of ${ran.length} rules on the main thread${workerError ? `; worker: ${workerError}` : ''}\n`);
    return { ran, notRun: plan.notRun, byRule, count, threads: wanted };
  } finally {
    spent?.close();
    await worker?.terminate();
  }
}
