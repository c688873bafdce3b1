import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIGURATION_DOC } from '../../scripts/config-doc.ts';
import { ConfigurationError, configurationMarkdown, SETTINGS, serverConfig } from '../../src/kernel/config.ts';

const problemsOf = (env: NodeJS.ProcessEnv, flags = {}) => {
  try {
    serverConfig(env, flags);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
};

describe('the configuration, checked at start', () => {
  it('defaults: port 3000 on localhost, the embedded data folder, warnings only in the log, jobs on, no metrics', () => {
    const c = serverConfig({});
    expect(c).toMatchObject({ port: 3000, host: 'localhost', seedIfEmpty: false, logLevel: 'warn', jobs: true, metrics: { token: null, port: null } });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('a flag wins over its variable', () => {
    expect(serverConfig({ PORT: '4000' }, { PORT: '5000', LANTERN_LOG: '1' })).toMatchObject({ port: 5000, logLevel: 'info' });
  });

  it('names every wrong value at once, and what it must be', () => {
    const problems = problemsOf({ PORT: 'eighty', LANTERN_IDLE_MINUTES: '-5', LANTERN_LOG_LEVEL: 'loud', LANTERN_JOBS: 'maybe', DATABASE_URL: 'mysql://x/y' });
    expect(problems).toEqual([
      'DATABASE_URL must be a postgres://user:password@host:port/database address',
      'PORT (--port) must be a port number, not "eighty"',
      'LANTERN_IDLE_MINUTES must be a positive number of minutes, not "-5"',
      'LANTERN_LOG_LEVEL must be one of fatal, error, warn, info, debug, silent, not "loud"',
      'LANTERN_JOBS must be one of on, off, not "maybe"',
    ]);
  });

  it('never repeats a secret in its message', () => {
    const [problem] = problemsOf({ LANTERN_METRICS_TOKEN: 'short-secret' });
    expect(problem).toBe('LANTERN_METRICS_TOKEN must be at least 24 characters');
  });

  it('names a missing partner setting: half an identity provider, an owner without a login', () => {
    expect(problemsOf({ LANTERN_OIDC_ISSUER: 'https://accounts.google.com' })).toEqual([expect.stringMatching(/LANTERN_OIDC_CLIENT_ID/)]);
    expect(problemsOf({ LANTERN_OWNER_URL: 'postgres://o@db/lantern' })).toEqual([expect.stringMatching(/DATABASE_URL is missing/)]);
    expect(problemsOf({ LANTERN_METRICS_PORT: '3000' })).toEqual([expect.stringMatching(/must differ/)]);
  });

  it('the DfE feed: its time of day checked, and not sent until every DfE setting is given', () => {
    expect(problemsOf({ LANTERN_DFE_FEED_AT: '25:00' })).toContain(
      'LANTERN_DFE_FEED_AT must be a time of day written HH:MM (24-hour, the time in England), not "25:00"',
    );
    expect(problemsOf({ LANTERN_DFE_FEED_AT: '06:30', LANTERN_DFE_API_URL: 'https://api.example' })).toEqual([
      'LANTERN_DFE_FEED_AT is set but the DfE feed is not configured: set LANTERN_DFE_TOKEN_URL, LANTERN_DFE_CLIENT_ID, LANTERN_DFE_CLIENT_SECRET, LANTERN_DFE_SCOPE, LANTERN_DFE_SUPPLIER_KEY',
    ]);
    const dfe = {
      LANTERN_DFE_API_URL: 'https://api.example',
      LANTERN_DFE_TOKEN_URL: 'https://login.example/token',
      LANTERN_DFE_CLIENT_ID: 'id',
      LANTERN_DFE_CLIENT_SECRET: 'secret',
      LANTERN_DFE_SCOPE: 'scope',
      LANTERN_DFE_SUPPLIER_KEY: 'key',
    };
    expect(serverConfig({ ...dfe, LANTERN_DFE_FEED_AT: '06:30' }).dfeFeedAt).toBe('06:30');
    expect(serverConfig(dfe).dfeFeedAt).toBeNull();
  });

  it('docs/configuration.md is the table generated from the settings (run `npm run docs:config`)', () => {
    const doc = readFileSync(CONFIGURATION_DOC, 'utf8');
    expect(doc, 'docs/configuration.md is out of date: run `npm run docs:config`').toBe(configurationMarkdown());
    for (const s of SETTINGS) expect(doc).toContain(`\`${s.env}\``);
  });
});
