/**
 * How an early help episode begins and ends, as other areas' steps call it inside their own
 * ledger step (the front door's contact and its decision, a referral, a closure with RC9), and
 * the step-down a manager records on a closed child in need episode. A contact or referral for a
 * child in early help, or whose early help ended in the 12 months before, is linked to the
 * episode; a referral accepted while early help is open ends it as a step-up.
 */
import { EARLY_HELP_ROUTE, type EarlyHelpRoute, stepDownRefusal, type stepDown, stepUpLinkFor } from '@lantern/core/early-help';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

async function episodesOf(ledger: Ledger, childId: string) {
  return ledger.db
    .selectFrom('early_help_episode')
    .selectAll()
    .where('la_code', '=', ledger.laCode)
    .where('child_id', '=', childId)
    .orderBy('started_on')
    .forUpdate()
    .execute();
}

const datesOf = (e: { early_help_id: string; started_on: string; ended_on: string | null }) => ({
  earlyHelpId: e.early_help_id,
  startedOn: e.started_on,
  endedOn: e.ended_on,
});

/** Opens an episode (none may be open). Returns its id. */
async function open(
  ledger: Ledger,
  childId: string,
  from: { route: EarlyHelpRoute; startedOn: string; reasons: string; contactId?: string | null; cinEpisodeId?: string | null },
) {
  const row = await insertNew(ledger, 'early_help_episode', {
    child_id: childId,
    started_on: from.startedOn,
    route: from.route,
    contact_id: from.route === 'contact' ? (from.contactId ?? null) : null,
    cin_episode_id: from.route === 'contact' ? null : (from.cinEpisodeId ?? null),
    reasons: from.reasons,
    created_by: ledger.actor?.user.userId ?? null,
  });
  ledger.chronicle({
    occurredOn: from.startedOn,
    childId,
    category: 'early-help',
    summary: `Early help began: ${EARLY_HELP_ROUTE[from.route].toLowerCase()} — ${from.reasons}`,
    recordType: 'early-help-episode',
    recordId: row.early_help_id,
  });
  return row.early_help_id;
}

/** A new contact: linked to the child's early help episode when they are in it or recently were. */
export async function linkContactToEarlyHelp(ledger: Ledger, childId: string, contactId: string, receivedOn: string) {
  const link = stepUpLinkFor((await episodesOf(ledger, childId)).map(datesOf), receivedOn);
  if (!link) return null;
  await insertNew(ledger, 'early_help_step_up', {
    early_help_id: link.episode.earlyHelpId,
    child_id: childId,
    contact_id: contactId,
    cin_episode_id: null,
    linked_on: receivedOn,
    open_then: link.openThen,
  });
  return link.episode.earlyHelpId;
}

/**
 * A referral accepted (from a contact, or recorded directly): an open early help episode ends as
 * stepped up to children's social care, naming the episode the referral opened. A direct referral
 * is linked as a contact is.
 */
export async function stepUpToSocialCare(ledger: Ledger, childId: string, cinEpisodeId: string, referralDate: string, direct: boolean) {
  const episodes = await episodesOf(ledger, childId);
  if (direct) {
    const link = stepUpLinkFor(episodes.map(datesOf), referralDate);
    if (link)
      await insertNew(ledger, 'early_help_step_up', {
        early_help_id: link.episode.earlyHelpId,
        child_id: childId,
        contact_id: null,
        cin_episode_id: cinEpisodeId,
        linked_on: referralDate,
        open_then: link.openThen,
      });
  }
  const current = episodes.find((e) => e.ended_on === null);
  if (!current) return;
  if (referralDate < current.started_on)
    throw invalid([{ field: 'referralDate', rule: 'after-early-help-began', message: `Early help began on ${current.started_on}` }]);
  await ledger.update(
    'early_help_episode',
    { early_help_id: current.early_help_id },
    { ended_on: referralDate, end_outcome: 'stepped-up', end_reasons: 'Referred to children’s social care', stepped_up_episode_id: cinEpisodeId },
    { fromVersion: current.version, detail: { steppedUp: true } },
  );
  ledger.chronicle({
    occurredOn: referralDate,
    childId,
    category: 'early-help',
    summary: 'Early help ended: stepped up to children’s social care',
    recordType: 'early-help-episode',
    recordId: current.early_help_id,
  });
}

/** The front door decided a contact as early help: the child's episode opens (or, already open, carries on). */
export async function earlyHelpFromContact(ledger: Ledger, childId: string, contactId: string, decidedOn: string, reasons: string) {
  const current = (await episodesOf(ledger, childId)).find((e) => e.ended_on === null);
  if (current) return current.early_help_id;
  return open(ledger, childId, { route: 'contact', startedOn: decidedOn, reasons, contactId });
}

/** An episode closed with RC9 (closed after assessment, referred to early help) opens early help. */
export async function earlyHelpFromClosure(ledger: Ledger, childId: string, cinEpisodeId: string, closureDate: string, reasons: string) {
  const current = (await episodesOf(ledger, childId)).find((e) => e.ended_on === null);
  if (current) return current.early_help_id;
  return open(ledger, childId, { route: 'assessment', startedOn: closureDate, reasons, cinEpisodeId });
}

/** A manager steps a closed child in need episode down to early help. */
export async function stepDownToEarlyHelp(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof stepDown>) {
  return step(db, actor, childId, async (ledger) => {
    const cin = await ledger.db
      .selectFrom('cin_episode')
      .select(['closure_date', 'closure_reason'])
      .where('la_code', '=', ledger.laCode)
      .where('episode_id', '=', input.cinEpisodeId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    if (!cin) throw invalid([{ field: 'cinEpisodeId', rule: 'episode-of-child', message: 'Not a child in need episode of this child' }]);
    const episodes = await episodesOf(ledger, childId);
    if (episodes.some((e) => e.cin_episode_id === input.cinEpisodeId))
      throw conflict('This episode was already stepped down to early help', [
        { field: 'cinEpisodeId', rule: 'stepped-down', message: 'Open the early help episode it began' },
      ]);
    const refusal = stepDownRefusal(
      { closureDate: cin.closure_date, closureReason: cin.closure_reason },
      input.startedOn,
      episodes.some((e) => e.ended_on === null),
    );
    if (refusal) throw refusal.rule === 'early-help-open' ? conflict(refusal.message, [refusal]) : invalid([refusal]);
    new DateRules().notInFuture('startedOn', input.startedOn).check();
    const earlyHelpId = await open(ledger, childId, {
      route: 'step-down',
      startedOn: input.startedOn,
      reasons: input.reasons,
      cinEpisodeId: input.cinEpisodeId,
    });
    return { earlyHelpId };
  });
}

/** The child's episode by id, locked for a change; 404 if not theirs. */
export const episodeFor = (ledger: Ledger, childId: string, earlyHelpId: string) =>
  ledger.find('early_help_episode', { early_help_id: earlyHelpId, child_id: childId }, 'early help episode', { lock: true });
