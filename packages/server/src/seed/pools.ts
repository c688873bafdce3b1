/**
 * What the synthetic council is drawn from: name and street lists made once from faker (faker is
 * slow per call, so the generator picks from these arrays with its own seeded generator), towns
 * and postcodes, the ethnicity mix of a rural English council, and short practice-note templates.
 * Nothing here is a real person's detail.
 */
import { en, en_GB, Faker } from '@faker-js/faker';
import { DISABILITY, type Disability, type Ethnicity } from '@lantern/core/codes';
import { herefordshirePostcode } from './postcodes.ts';
import { type Rng, WeightedPicker } from './rng.ts';

export type NamePools = {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  streets: readonly string[];
};

function clean(list: readonly string[]): string[] {
  // Only plain names: no hyphenated or multi-word entries, and no duplicates.
  return [...new Set(list.filter((n) => /^[A-Z][a-z']+$/.test(n)))];
}

/** Builds the name and street lists from faker's en_GB (falling back to en) lists, seeded. */
export function buildNamePools(seed: number): NamePools {
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed(seed);
  const person = faker.definitions.person;
  const first = person.first_name as { male?: string[]; female?: string[]; generic?: string[] };
  const last = person.last_name as { generic?: string[] } | string[];
  const male = clean(first.male ?? first.generic ?? []);
  const female = clean(first.female ?? first.generic ?? []);
  const family = clean(Array.isArray(last) ? last : (last.generic ?? []));
  // Street names: faker's own (a mix of en_GB street names and "<name> <suffix>" patterns).
  const streets = new Set<string>();
  for (let i = 0; i < 900 && streets.size < 600; i++) streets.add(faker.location.street());
  if (male.length === 0 || female.length === 0 || family.length === 0) throw new Error('faker returned no names to build the synthetic council from');
  return { male, female, family, streets: [...streets] };
}

/** Towns of a Herefordshire-like council, each with the postcode districts it uses. */
export const TOWNS = WeightedPicker.of<{ town: string; districts: readonly number[] }>([
  [{ town: 'Hereford', districts: [1, 2, 3, 4] }, 52],
  [{ town: 'Leominster', districts: [6] }, 13],
  [{ town: 'Ross-on-Wye', districts: [9] }, 11],
  [{ town: 'Ledbury', districts: [8] }, 10],
  [{ town: 'Kington', districts: [5] }, 6],
  [{ town: 'Bromyard', districts: [7] }, 8],
]);

export type SyntheticAddress = { line1: string; line2: string | null; town: string; postcode: string };

export function syntheticAddress(rng: Rng, pools: NamePools): SyntheticAddress {
  const { town, districts } = TOWNS.pick(rng);
  const district = rng.pick(districts);
  // A real postcode of the district (the same three draws as the made-up ones were built from).
  const postcode = herefordshirePostcode(`HR${district}`, rng.int(10) * 400 + rng.int(20) * 20 + rng.int(20));
  const street = rng.pick(pools.streets);
  const flat = rng.chance(0.12);
  const number = rng.chance(0.9) ? String(rng.between(1, 140)) : null;
  if (flat) return { line1: `Flat ${rng.between(1, 24)}`, line2: `${number ?? rng.between(1, 60)} ${street}`, town, postcode };
  if (number) return { line1: `${number} ${street}`, line2: null, town, postcode };
  const house = rng.pick(['Orchard Cottage', 'The Old Forge', 'Rose Cottage', 'Brook House', 'Hill View', 'The Barn', 'Ivy Cottage', 'Meadow View']);
  return { line1: house, line2: street, town, postcode };
}

/** Ethnicity of a rural English council: about 90% White British, the rest spread. */
export const ETHNICITIES = WeightedPicker.of<Ethnicity>([
  ['WBRI', 88.5],
  ['WOTH', 4.0],
  ['WIRI', 0.4],
  ['WIRT', 0.5],
  ['WROM', 0.8],
  ['MWBC', 1.0],
  ['MWBA', 0.4],
  ['MWAS', 0.8],
  ['MOTH', 0.9],
  ['AIND', 0.3],
  ['APKN', 0.2],
  ['ABAN', 0.1],
  ['AOTH', 0.3],
  ['BCRB', 0.1],
  ['BAFR', 0.4],
  ['BOTH', 0.1],
  ['CHNE', 0.1],
  ['OOTH', 0.3],
  ['REFU', 0.2],
  ['NOBT', 0.6],
]);

export const UASC_ETHNICITIES = WeightedPicker.of<Ethnicity>([
  ['BAFR', 45],
  ['AOTH', 35],
  ['OOTH', 20],
]);

const DISABILITY_WEIGHTS: Partial<Record<Disability, number>> = {
  AUT: 30,
  LD: 22,
  COMM: 14,
  BEH: 12,
  MOB: 6,
  DDA: 6,
  PC: 3,
  HAND: 2,
  INC: 2,
  HEAR: 2,
  VIS: 2,
  CON: 1,
};
export const DISABILITIES = WeightedPicker.of<Disability>(
  (Object.keys(DISABILITY) as Disability[]).filter((c) => c !== 'NONE').map((c) => [c, DISABILITY_WEIGHTS[c] ?? 1] as const),
);

export type NoteCategory = 'case-note' | 'visit' | 'phone-call' | 'meeting' | 'management-decision' | 'correspondence' | 'other';

export const NOTE_CATEGORIES = WeightedPicker.of<NoteCategory>([
  ['visit', 30],
  ['case-note', 24],
  ['phone-call', 15],
  ['meeting', 12],
  ['management-decision', 10],
  ['correspondence', 7],
  ['other', 2],
]);

/**
 * Practice-note templates by category. {child} is the child's given name, {carer} the adult
 * they live with ("mum", "dad", "nan", "the foster carers"...).
 */
const COMMON: Record<NoteCategory, readonly string[]> = {
  'case-note': [
    '{child} seen at home with {carer}. Home conditions adequate; {child} presented as settled and chatty.',
    'Discussed school attendance with {carer}; agreed to review it at the next visit.',
    '{carer} reported difficulties with {child}’s sleep and behaviour. Advice given; referral to family support discussed.',
    'Direct work with {child} using a three houses tool; worries, good things and wishes recorded.',
    'Information shared by the health visitor; no new concerns. Plan unchanged.',
  ],
  visit: [
    'Home visit: {child} seen alone in their bedroom and spoke about school and friends. No new concerns observed.',
    'Unannounced visit; no answer at the door. Card left and follow-up call arranged.',
    'Visit completed; {child} seen and spoken to. Wishes and feelings recorded.',
    'Joint visit with the family support worker; routines and boundaries discussed with {carer}.',
  ],
  'phone-call': [
    'Telephone call with {carer} to arrange the next visit.',
    'Call from school: {child} absent three days this week; the attendance officer has been informed.',
    'Call with the health visitor about {child}’s development checks; appointment rebooked.',
    'Call from {carer} asking for help with housing; signposted to the housing options team.',
  ],
  meeting: [
    'Core group meeting held; plan reviewed and actions agreed for {carer} and professionals.',
    'Professionals meeting with school and health to share information about {child}.',
    'Review meeting held; progress noted against the plan. {carer} attended and contributed.',
    'Family group conference held; family network offered support with school runs.',
  ],
  'management-decision': [
    'Management oversight: plan reviewed, case to remain open; visits to continue at the current frequency.',
    'Management oversight: supervision discussion held; contingency plan agreed.',
    'Management decision: proceed to a child and family assessment.',
    'Management oversight: chronology reviewed; no change to the level of need.',
  ],
  correspondence: [
    'Letter sent to {carer} confirming the outcome of the assessment.',
    'Email received from school with updated attendance figures for {child}.',
    'Copy of the plan sent to {carer} and the professionals involved.',
    'Consent form returned by {carer} for information sharing with health.',
  ],
  other: [
    'Chronology updated following receipt of a police notification.',
    'Records received from the previous local authority and added to the file.',
    'Education, health and care plan information received and uploaded.',
  ],
};

const LOOKED_AFTER: Partial<Record<NoteCategory, readonly string[]>> = {
  visit: [
    'Statutory visit to {child} in placement; {child} said they are happy living with the foster carers and enjoys football.',
    'Visit to {child} in placement; seen alone. Contact arrangements with family discussed.',
    'Placement visit: bedroom seen; {child} talked about their new school and a trip planned for half term.',
  ],
  meeting: [
    'Looked after review held; care plan endorsed by the IRO. Next review set.',
    'Placement planning meeting held with the foster carers and supervising social worker.',
    'Personal education plan meeting held at school; targets agreed.',
  ],
  'case-note': [
    'Contact with birth family supervised at the family centre; went well, {child} was pleased to see siblings.',
    'Life story work session with {child}; photographs gathered for the memory box.',
    'Initial health assessment outcome received; dental appointment needed.',
  ],
};

const PROTECTION: Partial<Record<NoteCategory, readonly string[]>> = {
  visit: [
    'Child protection visit: {child} seen alone; spoke about home and feeling safe. Bedroom and kitchen seen.',
    'Unannounced child protection visit; {carer} engaged well. No injuries observed.',
  ],
  meeting: [
    'Core group meeting held; the child protection plan reviewed and actions updated.',
    'Review child protection conference held; the plan continues. {carer} attended with an advocate.',
  ],
  'management-decision': ['Management oversight: risks reviewed; child protection plan to continue with weekly visits.'],
};

const LEAVING_CARE: Partial<Record<NoteCategory, readonly string[]>> = {
  visit: ['Visit to {child} at their flat; tenancy going well. Budgeting discussed.', 'Met {child} in town for a catch-up; college course going well.'],
  meeting: ['Pathway plan review held with {child}; education, training and accommodation goals updated.'],
  'phone-call': ['Call with {child} about their bursary application; forms sent.', 'Text and call with {child}; in touch and well.'],
  'case-note': ['{child} supported to register with a GP near their new address.'],
};

export type NoteContext = 'home' | 'looked-after' | 'protection' | 'leaving-care';

export function noteTemplate(rng: Rng, category: NoteCategory, context: NoteContext): string {
  const special = context === 'looked-after' ? LOOKED_AFTER : context === 'protection' ? PROTECTION : context === 'leaving-care' ? LEAVING_CARE : undefined;
  const options = special?.[category];
  if (options && rng.chance(0.7)) return rng.pick(options);
  return rng.pick(COMMON[category]);
}

export function fillNote(template: string, child: string, carer: string): string {
  const text = template.replaceAll('{child}', child).replaceAll('{carer}', carer);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
