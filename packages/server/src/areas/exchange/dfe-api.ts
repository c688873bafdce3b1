/**
 * The DfE's children's social care API as a client: OAuth 2.0 client credentials for a bearer
 * token, the `SupplierKey` header, and batches POSTed to the children endpoint. A 401 or 403 gets
 * a new token and a 429 waits (Retry-After, else back-off from 5 s doubling to 30 s), 3 tries in
 * all, as the DfE's reference sender does; any other failure is the batch's answer, kept for the
 * operator.
 */

export type DfeApiConfig = {
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  supplierKey: string;
  batchSize: number;
  /** First wait before a retry, doubled each time up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  tries: number;
};

const SETTINGS = {
  apiUrl: 'LANTERN_DFE_API_URL',
  tokenUrl: 'LANTERN_DFE_TOKEN_URL',
  clientId: 'LANTERN_DFE_CLIENT_ID',
  clientSecret: 'LANTERN_DFE_CLIENT_SECRET',
  scope: 'LANTERN_DFE_SCOPE',
  supplierKey: 'LANTERN_DFE_SUPPLIER_KEY',
} as const;

/** The feed's settings from the environment; names every one missing. */
export function dfeApiConfigFrom(env: NodeJS.ProcessEnv): DfeApiConfig {
  const missing = Object.values(SETTINGS).filter((name) => !env[name]);
  if (missing.length) throw new Error(`The DfE feed is not configured: set ${missing.join(', ')}`);
  const value = (k: keyof typeof SETTINGS) => env[SETTINGS[k]] as string;
  const batchSize = Number(env.LANTERN_DFE_BATCH_SIZE ?? 100);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100) throw new Error('LANTERN_DFE_BATCH_SIZE must be a whole number from 1 to 100');
  return {
    apiUrl: value('apiUrl').replace(/\/+$/, ''),
    tokenUrl: value('tokenUrl'),
    clientId: value('clientId'),
    clientSecret: value('clientSecret'),
    scope: value('scope'),
    supplierKey: value('supplierKey'),
    batchSize,
    retryBaseMs: 5000,
    retryCapMs: 30000,
    tries: 3,
  };
}

/** The answer to one batch: per child (in the order sent) whether it was accepted, and what the API said. */
export type BatchAnswer = { ok: boolean; status: number; perChild: unknown[]; tries: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DfeApiClient {
  private token: string | null = null;
  private readonly config: DfeApiConfig;
  constructor(config: DfeApiConfig) {
    this.config = config;
  }

  private async fetchToken(): Promise<string> {
    const res = await fetch(this.config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.config.clientId,
        client_secret: this.config.clientSecret,
        scope: this.config.scope,
      }),
    });
    const body = (await res.json().catch(() => null)) as { access_token?: string } | null;
    if (!res.ok || !body?.access_token) throw new Error(`The DfE token endpoint refused the client credentials (HTTP ${res.status})`);
    this.token = body.access_token;
    return body.access_token;
  }

  /** POSTs one batch (at most batchSize children) for the council with DfE number `laNumber`. */
  async send(laNumber: number, children: unknown[]): Promise<BatchAnswer> {
    const url = `${this.config.apiUrl}/children_social_care_data/${laNumber}/children`;
    let wait = this.config.retryBaseMs;
    for (let attempt = 1; ; attempt++) {
      const token = this.token ?? (await this.fetchToken());
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, SupplierKey: this.config.supplierKey },
        body: JSON.stringify(children),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // Kept as text: the operator sees what the API said.
      }
      if (res.ok) {
        const perChild = Array.isArray(body) ? body : children.map(() => body);
        return { ok: true, status: res.status, perChild, tries: attempt };
      }
      const retryable = res.status === 401 || res.status === 403 || res.status === 429;
      if (!retryable || attempt >= this.config.tries)
        return { ok: false, status: res.status, perChild: children.map(() => ({ status: res.status, body })), tries: attempt };
      if (res.status !== 429) this.token = null; // a new token for the next try
      const retryAfter = Number(res.headers.get('retry-after'));
      await sleep(res.status === 429 && retryAfter > 0 ? Math.min(retryAfter * 1000, this.config.retryCapMs) : wait);
      wait = Math.min(wait * 2, this.config.retryCapMs);
    }
  }
}

/** Whether the API's answer for one child says it was refused. */
export function childRefused(answer: unknown): boolean {
  if (!answer || typeof answer !== 'object') return false;
  const a = answer as Record<string, unknown>;
  if (a.errors || a.error) return true;
  const status = a.status ?? a.result ?? a.outcome;
  return typeof status === 'string' && /error|fail|reject|invalid/i.test(status);
}
