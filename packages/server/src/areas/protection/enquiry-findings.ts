/**
 * What a section 47 enquiry found: for each concern, what was found, whether significant harm
 * was substantiated and why; and the reasons to convene (or not) an initial conference.
 * Every save is a version; the chronology carries the words, so they can be searched.
 */
import type { section47FindingsSave } from '@lantern/core/practice';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { keptVersions } from '../../kernel/casework.ts';
import { childFor } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey, rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { step } from '../../kernel/ledger.ts';

type Concern = { concern: string; found: string; substantiated: boolean; why: string };
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Concern[];

export async function saveSection47Findings(db: Kysely<Database>, actor: Actor, childId: string, s47Id: string, input: z.infer<typeof section47FindingsSave>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const enquiry = await ledger.find('section47', { s47_id: s47Id, child_id: childId }, 'section 47 enquiry');
    const current = await ledger.row('section47_findings', { s47_id: s47Id }, { lock: true });
    const values = { concerns: JSON.stringify(input.concerns), convene: input.convene, convene_reasons: input.conveneReasons };
    const row = current
      ? await ledger.update('section47_findings', { s47_id: s47Id }, values, { fromVersion: input.version ?? 0 })
      : await ledger.insert('section47_findings', { la_code: laCode, s47_id: s47Id, child_id: childId, ...values, created_by: actor.user.userId });
    const found = input.concerns
      .map((c) => `${c.concern}: ${c.found} Significant harm ${c.substantiated ? 'substantiated' : 'not substantiated'}, because ${c.why}`)
      .join(' ');
    ledger.chronicle({
      occurredOn: enquiry.completed_on ?? enquiry.start_date,
      category: 'section-47',
      summary: `Section 47 enquiry findings${current ? ' (updated)' : ''}: ${found} ${input.convene ? 'An initial conference should be convened' : 'No initial conference'}: ${input.conveneReasons}`,
      recordType: 'section47-findings',
      recordId: s47Id,
    });
    return { s47Id, version: row.version };
  });
}

export async function getSection47Findings(db: Kysely<Database>, actor: Actor, childId: string, s47Id: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const enquiry = await findByKey(db, laCode, 'section47', { s47_id: s47Id, child_id: childId }, 'section 47 enquiry');
  const row = await rowByKey(db, laCode, 'section47_findings', { s47_id: s47Id });
  const versions = await keptVersions(db, laCode, 'section47-findings', s47Id);
  await audit(db, actor, { action: 'read', recordType: 'section47-findings', recordId: s47Id, childId });
  return {
    s47Id,
    startDate: enquiry.start_date,
    completedOn: enquiry.completed_on,
    findings: row ? { version: row.version, concerns: parse(row.concerns), convene: row.convene, conveneReasons: row.convene_reasons } : null,
    versions: versions.map((v) => ({ version: v.version, changedAt: new Date(v.changed_at as unknown as string).toISOString(), changedBy: v.display_name })),
  };
}

/** The child's enquiries, for the page that links to each one's findings. */
export async function childEnquiries(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await db
    .selectFrom('section47 as s')
    .leftJoin('section47_findings as f', (j) => j.onRef('f.la_code', '=', 's.la_code').onRef('f.s47_id', '=', 's.s47_id'))
    .select(['s.s47_id', 's.start_date', 's.completed_on', 'f.version', 'f.convene'])
    .where(ofChild('s', actor.user.laCode, childId))
    .orderBy('s.start_date', 'desc')
    .execute();
  return {
    enquiries: rows.map((r) => ({
      s47Id: r.s47_id,
      startDate: r.start_date,
      completedOn: r.completed_on,
      findingsWritten: r.version !== null,
      convene: r.convene,
    })),
  };
}
