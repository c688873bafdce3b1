import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/seed/generate.ts';
import { client, type Client, signInAs, startDemoWithAnalyst, type TestServer } from '../../helpers/server.ts';

// The synthetic council's CIN census over HTTP: the analyst produces and validates it.
let server: TestServer;
let analyst: Client;
let analystCookie: string;

beforeAll(async () => {
  ({ server, analyst, analystCookie } = await startDemoWithAnalyst());
});
afterAll(async () => server.close());

describe('CIN census in the web app', () => {
  it('the synthetic council’s return for 2025/26 validates with no errors, and downloads', async () => {
    const res = await analyst.post('/api/returns/cin-census/runs', { year: 2026 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2026, schemaValid: true, errors: 0 });
    expect(res.body.children).toBeGreaterThan(20);
    // Queries are grouped by rule, and each names a child of this council.
    for (const group of res.body.rules) {
      expect(group.severity).toBe('query');
      for (const f of group.failures.filter((x: { laChildId: string | null }) => x.laChildId)) expect(f.childId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const file = await fetch(`${server.url}/api/returns/cin-census/runs/${res.body.runId}/file`, { headers: { cookie: analystCookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('cin-census-2026.xml');
    const xml = await file.text();
    expect(xml).toContain('<LEA>884</LEA>');
    expect(xml.match(/<Child>/g)?.length).toBe(res.body.children);
    expect((await analyst.get('/api/returns/cin-census/runs')).body.runs[0].runId).toBe(res.body.runId);
  });

  it('validates a file from another system, failures grouped by rule', async () => {
    const xml = readFileSync(new URL('../../fixtures/cin-census-errors.xml', import.meta.url), 'utf8');
    const res = await analyst.post('/api/returns/cin-census/validate', { xml });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ errors: 6, queries: 2, schemaValid: true });
    expect(body.rules.map((r: { code: string }) => r.code)).toEqual(['100', '1510', '8805', '8750', '4011', '4013', '8873Q', '2887Q']);
    expect(body.rules.find((r: { code: string }) => r.code === '8750').failures).toEqual([
      { laChildId: 'SAMPLE03', childId: null, module: 'ChildIdentifiers', row: null, fields: ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'], line: 104 },
    ]);
  });

  it('refuses an empty upload and a year Lantern has no schema for, naming the field', async () => {
    const empty = await analyst.post('/api/returns/cin-census/validate', { xml: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('xml');
    const notXml = await analyst.post('/api/returns/cin-census/validate', { xml: '<Message><Children><Child>' });
    expect(notXml.status).toBe(400);
    expect(notXml.body.errors[0]).toMatchObject({ field: 'xml', rule: 'cin-census-readable' });
    const badYear = await analyst.post('/api/returns/cin-census/runs', { year: 2019 });
    expect(badYear.status).toBe(400);
    expect(JSON.stringify(badYear.body)).toContain('year');
  });

  it('a social worker may not produce returns; another council’s run is not found', async () => {
    const sw = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
    expect((await sw.post('/api/returns/cin-census/runs', { year: 2026 })).status).toBe(403);
    expect((await analyst.get('/api/returns/cin-census/runs/00000000-0000-0000-0000-000000000000/file')).status).toBe(404);
  });

  it('the analyst imports the council’s own return: once, and never half', async () => {
    const sample = readFileSync(new URL('../../fixtures/cin-census-sample.xml', import.meta.url), 'utf8');
    const first = await analyst.post('/api/returns/cin-census/imports', { xml: sample, fileName: 'sample.xml' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ year: 2026, children: 4, alreadyImported: false, notPlaced: [] });
    expect(first.body.written.person).toBe(4);
    const again = await analyst.post('/api/returns/cin-census/imports', { xml: sample });
    expect(again.body).toMatchObject({ alreadyImported: true, written: {} });
    const broken = await analyst.post('/api/returns/cin-census/imports', {
      xml: readFileSync(new URL('../../fixtures/cin-census-broken.xml', import.meta.url), 'utf8'),
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatchObject({ field: 'xml', rule: 'cin-census-importable' });
    const elsewhere = await analyst.post('/api/returns/cin-census/imports', { xml: sample.replace('<LEA>884</LEA>', '<LEA>202</LEA>') });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'xml', rule: 'own-council' });
    const sw = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
    expect((await sw.post('/api/returns/cin-census/imports', { xml: sample })).status).toBe(403);
  });
});
