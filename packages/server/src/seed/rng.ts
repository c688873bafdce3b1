/**
 * A small, fast, seeded random generator (sfc32, seeded through splitmix32) and the helpers the
 * synthetic council generator draws from. Same seed, same sequence, on every platform: the
 * generator never touches Math.random or crypto.
 */
import { civilFromDays } from '@lantern/core/calendar';

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Each byte's two lower-case hex digits, as character codes (its first digit, its second). */
const HEX_HIGH = Uint16Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').charCodeAt(0));
const HEX_LOW = Uint16Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').charCodeAt(1));
const DASH = 45;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` separates independent sequences drawn from one seed (ids, people, workforce...). */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca77)) >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 15; i++) this.u32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * A random v4-shaped UUID made from this generator's numbers: its 36 characters made as one string
   * (joined two hex digits at a time, it was some twenty intermediate strings, flattened again when
   * written: at 10,000 children 354 of the generator's 784 MB allocated).
   */
  uuid(): string {
    const w0 = this.u32();
    const w1 = this.u32();
    const w2 = this.u32();
    const w3 = this.u32();
    const b6 = ((w1 >>> 8) & 0x0f) | 0x40; // version 4
    const b8 = (w2 & 0x3f) | 0x80; // RFC 4122 variant
    const a0 = w0 >>> 24;
    const a1 = (w0 >>> 16) & 255;
    const a2 = (w0 >>> 8) & 255;
    const a3 = w0 & 255;
    const a4 = w1 >>> 24;
    const a5 = (w1 >>> 16) & 255;
    const a7 = w1 & 255;
    const a9 = (w2 >>> 8) & 255;
    const a10 = (w2 >>> 16) & 255;
    const a11 = w2 >>> 24;
    const a12 = w3 >>> 24;
    const a13 = (w3 >>> 16) & 255;
    const a14 = (w3 >>> 8) & 255;
    const a15 = w3 & 255;
    const H = HEX_HIGH;
    const L = HEX_LOW;
    // biome-ignore format: the 36 characters, in the groups of a UUID
    return String.fromCharCode(
      H[a0]!, L[a0]!, H[a1]!, L[a1]!, H[a2]!, L[a2]!, H[a3]!, L[a3]!, DASH,
      H[a4]!, L[a4]!, H[a5]!, L[a5]!, DASH,
      H[b6]!, L[b6]!, H[a7]!, L[a7]!, DASH,
      H[b8]!, L[b8]!, H[a9]!, L[a9]!, DASH,
      H[a10]!, L[a10]!, H[a11]!, L[a11]!, H[a12]!, L[a12]!, H[a13]!, L[a13]!, H[a14]!, L[a14]!, H[a15]!, L[a15]!,
    );
  }
}

/** Picks from weighted options in O(log n): build once, draw many times. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedPicker needs one weight per item, and at least one item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i] as number);
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('WeightedPicker needs a positive total weight');
    this.total = sum;
  }

  static of<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      entries.map((e) => e[0]),
      entries.map((e) => e[1]),
    );
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// Dates as whole days since 1970-01-01 (UTC): cheap to add to and compare.
const MS_PER_DAY = 86_400_000;

/** Each ISO date's day, found once: the later seeds read the same few thousand dates back from the database. */
const daysOfIso = new Map<string, number>();

export function dayOf(iso: string): number {
  const date = iso.slice(0, 10);
  let day = daysOfIso.get(date);
  if (day === undefined) {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(ms)) throw new Error(`Not an ISO date: ${iso}`);
    day = Math.floor(ms / MS_PER_DAY);
    daysOfIso.set(date, day);
  }
  return day;
}

/**
 * Each day's ISO date, made once: the generator asks for the same few thousand days a million
 * times. Days from 1900 to 2100 sit in an array by their number (a Map's lookup cost a tenth of the
 * generator's own CPU at 10,000 children); any other day in a Map.
 */
const FIRST_DAY = -25_567; // 1900-01-01
const LAST_DAY = 47_482; // 2099-12-31
const isoByDay: (string | undefined)[] = new Array(LAST_DAY - FIRST_DAY + 1).fill(undefined);
const isoDays = new Map<number, string>();

export function isoOf(day: number): string {
  if (day >= FIRST_DAY && day <= LAST_DAY && Number.isInteger(day)) {
    let iso = isoByDay[day - FIRST_DAY];
    if (iso === undefined) {
      iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      isoByDay[day - FIRST_DAY] = iso;
    }
    return iso;
  }
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoDays.set(day, iso);
  }
  return iso;
}

/** Each time of day to the minute, as a timestamp ends ("09:30:00.000Z"), by hour * 60 + minute. */
const clockTimes = Array.from({ length: 24 * 60 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`);

/** A timestamp on that day at hour:minute UTC, as an ISO string. */
export function timestampOf(day: number, hour: number, minute: number): string {
  // A whole day of a four-digit year and a time within it (nearly always): the date's string and the clock's, as toISOString writes them.
  if (Number.isInteger(day) && Number.isInteger(hour) && Number.isInteger(minute) && hour >= 0 && hour < 24 && minute >= 0 && minute < 60) {
    const iso = isoOf(day);
    if (iso[4] === '-') return `${iso}T${clockTimes[hour * 60 + minute]}`;
  }
  return new Date(day * MS_PER_DAY + hour * 3_600_000 + minute * 60_000).toISOString();
}

/** The day someone born on `dob` turns `years` (29 February birthdays fall on 1 March). */
export function birthday(dob: number, years: number): number {
  if (!Number.isInteger(dob)) {
    const d = new Date(dob * MS_PER_DAY);
    return Math.floor(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY);
  }
  // Core's civil_from_days: exact for every day, as Date's UTC fields, without a Date made for each question.
  const b = civilFromDays(dob);
  return Math.floor(Date.UTC(b.year + years, b.month - 1, b.day) / MS_PER_DAY);
}

/** Whole years of age on `day`. */
export function ageOn(dob: number, day: number): number {
  if (!Number.isInteger(dob) || !Number.isInteger(day)) {
    const b = new Date(dob * MS_PER_DAY);
    const t = new Date(day * MS_PER_DAY);
    let age = t.getUTCFullYear() - b.getUTCFullYear();
    if (t.getUTCMonth() < b.getUTCMonth() || (t.getUTCMonth() === b.getUTCMonth() && t.getUTCDate() < b.getUTCDate())) age--;
    return age;
  }
  const b = civilFromDays(dob);
  const t = civilFromDays(day);
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age--;
  return age;
}
