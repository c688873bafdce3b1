/**
 * Reads of a child's record are audited here, at one choke point, rather than by hand in each
 * service. Two ways in, both written once per request and only when it succeeds (a refused or
 * failed read leaves no row):
 *
 *   config: { permission: 'child:read', audit: { reads: 'chronology' } }
 *       the route reads one child's record, named by `params.childId`: one 'read' row, record type
 *       `reads`, record id and child the child.
 *
 *   request.shown(childIds, { recordType: 'worklist' })
 *       a list (a search, a worklist, an indicator's children) reports the children it showed:
 *       one row each ('read' unless `action` says 'search').
 *
 *   request.audited({ action: 'read', recordType: 'kpi', detail })
 *       a read that names no child (a report, a list's own summary row).
 *
 * A route whose read is one query (the child's record) may carry its declared row into that
 * query instead, with `request.declaredReadRows()`: the query then writes it through
 * `lantern_audit` only when it finds the child the user may read, with no round trip of its own,
 * and the hook writes it no more. The row is still the one `config.audit` declares, made here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AuditEntry, auditMany, auditRows } from '../audit.ts';

/** What a route that reads one child's record declares in its config. */
export type ReadAudit = { reads: string; detail?: Record<string, unknown> };

/** How the children a list showed are named in the audit trail. */
export type Shown = { recordType: string; action?: 'read' | 'search'; detail?: Record<string, unknown> };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route reads one child's record (`params.childId`): audited once when it succeeds. */
    audit?: ReadAudit;
  }
  interface FastifyRequest {
    /** The children this request showed, for the audit trail (written once, on success). */
    shown(childIds: Iterable<string>, what: Shown): void;
    /** A read audit row that names no child (a report, a list's summary), written on success. */
    audited(entry: AuditEntry): void;
    /**
     * The row `config.audit` declares, as the JSON `lantern_audit` takes, for the route's own read
     * query to write (then the hook does not); null when the route declares none.
     */
    declaredReadRows(): string | null;
  }
}

const READS = Symbol('reads');
const TAKEN = Symbol('declared read taken');
type WithReads = FastifyRequest & { [READS]?: AuditEntry[]; [TAKEN]?: boolean };

/** The read row a route declares in its config, if it does and names a child. */
function declaredRead(request: FastifyRequest): AuditEntry | null {
  const declared = request.routeOptions.config?.audit;
  const childId = (request.params as { childId?: string } | undefined)?.childId;
  if (!declared || !childId) return null;
  return { action: 'read', recordType: declared.reads, recordId: childId, childId, ...(declared.detail ? { detail: declared.detail } : {}) };
}

function noted(request: FastifyRequest): AuditEntry[] {
  const r = request as WithReads;
  if (!r[READS]) r[READS] = [];
  return r[READS];
}

/** Installs the read audit on the app: the request functions and the one hook that writes them. */
export function installReadAudit(app: FastifyInstance): void {
  app.decorateRequest('shown', function (this: FastifyRequest, childIds: Iterable<string>, what: Shown) {
    const entries = noted(this);
    for (const childId of new Set(childIds)) {
      entries.push({ action: what.action ?? 'read', recordType: what.recordType, recordId: childId, childId, ...(what.detail ? { detail: what.detail } : {}) });
    }
  });
  app.decorateRequest('audited', function (this: FastifyRequest, entry: AuditEntry) {
    noted(this).push(entry);
  });
  app.decorateRequest('declaredReadRows', function (this: FastifyRequest) {
    const entry = declaredRead(this);
    if (!entry) return null;
    (this as WithReads)[TAKEN] = true;
    return JSON.stringify(auditRows(this.actor(), [entry]));
  });

  // onSend runs before the answer leaves, so a client that reads the trail next sees the row.
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (reply.statusCode >= 400 || !request.user) return payload;
    const entries: AuditEntry[] = [];
    const declared = (request as WithReads)[TAKEN] ? null : declaredRead(request);
    if (declared) entries.push(declared);
    entries.push(...((request as WithReads)[READS] ?? []));
    if (entries.length > 0) await auditMany(request.server.store.db, request.actor(), entries);
    return payload;
  });
}
