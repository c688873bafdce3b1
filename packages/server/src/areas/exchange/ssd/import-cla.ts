/** The looked-after and care leaver records of an SSD extract as Lantern's rows (see import-rows.ts). */
import type { PlanContext } from './import-rows.ts';

export function planLookedAfter(c: PlanContext): void {
  const { laCode, actorId, rows, id, skip, event, childOf, oneOpen, dob, moment, ageOn, sets } = c;
  const table = (object: string) => c.extract.tables.get(object) ?? [];

  const placements = new Map(table('ssd_cla_placement').map((r) => [id('placement', r.clap_cla_placement_id ?? ''), r]));
  const legal = new Map<string, { id: string; status: string; start: string; end: string | null }[]>();
  for (const r of table('ssd_legal_status')) {
    const p = id('person', r.lega_person_id ?? '');
    legal.set(p, [
      ...(legal.get(p) ?? []),
      {
        id: r.lega_legal_status_id ?? '',
        status: r.lega_legal_status ?? '',
        start: r.lega_legal_status_start_date ?? '',
        end: r.lega_legal_status_end_date || null,
      },
    ]);
  }
  // The latest episode of each placement carries the placement's change reason.
  const latestOf = new Map<string, { start: string; id: string }>();
  for (const r of table('ssd_cla_episodes')) {
    const placement = id('placement', r.clae_cla_placement_id || (r.clae_cla_episode_id ?? ''));
    const start = r.clae_cla_episode_start_date ?? '';
    const episode = id('cla-episode', r.clae_cla_episode_id ?? '');
    const known = latestOf.get(placement);
    if (!known || start > known.start || (start === known.start && episode > known.id)) latestOf.set(placement, { start, id: episode });
  }
  const periods = new Map<string, { child: string; spans: { start: string; end: string | null }[] }>();
  for (const r of table('ssd_cla_episodes')) {
    const child = childOf('ssd_cla_episodes', r, 'clae_person_id', 'clae_cla_episode_id');
    if (!child) continue;
    const episodeId = id('cla-episode', r.clae_cla_episode_id ?? '');
    const placementId = id('placement', r.clae_cla_placement_id || (r.clae_cla_episode_id ?? ''));
    const periodId = id('period', r.clae_cla_id || (r.clae_cla_episode_id ?? ''));
    const start = r.clae_cla_episode_start_date ?? '';
    const end = r.clae_cla_episode_ceased_date || null;
    const place = placements.get(placementId);
    const status =
      (legal.get(child) ?? []).find((l) => l.id === r.clae_cla_episode_id) ??
      (legal.get(child) ?? []).filter((l) => l.start && l.start <= start && (!l.end || l.end >= start)).sort((a, b) => (a.start < b.start ? 1 : -1))[0];
    const why = !start
      ? 'No start date'
      : !sets.RNE.has(r.clae_cla_episode_start_reason ?? '')
        ? `Start reason "${r.clae_cla_episode_start_reason}" is not an SSDA903 RNE (S, L, P, T, B, U)`
        : !sets.NEED.has(r.clae_cla_primary_need_code ?? '')
          ? `Category of need "${r.clae_cla_primary_need_code}" is not N1–N8`
          : !place?.clap_cla_placement_type
            ? `Its placement ${r.clae_cla_placement_id} is not in ssd_cla_placement with a placement type`
            : !status?.status
              ? 'No legal status in ssd_legal_status covers its start'
              : !!end !== !!r.clae_cla_episode_ceased_reason
                ? 'A ceased date needs a ceased reason, and a reason a date'
                : end && end < start
                  ? 'Ends before it starts'
                  : !oneOpen('cla', child, end)
                    ? 'A second open episode of care for the child'
                    : null;
    if (why || !place || !status) {
      skip('ssd_cla_episodes', r, 'clae_cla_episode_id', why ?? 'Not placed');
      continue;
    }
    const period = periods.get(periodId) ?? { child, spans: [] };
    period.spans.push({ start, end });
    periods.set(periodId, period);
    const provider = place.clap_cla_placement_provider ?? '';
    rows.cla_episode.push({
      la_code: laCode,
      cla_episode_id: episodeId,
      child_id: child,
      period_id: periodId,
      placement_id: placementId,
      start_date: start,
      reason_new_episode: r.clae_cla_episode_start_reason,
      legal_status: status.status,
      category_of_need: r.clae_cla_primary_need_code,
      placement_type: place.clap_cla_placement_type,
      placement_provider: sets.PROVIDER.has(provider) ? provider : null,
      urn: place.clap_cla_placement_urn || null,
      placement_postcode: place.clap_cla_placement_postcode || null,
      end_date: end,
      reason_ended: end ? r.clae_cla_episode_ceased_reason : null,
      reason_place_change: latestOf.get(placementId)?.id === episodeId ? place.clap_cla_placement_change_reason || null : null,
      recorded_by: actorId,
    });
    event(
      child,
      start,
      'looked-after',
      r.clae_cla_episode_start_reason === 'S' ? 'Became looked after' : 'Looked-after episode began',
      'cla-episode',
      episodeId,
    );
  }
  const periodOf = (child: string, on: string) =>
    [...periods.entries()].find(([, p]) => p.child === child && p.spans.some((s) => s.start <= on && (!s.end || s.end >= on)))?.[0] ?? null;

  for (const r of table('ssd_cla_reviews')) {
    const periodId = id('period', r.clar_cla_id ?? '');
    const period = periods.get(periodId);
    const why = !period
      ? `clar_cla_id ${r.clar_cla_id} is not a period of care in ssd_cla_episodes`
      : r.clar_cla_review_cancelled === 'Y'
        ? 'A cancelled review: Lantern records reviews that were held'
        : !r.clar_cla_review_date
          ? 'No review date (a review not yet held is a deadline, which Lantern derives)'
          : !sets.PN.has(r.clar_cla_review_participation ?? '')
            ? `Participation "${r.clar_cla_review_participation}" is not PN0–PN7`
            : null;
    if (why || !period) {
      skip('ssd_cla_reviews', r, 'clar_cla_review_id', why ?? 'Not placed');
      continue;
    }
    const reviewId = id('cla-review', r.clar_cla_review_id ?? '');
    rows.cla_review.push({
      la_code: laCode,
      review_id: reviewId,
      child_id: period.child,
      period_id: periodId,
      held_on: r.clar_cla_review_date,
      participation: r.clar_cla_review_participation,
      recorded_by: actorId,
    });
    event(period.child, r.clar_cla_review_date as string, 'review', 'Looked-after review', 'cla-review', reviewId);
  }

  for (const r of table('ssd_missing')) {
    const child = childOf('ssd_missing', r, 'miss_person_id', 'miss_table_id');
    if (!child) continue;
    const from = r.miss_missing_episode_start_date ? moment(r.miss_missing_episode_start_date) : null;
    const to = r.miss_missing_episode_end_date ? moment(r.miss_missing_episode_end_date) : null;
    const kind = r.miss_missing_episode_type ?? '';
    const why = !from
      ? 'No start'
      : kind !== 'M' && kind !== 'A'
        ? `Type "${kind}" is not M (missing) or A (away without authorisation)`
        : to && to < from
          ? 'Ends before it starts'
          : null;
    if (why || !from) {
      skip('ssd_missing', r, 'miss_table_id', why ?? 'No start');
      continue;
    }
    const missingId = id('missing', r.miss_table_id ?? '');
    const offered = r.miss_missing_rhi_offered === 'Y' && to;
    rows.missing_episode.push({
      la_code: laCode,
      missing_id: missingId,
      child_id: child,
      period_id: periodOf(child, c.londonDay(from)),
      kind,
      started_at: from.toISOString(),
      ended_at: to ? to.toISOString() : null,
      rhi_offered_at: offered ? to.toISOString() : null,
      rhi_accepted: r.miss_missing_rhi_accepted === 'Y' ? true : r.miss_missing_rhi_accepted === 'N' ? false : null,
      recorded_by: actorId,
    });
    event(child, c.londonDay(from), 'missing', kind === 'M' ? 'Missing' : 'Away from placement without authorisation', 'missing-episode', missingId);
  }

  for (const r of table('ssd_care_leavers')) {
    const child = childOf('ssd_care_leavers', r, 'clea_person_id', 'clea_table_id');
    if (!child) continue;
    const category = r.clea_care_leaver_eligibility ?? '';
    if (!sets.LEAVER.has(category)) {
      skip('ssd_care_leavers', r, 'clea_table_id', `Eligibility "${category}" is not eligible, relevant, former-relevant or qualifying`);
      continue;
    }
    const born = dob.get(child) ?? null;
    const sixteen = born ? `${Number(born.slice(0, 4)) + 16}${born.slice(4)}` : r.clea_care_leaver_latest_contact || c.today;
    rows.care_leaver.push({ la_code: laCode, child_id: child, category, eligible_from: sixteen, created_by: actorId });
    const contact = r.clea_care_leaver_latest_contact;
    if (contact) {
      const age = born ? ageOn(born, contact) : null;
      const birthday = age === null ? null : Math.min(21, Math.max(17, age));
      if (birthday === null || age === null || age < 16 || age > 22 || !sets.IN_TOUCH.has(r.clea_care_leaver_in_touch ?? ''))
        skip(
          'ssd_care_leavers',
          r,
          'clea_table_id',
          'The latest contact is kept only for a young person aged 17 to 21 with in-touch YES, NO, DIED, REFU, NREQ or RHOM',
        );
      else
        rows.leaver_birthday_contact.push({
          la_code: laCode,
          child_id: child,
          birthday_age: birthday,
          contact_on: contact,
          in_touch: r.clea_care_leaver_in_touch,
          activity: r.clea_care_leaver_activity || '0',
          accommodation: r.clea_care_leaver_accommodation || '0',
          created_by: actorId,
        });
    }
    if (r.clea_pathway_plan_review_date)
      rows.pathway_plan.push({
        la_code: laCode,
        pathway_id: id('pathway', r.clea_table_id ?? ''),
        child_id: child,
        kind: 'review',
        held_on: r.clea_pathway_plan_review_date,
        created_by: actorId,
      });
    event(child, sixteen, 'care-leaver', `Leaving care: ${category}`, 'care-leaver', child);
  }
}
