/** The providers register: who provides placements, with their Ofsted URN and registration. */
import { normalisePostcode } from '@lantern/core/identifiers';
import type { newProvider, providerChanges } from '@lantern/core/looked-after';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database, ProviderTable } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { change } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import { containing } from '../../kernel/db/like.ts';

type In<T extends z.ZodType> = z.infer<T>;
type Row = { [K in keyof ProviderTable]: ProviderTable[K] extends { __select__: infer S } ? S : ProviderTable[K] };

export function providerView(
  p: Pick<
    Row,
    | 'provider_id'
    | 'name'
    | 'urn'
    | 'provider_kind'
    | 'place_provider'
    | 'registration_status'
    | 'registered_for'
    | 'registered_from'
    | 'registered_to'
    | 'postcode'
    | 'version'
  >,
) {
  return {
    providerId: p.provider_id,
    name: p.name,
    urn: p.urn,
    providerKind: p.provider_kind,
    placeProvider: p.place_provider,
    registrationStatus: p.registration_status,
    registeredFor: p.registered_for,
    registeredFrom: p.registered_from,
    registeredTo: p.registered_to,
    postcode: p.postcode,
    version: p.version,
  };
}

export async function listProviders(db: Kysely<Database>, actor: Actor, q: { search?: string | undefined }) {
  let query = db.selectFrom('provider').selectAll().where('la_code', '=', actor.user.laCode);
  if (q.search) query = query.where((eb) => eb.or([eb('name', 'ilike', containing(q.search as string)), eb('urn', '=', q.search as string)]));
  const rows = await query.orderBy('name').limit(500).execute();
  return { providers: rows.map(providerView) };
}

function checkDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw invalid([{ field: 'registeredTo', rule: 'not-before', message: 'Registration cannot end before it began' }]);
}

async function urnTaken(db: Kysely<Database>, laCode: string, urn: string | null | undefined, except?: string) {
  if (!urn) return;
  let q = db.selectFrom('provider').select(['provider_id', 'name']).where('la_code', '=', laCode).where('urn', '=', urn);
  if (except) q = q.where('provider_id', '<>', except);
  const other = await q.executeTakeFirst();
  if (other)
    throw conflict(`URN ${urn} is already on the register (${other.name})`, [{ field: 'urn', rule: 'unique', message: `Already held by ${other.name}` }]);
}

export async function addProvider(db: Kysely<Database>, actor: Actor, input: In<typeof newProvider>) {
  const laCode = actor.user.laCode;
  checkDates(input.registeredFrom, input.registeredTo);
  return change(db, actor, async (ledger) => {
    await urnTaken(ledger.db, laCode, input.urn);
    const values = {
      name: input.name,
      urn: input.urn ?? null,
      provider_kind: input.providerKind,
      place_provider: input.placeProvider ?? null,
      registration_status: input.registrationStatus,
      registered_for: input.registeredFor,
      registered_from: input.registeredFrom ?? null,
      registered_to: input.registeredTo ?? null,
      postcode: input.postcode ? normalisePostcode(input.postcode) : null,
      created_by: actor.user.userId,
    };
    return providerView(await insertNew(ledger, 'provider', values));
  });
}

export async function updateProvider(db: Kysely<Database>, actor: Actor, providerId: string, input: In<typeof providerChanges>) {
  const laCode = actor.user.laCode;
  return change(db, actor, async (ledger) => {
    const trx = ledger.db;
    const p = await ledger.find('provider', { provider_id: providerId }, 'provider', { lock: true });
    const { version, ...changes } = input;
    const next = {
      name: changes.name ?? p.name,
      urn: changes.urn !== undefined ? changes.urn : p.urn,
      provider_kind: changes.providerKind ?? p.provider_kind,
      place_provider: changes.placeProvider !== undefined ? changes.placeProvider : p.place_provider,
      registration_status: changes.registrationStatus ?? p.registration_status,
      registered_for: changes.registeredFor ?? p.registered_for,
      registered_from: changes.registeredFrom !== undefined ? changes.registeredFrom : p.registered_from,
      registered_to: changes.registeredTo !== undefined ? changes.registeredTo : p.registered_to,
      postcode: changes.postcode !== undefined ? (changes.postcode ? normalisePostcode(changes.postcode) : null) : p.postcode,
    };
    checkDates(next.registered_from, next.registered_to);
    await urnTaken(trx, laCode, next.urn, providerId);
    return providerView(await ledger.update('provider', { provider_id: providerId }, next, { fromVersion: version, detail: { fields: Object.keys(changes) } }));
  });
}
