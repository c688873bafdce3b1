/** Partners' contributions to strategy discussions and conferences: invited, attended, report sent. */
import { agencyOf, type meetingContributions, missingAgencies, type PartnerType } from '@lantern/core/partners';
import { AGENCY } from '@lantern/core/pathway';
import type { Kysely } from 'kysely';
import { step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import type { In } from './shared.ts';

// ---------------------------------------------------------------------------
// Contributions to strategy discussions and conferences

export async function childMeetings(db: Kysely<Database>, laCode: string, childId: string) {
  const [discussions, conferences, contributions] = await Promise.all([
    db.selectFrom('strategy_discussion').select(['strategy_id', 'held_on', 'agencies']).where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
    db.selectFrom('cp_conference').select(['conference_id', 'held_on', 'kind']).where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
    db
      .selectFrom('meeting_contribution as m')
      .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'm.la_code').onRef('o.organisation_id', '=', 'm.organisation_id'))
      .select(['m.meeting_kind', 'm.meeting_id', 'm.organisation_id', 'o.name', 'o.partner_type', 'm.invited', 'm.attended', 'm.report_sent_on', 'm.notes'])
      .where('m.la_code', '=', laCode)
      .where('m.child_id', '=', childId)
      .orderBy('o.name')
      .execute(),
  ]);
  const of = (kind: string, id: string) =>
    contributions
      .filter((c) => c.meeting_kind === kind && c.meeting_id === id)
      .map((c) => ({
        organisationId: c.organisation_id,
        organisationName: c.name,
        agency: agencyOf(c.partner_type as PartnerType),
        invited: c.invited,
        attended: c.attended,
        reportSentOn: c.report_sent_on,
        notes: c.notes,
      }));
  const meetings = [
    ...discussions.map((d) => {
      const contributions = of('strategy-discussion', d.strategy_id);
      const present = [...d.agencies, ...contributions.filter((c) => c.attended).map((c) => c.agency)];
      return {
        meetingKind: 'strategy-discussion' as const,
        meetingId: d.strategy_id,
        heldOn: d.held_on,
        label: 'Strategy discussion',
        contributions,
        missingAgencies: missingAgencies(present).map((a) => AGENCY[a as keyof typeof AGENCY]),
      };
    }),
    ...conferences.map((c) => {
      const contributions = of('conference', c.conference_id);
      const present = contributions.filter((x) => x.attended).map((x) => x.agency);
      return {
        meetingKind: 'conference' as const,
        meetingId: c.conference_id,
        heldOn: c.held_on,
        label: c.kind === 'initial' ? 'Initial child protection conference' : 'Review child protection conference',
        contributions,
        missingAgencies: missingAgencies(present).map((a) => AGENCY[a as keyof typeof AGENCY]),
      };
    }),
  ];
  return meetings.sort((a, b) => b.heldOn.localeCompare(a.heldOn));
}

export async function recordContributions(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  meetingKind: 'strategy-discussion' | 'conference',
  meetingId: string,
  input: In<typeof meetingContributions>,
) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const meeting =
      meetingKind === 'conference'
        ? await ledger.find('cp_conference', { conference_id: meetingId, child_id: childId }, 'conference')
        : await ledger.find('strategy_discussion', { strategy_id: meetingId, child_id: childId }, 'strategy discussion');
    const ids = input.contributions.map((c) => c.organisationId);
    if (new Set(ids).size !== ids.length) throw invalid([{ field: 'contributions', rule: 'unique-organisation', message: 'Name each organisation once' }]);
    const orgs = await trx
      .selectFrom('partner_organisation')
      .select(['organisation_id', 'name'])
      .where('la_code', '=', laCode)
      .where('organisation_id', 'in', ids)
      .execute();
    const errors = input.contributions.flatMap((c, i) => {
      const out = [];
      if (!orgs.some((o) => o.organisation_id === c.organisationId))
        out.push({ field: `contributions.${i}.organisationId`, rule: 'exists', message: 'Choose a partner organisation from the register' });
      if (c.attended && !c.invited)
        out.push({ field: `contributions.${i}.invited`, rule: 'attended-means-invited', message: 'Someone who attended was invited' });
      return out;
    });
    if (errors.length) throw invalid(errors);
    // One contribution per organisation and meeting: recorded again, it is changed in place.
    const recorded = await trx
      .selectFrom('meeting_contribution')
      .select(['contribution_id', 'organisation_id'])
      .where('la_code', '=', laCode)
      .where('meeting_kind', '=', meetingKind)
      .where('meeting_id', '=', meetingId)
      .forUpdate()
      .execute();
    const detail = { meetingKind, meetingId };
    for (const c of input.contributions) {
      const values = {
        invited: c.invited,
        attended: c.attended,
        report_sent_on: c.reportSentOn ?? null,
        notes: c.notes ?? null,
        recorded_by: actor.user.userId,
      };
      const before = recorded.find((r) => r.organisation_id === c.organisationId);
      if (before) await ledger.update('meeting_contribution', { contribution_id: before.contribution_id }, { ...values, recorded_at: new Date() }, { detail });
      else
        await insertNew(
          ledger,
          'meeting_contribution',
          {
            child_id: childId,
            meeting_kind: meetingKind,
            meeting_id: meetingId,
            organisation_id: c.organisationId,
            ...values,
          },
          { detail },
        );
    }
    const name = (id: string) => orgs.find((o) => o.organisation_id === id)?.name ?? id;
    const attended = input.contributions.filter((c) => c.attended).map((c) => name(c.organisationId));
    const absent = input.contributions.filter((c) => c.invited && !c.attended).map((c) => name(c.organisationId));
    const reports = input.contributions.filter((c) => c.reportSentOn).map((c) => name(c.organisationId));
    ledger.chronicle({
      occurredOn: meeting.held_on,
      category: 'partner-contribution',
      summary: `Partners at the ${meetingKind === 'conference' ? 'conference' : 'strategy discussion'}: attended ${attended.join(', ') || 'none'}${absent.length ? `; invited, did not attend: ${absent.join(', ')}` : ''}${reports.length ? `; reports from ${reports.join(', ')}` : ''}`,
      recordType: meetingKind,
      recordId: meetingId,
    });
    return { meetingId, recorded: input.contributions.length };
  });
}
