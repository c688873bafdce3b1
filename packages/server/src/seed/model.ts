/**
 * What the generator's parts share: the child being generated and where their case stands, the
 * adults around them, the phases of a case, the generator's settings, and small helpers. The
 * council generator (generate.ts), its case histories (case-history.ts) and the casework
 * generators (pathways.ts, permanence.ts) import these from here, so none imports generate.ts.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';
import type { Pool } from './workforce.ts';

/**
 * Where a child's case stands, kept in memory while generating: allocations and chronology follow
 * it, and later stages (episodes, plans, placements) build on it.
 */
export type CaseStatus = 'cin' | 'cp' | 'cla' | 'care-leaver' | 'closed';

export type SeedChild = {
  personId: string;
  laChildId: string;
  givenName: string;
  familyName: string;
  sex: 'M' | 'F' | 'U';
  /** Day numbers (days since 1970-01-01); null when not applicable. */
  dob: number | null;
  expectedDob: number | null;
  status: CaseStatus;
  caseStart: number;
  caseEnd: number | null;
  /** When the child became looked after (looked-after children and care leavers). */
  lookedAfterFrom: number | null;
  /** When the child's child protection phase began (children on plans). */
  protectionFrom: number | null;
  /** The day the child died (a few closed cases). */
  dateOfDeath: number | null;
  uasc: boolean;
  /** One of the children who have had several social workers in the last year. */
  manyWorkers: boolean;
  /** An open case with no allocated social worker today. */
  unallocated: boolean;
};

export type AdultRole = 'mother' | 'father' | 'step-parent' | 'grandparent';
export type Adult = { personId: string; role: AdultRole; resident: boolean; sex: 'M' | 'F'; givenName: string; familyName: string; dob: number };

export type Segment = { start: number; pool: Pool; endKind: 'transfer' | 'left' | 'realloc'; worker: number };

export type GeneratorConfig = { laCode: string; laNumber: string; councilName: string; total: number; seed: number; asOf: number };

/** FNV-1a: a small stable number from a string, to separate generator streams. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** What a child calls the adult at home, for the notes. */
export function carerWord(a: Adult): string {
  switch (a.role) {
    case 'mother':
      return 'mum';
    case 'father':
      return 'dad';
    case 'step-parent':
      return a.sex === 'M' ? 'step-dad' : 'step-mum';
    case 'grandparent':
      return a.sex === 'F' ? 'nan' : 'grandad';
  }
}

/** The rows a part of the generator fills: one array per table of its list (in insert order). */
export type RowsOf<T extends readonly (keyof Database & string)[]> = { [K in T[number]]: Insertable<Database[K]>[] };

/** An empty array for each table of the list. */
export function emptyRowsOf<T extends readonly (keyof Database & string)[]>(tables: T): RowsOf<T> {
  return Object.fromEntries(tables.map((t) => [t, []])) as unknown as RowsOf<T>;
}
