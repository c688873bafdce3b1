/** The register of partner organisations, their people and sign-ins, and the council's deadline for each request type. */
import { randomUUID } from 'node:crypto';
import {
  agencyOf,
  type newPartnerContact,
  type newPartnerOrganisation,
  type newPartnerUser,
  PARTNER_REQUEST_TYPE,
  PARTNER_TYPE,
  type PartnerRequestType,
  type PartnerType,
  partnerResponseSetting,
} from '@lantern/core/partners';
import type { Kysely } from 'kysely';
import { hashPassword, passwordWeakness } from '../../kernel/auth/passwords.ts';
import { change } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey, rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { putSetting } from '../../kernel/settings.ts';
import type { Due, In } from './shared.ts';

// ---------------------------------------------------------------------------
// The register

export async function listOrganisations(db: Kysely<Database>, laCode: string) {
  const [orgs, contacts] = await Promise.all([
    db.selectFrom('partner_organisation').selectAll().where('la_code', '=', laCode).orderBy('partner_type').orderBy('name').execute(),
    db.selectFrom('partner_contact').selectAll().where('la_code', '=', laCode).where('active', '=', true).orderBy('name').execute(),
  ]);
  return orgs.map((o) => ({
    organisationId: o.organisation_id,
    name: o.name,
    partnerType: o.partner_type,
    typeLabel: PARTNER_TYPE[o.partner_type as PartnerType]?.label ?? o.partner_type,
    agency: agencyOf(o.partner_type as PartnerType),
    email: o.email,
    phone: o.phone,
    contacts: contacts
      .filter((c) => c.organisation_id === o.organisation_id)
      .map((c) => ({ contactId: c.contact_id, name: c.name, jobTitle: c.job_title, email: c.email, phone: c.phone, isEscalation: c.is_escalation })),
  }));
}

export async function createOrganisation(db: Kysely<Database>, actor: Actor, input: In<typeof newPartnerOrganisation>) {
  const organisation = await change(db, actor, (ledger) =>
    insertNew(ledger, 'partner_organisation', {
      name: input.name,
      partner_type: input.partnerType,
      email: input.email ?? null,
      phone: input.phone ?? null,
      created_by: actor.user.userId,
    }),
  );
  return { organisationId: organisation.organisation_id };
}

export async function organisationOrThrow(db: Kysely<Database>, laCode: string, organisationId: string, field = 'organisationId') {
  const org = await rowByKey(db, laCode, 'partner_organisation', { organisation_id: organisationId });
  if (!org) throw invalid([{ field, rule: 'exists', message: 'Choose a partner organisation from the register' }]);
  return org;
}

export async function addContact(db: Kysely<Database>, actor: Actor, organisationId: string, input: In<typeof newPartnerContact>) {
  await findByKey(db, actor.user.laCode, 'partner_organisation', { organisation_id: organisationId }, 'partner organisation');
  const contact = await change(db, actor, (ledger) =>
    insertNew(ledger, 'partner_contact', {
      organisation_id: organisationId,
      name: input.name,
      job_title: input.jobTitle ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      is_escalation: input.isEscalation,
    }),
  );
  return { contactId: contact.contact_id };
}

/** A sign-in for someone at a partner agency: role partner, tied to their organisation. */
export async function createPartnerUser(db: Kysely<Database>, actor: Actor, organisationId: string, input: In<typeof newPartnerUser>) {
  const org = await findByKey(db, actor.user.laCode, 'partner_organisation', { organisation_id: organisationId }, 'partner organisation');
  const taken = await db
    .selectFrom('app_user')
    .select('user_id')
    .where('la_code', '=', actor.user.laCode)
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw conflict('That username is taken', [{ field: 'username', rule: 'unique', message: 'Choose another username' }]);
  const weak = await passwordWeakness(input.password, [input.username, input.displayName, org.name]);
  if (weak) throw invalid([{ field: 'password', rule: 'password-strength', message: weak }], weak);
  const userId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await change(db, actor, (ledger) =>
    ledger.insert(
      'app_user',
      {
        la_code: actor.user.laCode,
        user_id: userId,
        username: input.username,
        display_name: input.displayName,
        role: 'partner',
        worker_id: null,
        partner_organisation_id: organisationId,
        password_hash: passwordHash,
      },
      { recordType: 'user', detail: { role: 'partner', organisation: org.name } },
    ),
  );
  return { userId, username: input.username };
}

// ---------------------------------------------------------------------------
// Deadlines per request type (council settings)

export async function partnerDeadlines(db: Kysely<Database>, laCode: string): Promise<Record<PartnerRequestType, Due>> {
  const rows = await db
    .selectFrom('council_setting')
    .select(['key', 'value'])
    .where('la_code', '=', laCode)
    .where('key', 'like', 'partner-response.%')
    .execute();
  const out = {} as Record<PartnerRequestType, Due>;
  for (const [type, def] of Object.entries(PARTNER_REQUEST_TYPE) as [PartnerRequestType, (typeof PARTNER_REQUEST_TYPE)[PartnerRequestType]][]) {
    const row = rows.find((r) => r.key === partnerResponseSetting(type));
    out[type] = row ? ((typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as Due) : def.due;
  }
  return out;
}

export async function setPartnerDeadline(db: Kysely<Database>, actor: Actor, requestType: PartnerRequestType, due: Due) {
  const key = partnerResponseSetting(requestType);
  await change(db, actor, (ledger) => putSetting(ledger, key, due, { due }));
  // Requests already sent keep the date they gave the partner; new ones take the new deadline.
  return { requestType, due };
}
