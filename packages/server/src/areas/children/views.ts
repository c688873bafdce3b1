import { todayInEngland } from '@lantern/core/calendar';
import type { ChildRecord } from '@lantern/core/views';
import type { Person } from '../../kernel/db/schema.ts';

/** What a child's record looks like to the API and the screens. */
export const today = () => todayInEngland();
export const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

/** The columns of `person` a child's record shows (childView): a read need select no more. */
export const CHILD_VIEW_COLUMNS = [
  'person_id',
  'la_child_id',
  'given_name',
  'family_name',
  'other_names',
  'date_of_birth',
  'expected_date_of_birth',
  'sex',
  'ethnicity',
  'upn',
  'former_upn',
  'upn_unknown',
  'nhs_number',
  'date_of_death',
  'uasc',
  'disabilities',
  'restricted',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Person)[];

export function childView(p: Pick<Person, (typeof CHILD_VIEW_COLUMNS)[number]>): ChildRecord {
  return {
    childId: p.person_id,
    laChildId: p.la_child_id ?? '',
    givenName: p.given_name,
    familyName: p.family_name,
    otherNames: p.other_names,
    dateOfBirth: p.date_of_birth,
    expectedDateOfBirth: p.expected_date_of_birth,
    sex: p.sex,
    ethnicity: p.ethnicity,
    upn: p.upn,
    formerUpn: p.former_upn,
    upnUnknown: p.upn_unknown,
    nhsNumber: p.nhs_number,
    dateOfDeath: p.date_of_death,
    uasc: p.uasc,
    disabilities: p.disabilities,
    restricted: p.restricted,
    version: p.version,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

/** API field names to columns, for the fields a person changes on a child's record. */
export const CHILD_COLUMNS = {
  laChildId: 'la_child_id',
  givenName: 'given_name',
  familyName: 'family_name',
  otherNames: 'other_names',
  dateOfBirth: 'date_of_birth',
  expectedDateOfBirth: 'expected_date_of_birth',
  sex: 'sex',
  ethnicity: 'ethnicity',
  upn: 'upn',
  formerUpn: 'former_upn',
  upnUnknown: 'upn_unknown',
  nhsNumber: 'nhs_number',
  dateOfDeath: 'date_of_death',
  uasc: 'uasc',
  disabilities: 'disabilities',
  restricted: 'restricted',
} as const satisfies Record<string, keyof Person>;
export type ChildField = keyof typeof CHILD_COLUMNS;
