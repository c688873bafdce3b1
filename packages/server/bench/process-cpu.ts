/**
 * The CPU a server process and its own PostgreSQL backends spend, read from /proc (Linux, a local
 * database). On the shared machine throughput and latency move with everyone's load; the CPU a
 * request costs does not, so the child-record bench prints it beside each figure. A backend is the
 * server's when its client port is one of the server's sockets (others may use the same database).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import pg from 'pg';
import { cpuSeconds } from './database-cpu.ts';

/** The local ports of a process's TCP sockets. */
function localPorts(pid: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[9] && inodes.has(f[9])) ports.add(Number.parseInt(f[1]?.split(':')[1] ?? '', 16));
    }
  }
  return ports;
}

export type CpuReading = { node: number; database: Map<number, number> };

/** The server's CPU seconds now, and each of its database backends'. */
export async function readCpu(pid: number, databaseUrl: string): Promise<CpuReading> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ports = localPorts(pid);
    const { rows } = await client.query<{ pid: number; port: number }>(
      `select pid, client_port as port from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
    );
    const database = new Map(rows.filter((r) => ports.has(r.port)).map((r) => [r.pid, cpuSeconds(r.pid) ?? 0] as const));
    return { node: cpuSeconds(pid) ?? 0, database };
  } finally {
    await client.end();
  }
}

/** The CPU milliseconds per request between two readings: the server's own, and its backends'. */
export function perRequest(before: CpuReading, after: CpuReading, requests: number): { node: number; database: number } {
  let database = 0;
  for (const [pid, s] of after.database) database += s - (before.database.get(pid) ?? 0);
  return { node: ((after.node - before.node) * 1000) / requests, database: (database * 1000) / requests };
}
