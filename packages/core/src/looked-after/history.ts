// A child's care history, reconstructed from their episodes: periods of care and placements.

import { addCalendarMonths, compareIsoDates, type IsoDate } from '../calendar.ts';

export interface EpisodeRow {
  episodeId: string;
  periodId: string;
  placementId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  reasonNewEpisode: string;
  legalStatus: string;
  categoryOfNeed: string;
  placementType: string;
  placementProvider: string | null;
  providerId: string | null;
  urn: string | null;
  placementPostcode: string | null;
  reasonEnded: string | null;
  reasonPlaceChange: string | null;
}

export interface CareHistory<E extends EpisodeRow = EpisodeRow> {
  periods: {
    periodId: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
    reasonEnded: string | null;
    episodes: E[];
    placements: {
      placementId: string;
      startDate: IsoDate;
      endDate: IsoDate | null;
      placementType: string;
      providerId: string | null;
      urn: string | null;
      reasonChanged: string | null;
    }[];
    legalStatuses: { legalStatus: string; startDate: IsoDate; endDate: IsoDate | null }[];
  }[];
}

/**
 * A child's periods of care, placements and legal statuses from their episodes. A placement
 * runs across episodes that keep it (RNE L); a legal status across episodes that keep it.
 */
export function careHistory<E extends EpisodeRow>(episodes: readonly E[]): CareHistory<E> {
  const sorted = [...episodes].sort(
    (a, b) => compareIsoDates(a.startDate, b.startDate) || compareIsoDates(a.endDate ?? '9999-12-31', b.endDate ?? '9999-12-31'),
  );
  const periods: CareHistory<E>['periods'] = [];
  for (const e of sorted) {
    let period = periods.find((p) => p.periodId === e.periodId);
    if (!period) {
      period = { periodId: e.periodId, startDate: e.startDate, endDate: null, reasonEnded: null, episodes: [], placements: [], legalStatuses: [] };
      periods.push(period);
    }
    period.episodes.push(e);
    period.endDate = e.endDate !== null && e.reasonEnded !== 'X1' ? e.endDate : null;
    period.reasonEnded = e.reasonEnded !== 'X1' ? e.reasonEnded : null;
    const lastPlacement = period.placements.at(-1);
    if (lastPlacement && lastPlacement.placementId === e.placementId) lastPlacement.endDate = e.endDate;
    else {
      const previous = period.episodes.at(-2);
      period.placements.push({
        placementId: e.placementId,
        startDate: e.startDate,
        endDate: e.endDate,
        placementType: e.placementType,
        providerId: e.providerId,
        urn: e.urn,
        reasonChanged: null,
      });
      if (lastPlacement) lastPlacement.reasonChanged = previous?.reasonPlaceChange ?? null;
    }
    const lastStatus = period.legalStatuses.at(-1);
    if (lastStatus && lastStatus.legalStatus === e.legalStatus) lastStatus.endDate = e.endDate;
    else period.legalStatuses.push({ legalStatus: e.legalStatus, startDate: e.startDate, endDate: e.endDate });
  }
  return { periods };
}

/** Placements that started within the year before a day: "3 or more placements in a year" is an Ofsted measure. */
export function placementsInYear(history: CareHistory, asOf: IsoDate): number {
  const yearAgo = addCalendarMonths(asOf, -12);
  return history.periods.flatMap((p) => p.placements).filter((p) => compareIsoDates(p.startDate, yearAgo) > 0 && compareIsoDates(p.startDate, asOf) <= 0)
    .length;
}
