/**
 * The placement facts the DfE derives from the ONS Postcode Directory (ONSPD): PL_LA (the council the
 * placement postcode is in), PL_LOCATION (IN or OUT of the return's council) and PL_DISTANCE (miles
 * between HOME_POST and PL_POST). The directory is data handed in by the caller (a file or the
 * database); this module only reads it.
 */
import type { Ssda903Return } from './model.ts';

/** One postcode of the directory: its council (ONS code) and OS grid reference in metres (NaN unknown). */
export interface PostcodePlace {
  laCode: string;
  easting: number;
  northing: number;
}
/** The directory, keyed by postcode in capitals without spaces (`HR12AA`). */
export type PostcodeDirectory = ReadonlyMap<string, PostcodePlace>;

export const postcodeKey = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();

/** PL_LA from the directory's council code: outside England, the country (SCO, WAL, NIR) as the DfE codes it. */
export function placementLa(laCode: string): string {
  if (laCode.startsWith('S')) return 'SCO';
  if (laCode.startsWith('W')) return 'WAL';
  if (laCode.startsWith('N')) return 'NIR';
  return laCode;
}

/** Miles between two grid references, to one decimal place, by the DfE's formula (metres / 1000 / 1.6093). */
export function distanceMiles(a: PostcodePlace, b: PostcodePlace): number {
  const metres = Math.hypot(a.easting - b.easting, a.northing - b.northing);
  return Math.round((metres / 1000 / 1.6093) * 10) / 10;
}

export interface DerivedPlacements {
  /** Whether HOME_POST / PL_POST was found in the directory. */
  homeFound: Uint8Array;
  placeFound: Uint8Array;
  /** PL_LA per episode ('' when PL_POST is blank or not in the directory). */
  plLa: string[];
  /** IN, OUT, or '' when PL_LA is unknown. */
  plLocation: string[];
  /** PL_DISTANCE in miles, NaN when either postcode is unknown or has no grid reference. */
  distance: Float64Array;
}

/** Derive the placement facts for every episode of this year's return (or last year's with `last`). */
export function derivePlacements(
  episodes: { home: readonly string[]; place: readonly string[] },
  directory: PostcodeDirectory,
  laCode: string | undefined,
): DerivedPlacements {
  const n = episodes.home.length;
  const out: DerivedPlacements = {
    homeFound: new Uint8Array(n),
    placeFound: new Uint8Array(n),
    plLa: new Array<string>(n).fill(''),
    plLocation: new Array<string>(n).fill(''),
    distance: new Float64Array(n).fill(Number.NaN),
  };
  // Each postcode as written looked up once: a placement's postcode repeats over its episodes.
  const found = new Map<string, PostcodePlace | undefined>();
  const lookUp = (p: string | undefined) => {
    if (!p) return undefined;
    if (!found.has(p)) found.set(p, directory.get(postcodeKey(p)));
    return found.get(p);
  };
  for (let i = 0; i < n; i++) {
    const home = lookUp(episodes.home[i]);
    const place = lookUp(episodes.place[i]);
    if (home) out.homeFound[i] = 1;
    if (place) {
      out.placeFound[i] = 1;
      if (place.laCode) {
        const la = placementLa(place.laCode);
        out.plLa[i] = la;
        out.plLocation[i] = la === laCode ? 'IN' : 'OUT';
      }
    }
    if (home && place && Number.isFinite(home.easting + home.northing + place.easting + place.northing)) out.distance[i] = distanceMiles(home, place);
  }
  return out;
}

/** This year's derived placements, computed once per return; undefined without a directory. */
export function placements(r: Ssda903Return): DerivedPlacements | undefined {
  const dir = r.postcodes;
  if (!dir) return undefined;
  return r.derived('placements', () => derivePlacements({ home: r.col('Episodes', 'HOME_POST'), place: r.col('Episodes', 'PL_POST') }, dir, r.laCode));
}

/** Last year's derived placements (the return's `--previous` Episodes); undefined without a directory. */
export function placementsLastYear(r: Ssda903Return): DerivedPlacements | undefined {
  const dir = r.postcodes;
  if (!dir) return undefined;
  return r.derived('placementsLast', () =>
    derivePlacements({ home: r.lastCol('Episodes', 'HOME_POST'), place: r.lastCol('Episodes', 'PL_POST') }, dir, r.laCode),
  );
}
