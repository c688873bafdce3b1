import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEmbeddedVersion, EmbeddedUpgradeError, installedPglite, STORE_VERSION_FILE } from '../../src/kernel/db/embedded-version.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lantern-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const recorded = (pglite: string, postgres = '18') => writeFileSync(path.join(dir, STORE_VERSION_FILE), JSON.stringify({ pglite, postgres }));

describe('the embedded store’s recorded PGlite version', () => {
  it('opens a folder with no record (new, or from before it was kept) and one from the same PGlite series', async () => {
    await expect(checkEmbeddedVersion(dir)).resolves.toBeUndefined();
    const [major, minor] = installedPglite().split('.');
    recorded(`${major}.${minor}.0`);
    await expect(checkEmbeddedVersion(dir)).resolves.toBeUndefined();
  });

  it('refuses a folder written by another series, before opening it, with the dump and restore to run', async () => {
    recorded('0.3.2', '17');
    const refusal = checkEmbeddedVersion(dir, '0.5.16');
    await expect(refusal).rejects.toBeInstanceOf(EmbeddedUpgradeError);
    await expect(refusal).rejects.toThrow(/written by PGlite 0\.3\.2 \(PostgreSQL 17\); this Lantern runs PGlite 0\.5\.16.*Nothing was opened or changed/s);
    await expect(refusal).rejects.toThrow(/pg_dump .* -f lantern\.sql.*psql .* -f lantern\.sql.*lantern migrate --data-dir/s);
  });
});
