/**
 * Real Herefordshire postcodes for the demo council (reference/postcodes/herefordshire.tsv, the
 * ONS Postcode Directory's 8,453 postcodes in E06000019, November 2025; Open Government Licence),
 * so its SSDA903 return's postcodes are found in the directory and its placement distances derive.
 * The generator keeps drawing the same random numbers as before and turns them into an index here,
 * so nothing else it makes changes.
 */
import { readFileSync } from 'node:fs';
import { referenceFile } from '@lantern/core/reference';

let byDistrict: Map<string, string[]> | null = null;

/** The directory's postcodes by outward code ("HR1"), in its usual written form ("HR1 2AA"). */
function districts(): Map<string, string[]> {
  if (byDistrict) return byDistrict;
  byDistrict = new Map();
  const lines = readFileSync(referenceFile('postcodes/herefordshire.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [fixed, , easting] = line.split('\t');
    // Only postcodes with a grid reference: a distance must be derivable from each.
    if (!fixed || !easting) continue;
    const compact = fixed.replace(/\s+/g, '');
    const written = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
    const outward = compact.slice(0, -3);
    if (!byDistrict.has(outward)) byDistrict.set(outward, []);
    byDistrict.get(outward)!.push(written);
  }
  return byDistrict;
}

/** A real postcode of the district ("HR1"), or of Hereford's HR1 when the district has none; `draw` picks which. */
export function herefordshirePostcode(district: string, draw: number): string {
  const list = districts().get(district) ?? districts().get('HR1')!;
  return list[Math.abs(Math.trunc(draw)) % list.length]!;
}
