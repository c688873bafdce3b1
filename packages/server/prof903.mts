import { mkdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openStore } from './src/kernel/db/store.ts';
import { importSsda903 } from './src/areas/returns/ssda903/import.ts';
import { writeNationalReturn } from './bench/ssda903-national.ts';
const n = Number(process.argv[2] ?? 10000);
const dir = `/tmp/lead/r903-${n}`;
rmSync(dir, { recursive: true, force: true }); mkdirSync(dir, { recursive: true });
await writeNationalReturn(dir, n);
const name = `lead_prof_${Date.now()}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' }); await admin.connect(); await admin.query(`create database ${name}`); await admin.end();
const store = await openStore({ kind: 'postgres', databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}` });
const started = new Map<any, [number, string]>();
const agg = new Map<string, [number, number]>();
const plugin = {
  transformQuery(args: any) { started.set(args.queryId, [performance.now(), (args.node.sqlFragments?.join('?') ?? (args.node.kind + ' ' + (args.node.into?.table?.identifier?.name ?? ''))).replace(/\s+/g, ' ').slice(0, 90)]); return args.node; },
  async transformResult(args: any) { const s = started.get(args.queryId); if (s) { const ms = performance.now() - s[0]; const a = agg.get(s[1]) ?? [0, 0]; a[0] += ms; a[1]++; agg.set(s[1], a); started.delete(args.queryId); } return args.result; },
};
const t0 = performance.now();
let last = t0;
const r = await importSsda903(store.db.withPlugin(plugin), dir, { year: 2026, laCode: 'E08000035', actor: { userId: null, username: 'lantern-cli', role: 'operator' },
  onProgress: (d, t, s) => { const now = performance.now(); if (s !== 'Children imported' || d === t) console.log(s, d, t, ((now - t0) / 1000).toFixed(1)); last = now; } });
console.log('total', ((performance.now() - t0) / 1000).toFixed(1), JSON.stringify(r.written));
console.log([...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25).map(([k, [ms, c]]) => `${(ms / 1000).toFixed(1)}s x${c} ${k}`).join('\n'));
await store.close();
