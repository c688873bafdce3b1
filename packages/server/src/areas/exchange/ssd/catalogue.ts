/**
 * The SSD's 49 objects and 359 fields (reference/ssd/objects.tsv) beside what Lantern fills:
 * the objects it holds (objects-*.ts) and, for each of the rest, why it cannot.
 */
import { readFileSync } from 'node:fs';
import { referenceFile } from '@lantern/core/reference';
import { CIN } from './objects-cin.ts';
import { CLA } from './objects-cla.ts';
import { HEALTH } from './objects-health.ts';
import { MORE } from './objects-more.ts';
import { PEOPLE } from './objects-people.ts';
import type { SsdObject } from './model.ts';

export type SsdField = { object: string; field: string; type: string; itemRef: string; key: string; returns: string };

/** Every field of the SSD, in the reference's order. */
export function ssdFields(): SsdField[] {
  return readFileSync(referenceFile('ssd/objects.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const [object = '', field = '', type = '', itemRef = '', key = '', returns = ''] = line.split('\t');
      return { object, field, type, itemRef, key, returns: returns.trim() };
    });
}

/** The objects Lantern writes and reads, in the order they are loaded (people before their records). */
export const SSD_OBJECTS: SsdObject[] = [...PEOPLE, ...CIN, ...CLA, ...HEALTH, ...MORE];

/** The objects Lantern does not hold, and why. */
export const NOT_HELD: Record<string, string> = {
  ssd_api_data_staging: 'The DfE feed’s staging table: Lantern keeps its own record of what it sent (`lantern feed dfe-csc-api`), not this table.',
  ssd_version_log: 'The SSD’s own release log, not case data.',
  ssd_family: 'Lantern links people by relationships (mother, father, carer…), not by a family id.',
  ssd_immigration_status: 'Lantern records an unaccompanied asylum-seeking child’s UASC record, not an immigration status history.',
  ssd_cla_care_plan: 'The care plan is a Lantern plan document (a version history), which the SSD’s JSON field does not carry.',
  ssd_cla_convictions: 'Lantern keeps the SSDA903 OC2 “convicted” flag for the year, not convictions with dates and offences.',
  ssd_permanence: 'Held (adoption, special guardianship); not yet mapped.',
  ssd_pre_proceedings: 'Held (the legal area); not yet mapped.',
  ssd_voice_of_child:
    'The SSD’s voice-of-the-child object is five yes/no answers to a questionnaire Lantern does not use; Lantern keeps the child’s own words on each visit, review and conference (GET /api/children/:id/voice), which have no SSD field.',
  ssd_s251_finance: 'Placement costs are not recorded in Lantern.',
  ssd_send: 'Special educational needs are the education service’s record, not Lantern’s.',
  ssd_sen_need: 'As ssd_send.',
  ssd_ehcp_requests: 'Education, health and care plans are the education service’s record, not Lantern’s.',
  ssd_ehcp_assessment: 'As ssd_ehcp_requests.',
  ssd_ehcp_named_plan: 'As ssd_ehcp_requests.',
  ssd_ehcp_active_plans: 'As ssd_ehcp_requests.',
};

/** Each object's fields in the reference's order (the CSV header). */
export function headerOf(object: string, fields = ssdFields()): string[] {
  return fields.filter((f) => f.object === object).map((f) => f.field);
}
