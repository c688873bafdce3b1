/**
 * The people of the synthetic council: each child (identifiers, age for their kind of case, when
 * the case started and ended), the adults around them and everyone's addresses. The council
 * generator (council-generator.ts) makes households of them; same seed, same people.
 */
import { nhsNumberFromNineDigits, upnFromParts } from '@lantern/core/identifiers';
import type { Disability, Ethnicity } from '@lantern/core/codes';
import type { Insertable } from 'kysely';
import type { AddressTable, PersonTable } from '../kernel/db/schema.ts';
import { DISABILITIES, ETHNICITIES, type NamePools, type SyntheticAddress, syntheticAddress } from './pools.ts';
import { birthday, dayOf, isoOf, type Rng, timestampOf, WeightedPicker } from './rng.ts';
import type { Adult, AdultRole, CaseStatus, GeneratorConfig, SeedChild } from './model.ts';

/** The rows a household's people fill. */
export type PeopleRows = { person: Insertable<PersonTable>[]; address: Insertable<AddressTable>[] };

type Band = readonly [number, number];
/** The age bands a child's age is drawn from, each status weighting them its own way. */
const AGES: readonly Band[] = [
  [0, 4],
  [5, 9],
  [10, 15],
  [16, 17],
];
const byAge = (weights: readonly [number, number, number, number]) =>
  WeightedPicker.of<Band>(AGES.map((band, i): readonly [Band, number] => [band, weights[i] as number]));
const AGE_BANDS: Record<'cin' | 'cp' | 'cla' | 'closed', WeightedPicker<Band>> = {
  cin: byAge([25, 27, 36, 12]),
  cp: byAge([36, 29, 30, 5]),
  cla: byAge([17, 18, 38, 27]),
  closed: byAge([27, 26, 35, 12]),
};

/** How long ago an open case started, in days. */
const CASE_LENGTH: Record<'default' | 'cla', WeightedPicker<Band>> = {
  default: WeightedPicker.of<Band>([
    [[3, 59], 13],
    [[60, 364], 32],
    [[365, 1094], 35],
    [[1095, 3650], 20],
  ]),
  cla: WeightedPicker.of<Band>([
    [[3, 59], 5],
    [[60, 364], 20],
    [[365, 1094], 35],
    [[1095, 5400], 40],
  ]),
};

/** Chance an open child in a case long enough is one of the "many social workers" children. */
const CHURN_CHANCE = 0.27;
const UNALLOCATED_CHANCE = 0.012;

/** Makes the council's people in order, numbering children and drawing UPNs and NHS numbers as it goes. */
export class People {
  childrenMade = 0;
  adultsMade = 0;

  private readonly rng: Rng;
  private readonly ids: Rng;
  private readonly names: NamePools;
  private readonly cfg: GeneratorConfig;
  private readonly asOf: number;
  private readonly childIdPrefix: string;
  private readonly childIdWidth: number;
  private readonly schoolEntryCutoff: number;
  private readonly nSchools: number;
  private upnCounter = 0;
  private nhsCounter = 0;
  private readonly nhsOffset: number;

  constructor(cfg: GeneratorConfig, streams: { rng: Rng; ids: Rng; names: NamePools; nhsOffset: number; childIdPrefix: string }) {
    this.cfg = cfg;
    this.asOf = cfg.asOf;
    this.rng = streams.rng;
    this.ids = streams.ids;
    this.names = streams.names;
    this.nhsOffset = streams.nhsOffset;
    this.childIdPrefix = streams.childIdPrefix;
    this.childIdWidth = Math.max(6, String(cfg.total).length);
    // Children born on or before 31 August four years before this school year started are at school.
    const asOfDate = new Date(cfg.asOf * 86_400_000);
    const schoolYearStart = asOfDate.getUTCMonth() >= 8 ? asOfDate.getUTCFullYear() : asOfDate.getUTCFullYear() - 1;
    this.schoolEntryCutoff = dayOf(`${schoolYearStart - 4}-08-31`);
    this.nSchools = Math.min(7999, Math.max(60, Math.ceil(cfg.total / 400)));
  }

  makeChild(rows: PeopleRows, status: CaseStatus, householdName: string, householdEthnicity: Ethnicity, uasc: boolean): SeedChild {
    const { rng, names, asOf, cfg } = this;
    this.childrenMade++;
    const laChildId = `${this.childIdPrefix}${String(this.childrenMade).padStart(this.childIdWidth, '0')}`;
    const personId = this.ids.uuid();
    const unborn = !uasc && ((status === 'cin' && rng.chance(0.008)) || (status === 'cp' && rng.chance(0.04)));

    let sex: 'M' | 'F' | 'U';
    let dob: number | null = null;
    let expectedDob: number | null = null;
    if (unborn) {
      sex = 'U';
      expectedDob = asOf + rng.between(14, 160);
    } else {
      // A child's sex is known once they are looked after (903 rule 232); rarely unknown otherwise.
      const unknown = rng.chance(0.002) && status !== 'cla' && status !== 'care-leaver';
      sex = uasc ? (rng.chance(0.92) ? 'M' : 'F') : unknown ? 'U' : rng.chance(0.52) ? 'M' : 'F';
      let years: number;
      if (status === 'care-leaver') years = rng.between(18, 21);
      else if (uasc) years = rng.between(16, 17);
      else {
        const [lo, hi] = AGE_BANDS[status].pick(rng);
        years = rng.between(lo, hi);
      }
      dob = birthday(asOf - 1 - rng.int(364), -years);
    }
    const givenName = unborn ? 'Unborn' : rng.pick(sex === 'M' ? names.male : sex === 'F' ? names.female : rng.chance(0.5) ? names.male : names.female);
    const otherNames = !unborn && rng.chance(0.3) ? rng.pick(sex === 'F' ? names.female : names.male) : null;
    const familyName = rng.chance(0.9) ? householdName : rng.pick(names.family);
    const ethnicity = uasc ? householdEthnicity : rng.chance(0.95) ? householdEthnicity : ETHNICITIES.pick(rng);

    // The case: when it started, whether it has ended, and how it has been held.
    const child: SeedChild = {
      personId,
      laChildId,
      givenName,
      familyName,
      sex,
      dob,
      expectedDob,
      status,
      caseStart: asOf,
      caseEnd: null,
      lookedAfterFrom: null,
      protectionFrom: null,
      dateOfDeath: null,
      uasc,
      manyWorkers: false,
      unallocated: false,
    };
    this.planCase(child);

    // Identifiers. A UPN once at school; "UN1" before; NHS numbers from the 999 test range.
    let upn: string | null = null;
    let upnUnknown: string | null = null;
    if (dob === null || dob > this.schoolEntryCutoff) upnUnknown = 'UN1';
    else if (uasc && rng.chance(0.5)) upnUnknown = 'UN3';
    else if (rng.chance(0.97)) upn = this.nextUpn(dob);
    // UN4 ("not yet obtained") is only for a child newly looked after (903 rule 210); the rest are UN5.
    else upnUnknown = 'UN5';
    const nhs = dob === null || rng.chance(uasc ? 0.25 : 0.03) ? null : this.nextNhsNumber();

    let disabilities: Disability[] = ['NONE'];
    if (!unborn && rng.chance(0.1)) {
      const first = DISABILITIES.pick(rng);
      const second = rng.chance(0.25) ? DISABILITIES.pick(rng) : first;
      disabilities = second === first ? [first] : [first, second];
    }
    const restricted = rng.chance(0.005);
    const died = status === 'closed' && dob !== null && child.caseEnd !== null && child.caseEnd >= dob && rng.chance(0.004);
    if (died) child.dateOfDeath = child.caseEnd;
    const created = timestampOf(child.caseStart, rng.between(8, 17), rng.int(60));

    const row = {
      la_code: cfg.laCode,
      person_id: personId,
      is_child: true,
      la_child_id: laChildId,
      given_name: givenName,
      family_name: familyName,
      other_names: otherNames,
      date_of_birth: dob === null ? null : isoOf(dob),
      expected_date_of_birth: expectedDob === null ? null : isoOf(expectedDob),
      sex,
      ethnicity,
      upn,
      former_upn: null,
      upn_unknown: upnUnknown,
      nhs_number: nhs,
      date_of_death: died && child.caseEnd !== null ? isoOf(child.caseEnd) : null,
      uasc,
      disabilities,
      restricted,
      created_at: created,
      updated_at: created,
    } satisfies Insertable<PersonTable>;
    rows.person.push(row);
    return child;
  }

  /** Decides when the case started and ended, and whether it is one with many workers. */
  private planCase(child: SeedChild): void {
    const { rng, asOf } = this;
    const age = child.dob === null ? 0 : asOf - child.dob;
    switch (child.status) {
      case 'closed': {
        const earliestEnd = Math.min(asOf - 1, Math.max(asOf - 900, (child.dob ?? asOf) + 1));
        const end = rng.between(earliestEnd, asOf - 1);
        const length = rng.chance(0.55) ? rng.between(5, 60) : rng.between(61, 700);
        child.caseEnd = end;
        child.caseStart = Math.max(end - length, (child.dob ?? end) - 60);
        if (child.caseStart >= end) child.caseStart = end - 1;
        return;
      }
      case 'care-leaver': {
        const at18 = birthday(child.dob as number, 18);
        child.caseStart = at18 - rng.between(200, 6 * 365);
        child.lookedAfterFrom = child.caseStart;
        return;
      }
      default: {
        if (child.dob === null) {
          child.caseStart = asOf - rng.between(7, 120); // a pre-birth assessment
        } else {
          const [lo, hi] = CASE_LENGTH[child.status === 'cla' ? 'cla' : 'default'].pick(rng);
          child.caseStart = asOf - Math.min(rng.between(lo, hi), age + 60);
          if (age >= 420 && rng.chance(CHURN_CHANCE)) {
            // Many social workers: a case open more than a year with several changes in the last one.
            const span = Math.min(age, 4000) - 380;
            if (asOf - child.caseStart < 380) child.caseStart = asOf - 380 - Math.floor(span * rng.next() ** 1.5);
            child.manyWorkers = true;
          }
        }
        child.unallocated = rng.chance(UNALLOCATED_CHANCE);
        const length = asOf - child.caseStart;
        if (child.status === 'cla') {
          child.lookedAfterFrom = child.uasc
            ? child.caseStart + rng.between(0, Math.min(14, length - 1))
            : child.caseStart + (rng.chance(0.6) ? rng.between(0, Math.min(length - 1, 90)) : Math.floor((length - 1) * rng.next()));
          // A case opened before birth: care starts at birth at the earliest (903 rule 302).
          if (child.dob !== null) child.lookedAfterFrom = Math.max(child.lookedAfterFrom, child.dob);
        } else if (child.status === 'cp') {
          child.protectionFrom = asOf - rng.between(Math.min(10, length), Math.max(Math.min(10, length), Math.min(length, 540)));
        }
      }
    }
  }

  makeAdults(children: SeedChild[], householdName: string, careLeaver: boolean): Adult[] {
    const { rng } = this;
    const eldest = Math.min(...children.map((c) => c.dob ?? c.expectedDob ?? this.asOf));
    const adults: Adult[] = [];
    const mother = (resident: boolean) =>
      this.adult('mother', resident, 'F', rng.chance(0.75) ? householdName : null, eldest - rng.between(17, 38) * 365 - rng.int(365));
    const father = (resident: boolean) =>
      this.adult('father', resident, 'M', rng.chance(0.85) ? householdName : null, eldest - rng.between(19, 42) * 365 - rng.int(365));
    if (careLeaver) {
      if (rng.chance(0.7)) adults.push(mother(false));
      return adults;
    }
    if (rng.chance(0.55)) {
      const r = rng.next();
      if (r < 0.8) {
        adults.push(mother(true));
        if (rng.chance(0.35)) adults.push(father(false));
      } else if (r < 0.92) adults.push(father(true));
      else adults.push(this.grandparent(eldest, rng.chance(0.7) ? 'F' : 'M', householdName));
    } else {
      const r = rng.next();
      adults.push(mother(true));
      if (r < 0.6) adults.push(father(true));
      else if (r < 0.88) {
        adults.push(this.adult('step-parent', true, rng.chance(0.9) ? 'M' : 'F', null, eldest - rng.between(20, 40) * 365 - rng.int(365)));
        if (rng.chance(0.5)) adults.push(father(false));
      } else adults.push(this.grandparent(eldest, rng.chance(0.7) ? 'F' : 'M', householdName));
    }
    return adults;
  }

  private grandparent(eldest: number, sex: 'M' | 'F', householdName: string): Adult {
    return this.adult('grandparent', true, sex, this.rng.chance(0.6) ? householdName : null, eldest - this.rng.between(38, 60) * 365 - this.rng.int(365));
  }

  private adult(role: AdultRole, resident: boolean, sex: 'M' | 'F', familyName: string | null, dob: number): Adult {
    const { rng, names } = this;
    return {
      personId: this.ids.uuid(),
      role,
      resident,
      sex,
      givenName: rng.pick(sex === 'M' ? names.male : names.female),
      familyName: familyName ?? rng.pick(names.family),
      dob,
    };
  }

  parentalResponsibility(a: Adult, adultsInHousehold: number): boolean {
    switch (a.role) {
      case 'mother':
        return true;
      case 'father':
        return a.resident || this.rng.chance(0.75);
      case 'step-parent':
        return this.rng.chance(0.05);
      case 'grandparent':
        return adultsInHousehold === 1 && this.rng.chance(0.6);
    }
  }

  pushAdult(rows: PeopleRows, a: Adult, ethnicity: Ethnicity, firstCase: number, address: SyntheticAddress, homeSince: number): void {
    const { cfg, rng } = this;
    this.adultsMade++;
    const created = timestampOf(firstCase, rng.between(8, 17), rng.int(60));
    const row = {
      la_code: cfg.laCode,
      person_id: a.personId,
      is_child: false,
      la_child_id: null,
      given_name: a.givenName,
      family_name: a.familyName,
      other_names: null,
      date_of_birth: isoOf(a.dob),
      expected_date_of_birth: null,
      sex: a.sex,
      ethnicity,
      upn: null,
      former_upn: null,
      upn_unknown: null,
      nhs_number: null,
      date_of_death: null,
      uasc: false,
      disabilities: [],
      restricted: false,
      created_at: created,
      updated_at: created,
    } satisfies Insertable<PersonTable>;
    rows.person.push(row);
    const since = a.resident ? homeSince : this.asOf - rng.between(30, 8 * 365);
    rows.address.push(this.addressRow(a.personId, address, Math.min(Math.max(since, a.dob + 16 * 365), this.asOf), null, firstCase));
  }

  addChildAddresses(rows: PeopleRows, child: SeedChild, home: SyntheticAddress, homeSince: number): void {
    const { rng, names, asOf } = this;
    const born = child.dob ?? child.caseStart;
    const homeFrom = Math.min(Math.max(homeSince, born), asOf);
    if (child.status === 'cla' || child.status === 'care-leaver') {
      const placedFrom = Math.min(child.lookedAfterFrom ?? child.caseStart, asOf);
      if (child.status === 'care-leaver') {
        const ownFrom = Math.min(birthday(child.dob as number, 18) + rng.between(0, 200), asOf);
        rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), Math.min(placedFrom, ownFrom - 1), ownFrom - 1, child.caseStart));
        rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), ownFrom, null, child.caseStart));
        return;
      }
      rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), placedFrom, null, child.caseStart));
      if (!child.uasc && placedFrom - 1 >= homeFrom) rows.address.push(this.addressRow(child.personId, home, homeFrom, placedFrom - 1, child.caseStart));
      return;
    }
    rows.address.push(this.addressRow(child.personId, home, homeFrom, null, child.caseStart));
    if (rng.chance(0.15) && homeFrom - born > 200) {
      const previousFrom = Math.max(born, homeFrom - rng.between(200, 2000));
      rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), previousFrom, homeFrom - 1, child.caseStart));
    }
  }

  private addressRow(personId: string, a: SyntheticAddress, start: number, end: number | null, recordedOn: number): Insertable<AddressTable> {
    return {
      la_code: this.cfg.laCode,
      address_id: this.ids.uuid(),
      person_id: personId,
      line1: a.line1,
      line2: a.line2,
      town: a.town,
      postcode: a.postcode,
      start_date: isoOf(start),
      end_date: end === null ? null : isoOf(Math.max(end, start)),
      created_at: timestampOf(Math.min(recordedOn, this.asOf), 11, 0),
    };
  }

  private nextUpn(dob: number): string {
    const k = this.upnCounter++;
    const school = 2000 + (k % this.nSchools);
    const serial = Math.floor(k / this.nSchools) % 1000;
    const entryYear = (new Date(dob * 86_400_000).getUTCFullYear() + 5) % 100;
    const digits = `${school}${String(entryYear).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    return upnFromParts(this.cfg.laNumber, digits.slice(0, 8), digits.slice(8));
  }

  private nextNhsNumber(): string | null {
    // 999 000 0000 to 999 999 9999 is the range the NHS keeps for test data: never a real patient.
    while (this.nhsCounter < 1_000_000) {
      const six = (this.nhsCounter++ * 7919 + this.nhsOffset) % 1_000_000;
      const nhs = nhsNumberFromNineDigits(`999${String(six).padStart(6, '0')}`);
      if (nhs) return nhs;
    }
    return null;
  }
}
