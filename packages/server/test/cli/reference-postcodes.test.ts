import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeForCommand } from '../helpers/db.ts';

const run = promisify(execFile);
const lantern = new URL('../../bin/lantern.mjs', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'lantern-postcodes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Synthetic directories in the two formats councils have: the compact TSV (gzipped) and the ONS's zip.
const compact = path.join(dir, 'onspd.tsv.gz');
writeFileSync(
  compact,
  gzipSync(
    'postcode\tla_code\teasting\tnorthing\nHR1 2AA\tE06000019\t351000\t240000\nHR9 7AB\tE06000019\t360000\t253350\nLD1 6AA\tW06000023\t305000\t261000\n',
  ),
);
const onsZip = path.join(dir, 'ONSPD_NOV_2025.zip');
const onsFile = path.join(dir, 'ONSPD_NOV_2025_UK.csv');
const onsCsv =
  'pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,osgrdind,lad25cd,ctry25cd\n' +
  '"HR1 2AA","HR1  2AA","HR1 2AA","198001","",351000,240000,1,"E06000019","E92000001"\n' +
  '"HR9 7AB","HR9  7AB","HR9 7AB","198001","",360000,253350,1,"E06000019","E92000001"\n' +
  '"ZZ9 9ZZ","ZZ9  9ZZ","ZZ9 9ZZ","198001","","","",9,"",""\n';
writeFileSync(onsFile, onsCsv);

let env: NodeJS.ProcessEnv;
let open: Awaited<ReturnType<typeof storeForCommand>>['open'];
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const zip = new JSZip();
  zip.file('Documents/LA_UA names and codes UK as at 04_25.csv', 'LAD25CD,LAD25NM\nE06000019,Herefordshire\n');
  zip.file('Data/ONSPD_NOV_2025_UK.csv', onsCsv);
  writeFileSync(onsZip, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  ({ env, open, cleanup } = await storeForCommand('cli-postcodes', async () => undefined));
}, 120_000);
afterAll(() => cleanup?.());

async function directory() {
  const store = await open();
  try {
    return await store.db.selectFrom('postcode_directory').selectAll().orderBy('postcode').execute();
  } finally {
    await store.close();
  }
}

describe('lantern reference postcodes load', () => {
  it('loads the compact file, postcodes without spaces', async () => {
    const { stdout } = await run('node', [lantern, 'reference', 'postcodes', 'load', compact], { env });
    expect(stdout).toMatch(/^Loaded 3 postcodes from /);
    expect(await directory()).toEqual([
      { postcode: 'HR12AA', ons_la_code: 'E06000019', easting: 351000, northing: 240000 },
      { postcode: 'HR97AB', ons_la_code: 'E06000019', easting: 360000, northing: 253350 },
      { postcode: 'LD16AA', ons_la_code: 'W06000023', easting: 305000, northing: 261000 },
    ]);
  });

  it("replaces it with the ONS's own zip (the big CSV inside, lad25cd for the council)", async () => {
    const { stdout } = await run('node', [lantern, 'reference', 'postcodes', 'load', onsZip], { env });
    expect(stdout).toMatch(/^Loaded 3 postcodes/);
    const rows = await directory();
    expect(rows.map((r) => r.postcode)).toEqual(['HR12AA', 'HR97AB', 'ZZ99ZZ']);
    expect(rows[2]).toEqual({ postcode: 'ZZ99ZZ', ons_la_code: '', easting: null, northing: null });
  });

  it('refuses a file that is not the directory, naming the missing columns, and keeps what was loaded', async () => {
    const bad = path.join(dir, 'not-onspd.csv');
    writeFileSync(bad, 'postcode,name\nHR1 2AA,x\n');
    const error = await run('node', [lantern, 'reference', 'postcodes', 'load', bad], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toContain('has no laua (or lad25cd), oseast1m, osnrth1m column');
    expect(await directory()).toHaveLength(3);
  });
});

describe('lantern validate ssda903 --postcodes', () => {
  it('derives the placement facts from the file and flags a postcode not in the directory', async () => {
    const ret = path.join(dir, 'return');
    mkdirSync(ret);
    writeFileSync(
      path.join(ret, 'episodes.csv'),
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
        '1,01/05/2025,S,C2,N1,U1,PR1,,,,HR1 2AA,HR9 7AB,SC123456\n' +
        '2,01/05/2025,S,C2,N1,U1,PR1,,,,HR1 2AA,HR9 9ZZ,SC123456\n',
    );
    const result = await run('node', [lantern, 'validate', 'ssda903', ret, '--year', '2026', '--la-code', 'E06000019', '--postcodes', onsFile, '--json'], {
      env,
    }).catch((e: { stdout: string }) => e);
    const json = JSON.parse(result.stdout) as { failures: { code: string; child: string }[]; ran: string[] };
    expect(json.ran).toEqual(expect.arrayContaining(['392a', '169', '179']));
    const pairs = json.failures.filter((f) => ['392a', '392c', '169', '179'].includes(f.code)).map((f) => `${f.code} ${f.child}`);
    expect(pairs.sort()).toEqual(['169 2', '179 2', '392a 2', '392c 2']);
  });
});
