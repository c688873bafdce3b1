/**
 * The DfE's side of the daily feed, as a real HTTP server on this machine: a token endpoint
 * (client credentials, secret `secret-1`) and the children endpoint, answering each POST with the
 * next scripted status (then 200), accepting only the last token issued and SupplierKey
 * `lantern-test`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DfeApiConfig } from '../../src/areas/exchange/index.ts';

export type Received = { at: number; path: string; headers: IncomingMessage['headers']; body: string };

/** The DfE's side: answers each children POST with the next scripted status (then 200). */
export class FakeDfe {
  server!: Server;
  url = '';
  tokens: string[] = [];
  posts: Received[] = [];
  script: number[] = [];
  private issued = 0;
  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/oauth/token') {
          const form = new URLSearchParams(body);
          if (form.get('grant_type') !== 'client_credentials' || form.get('client_secret') !== 'secret-1') {
            res.writeHead(401).end();
            return;
          }
          const token = `token-${++this.issued}`;
          this.tokens.push(token);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
          return;
        }
        this.posts.push({ at: Date.now(), path: req.url ?? '', headers: req.headers, body });
        const status = this.script.shift() ?? 200;
        const known = req.headers.authorization === `Bearer ${this.tokens.at(-1)}` && req.headers.supplierkey === 'lantern-test';
        if (status === 200 && known) {
          const children = JSON.parse(body) as { la_child_id: string }[];
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify(children.map((c) => ({ la_child_id: c.la_child_id, status: 'accepted' }))));
        } else res.writeHead(status === 200 ? 401 : status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `refused with ${status}` }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  sent(): { la_child_id: string; [k: string]: unknown }[] {
    return this.posts.filter((p) => p.body).flatMap((p) => JSON.parse(p.body));
  }
}

/** Lantern's configuration for the fake DfE (started), as its tests set it: `overrides` for the batch size and retry timings. */
export function configFor(dfe: FakeDfe, overrides: Partial<DfeApiConfig> = {}): DfeApiConfig {
  return {
    apiUrl: `${dfe.url}/api`,
    tokenUrl: `${dfe.url}/oauth/token`,
    clientId: 'lantern',
    clientSecret: 'secret-1',
    scope: 'csc',
    supplierKey: 'lantern-test',
    batchSize: 100,
    retryBaseMs: 200,
    retryCapMs: 1000,
    tries: 3,
    ...overrides,
  };
}
