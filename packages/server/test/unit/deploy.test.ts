import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const UNIT = new URL('../../../../deploy/lantern.service', import.meta.url).pathname;
const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!analyze) console.log('systemd-analyze is not installed (apt-get install systemd): the unit is checked by reading it only.');

describe('deploy/lantern.service', () => {
  it('runs Lantern as the unprivileged lantern user with the environment file and data folder', () => {
    const unit = readFileSync(UNIT, 'utf8');
    expect(unit).toMatch(/^User=lantern$/m);
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/lantern\/lantern\.env$/m);
    expect(unit).toMatch(/^Environment=LANTERN_DATA_DIR=\/var\/lib\/lantern\/data$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=78$/m);
    expect(unit).toMatch(/^NoNewPrivileges=true$/m);
  });

  it.skipIf(!analyze)('passes systemd-analyze verify', () => {
    // Throws, with systemd's complaint, on any warning or error.
    const out = execFileSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
