/**
 * The children's social work workforce census (CSWW), as data and pure rules: its code lists
 * (reference/data-standards.md §6, from the 2022 schema), the census's rules that the
 * schema cannot say (its simple types are any non-empty string), and how Lantern's job roles map
 * to the census's organisational roles. No I/O: the server builds and parses the XML.
 */
import { isIsoDate } from './calendar.ts';
import type { JobRole } from './codes.ts';

export const CSWW_GENDER = { '0': 'Not known', '1': 'Male', '2': 'Female', '9': 'Not specified' } as const;
/** The CIN census's ethnicity codes without WIRT and WROM. */
export const CSWW_ETHNICITY = [
  'WBRI',
  'WIRI',
  'WOTH',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;
export const CSWW_QUAL_LEVEL = { '1': 'Undergraduate', '2': 'Postgraduate', '3': 'Other' } as const;
export const CSWW_ORG_ROLE = {
  '1': 'Senior manager',
  '2': 'Middle manager',
  '3': 'First line manager',
  '4': 'Senior practitioner',
  '5': 'Case holder',
  '6': 'Qualified without cases',
} as const;
export const CSWW_START_ORIGIN = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
/** Where a leaver went, as the 2022 schema's annotations word them. */
export const CSWW_LEAVER_DESTINATION = {
  '1': 'Social worker role in a different local authority in England',
  '2': 'Social worker role outside England',
  '3': 'Agency or consultancy in social work (in England)',
  '4': 'Other social work role, not a local authority (in England)',
  '5': 'Other social care role in a local authority or elsewhere (in England)',
  '6': 'Non-social care role, any role outside England, no employment or a career break',
  '7': 'Other',
  '8': 'Not known',
  '9': 'Not yet collected',
} as const;
export type CswwLeaverDestination = keyof typeof CSWW_LEAVER_DESTINATION;
export const CSWW_REASON_LEAVE = {
  '1': 'Resignation',
  '2': 'Voluntary redundancy',
  '3': 'Compulsory redundancy',
  '4': 'Dismissed',
  '5': 'Retired',
  '6': 'Deceased',
  '7': 'Moved to a role in the council that is not children and families social work',
  '8': 'Other',
  '9': 'Not known',
  '10': 'Not yet collected',
} as const;
/** Reasons for an absence, as the 2022 schema's annotations word them. */
export const CSWW_ABSENCE = {
  MAT: 'Maternity or paternity leave',
  OTH: 'Other paid authorised absence (compassionate leave, annual leave needing cases reallocated)',
  PUB: 'Paid absence for public duties (jury duty)',
  SIC: 'Sick leave',
  TRN: 'Training',
  UNA: 'Unauthorised absence',
  UNP: 'Unpaid authorised absence',
} as const;
export type CswwAbsenceReason = keyof typeof CSWW_ABSENCE;
/** The absences whose working days the census counts as lost (WorkingDaysLost: sickness). */
export const CSWW_DAYS_LOST_REASONS: readonly CswwAbsenceReason[] = ['SIC'];
export const CSWW_CFKSS = { '1': 'ASYE', '2': 'Frontline practitioner', '3': 'Practice supervisor', '4': 'Practice leader' } as const;

/** Lantern's job roles the census counts (registered social workers), and their organisational role. */
export const CSWW_ORG_ROLE_OF: Partial<Record<JobRole, keyof typeof CSWW_ORG_ROLE>> = {
  director: '1',
  'head-of-service': '1',
  'service-manager': '2',
  'team-manager': '3',
  'senior-practitioner': '4',
  'social-worker': '5',
  iro: '6',
};

/** The census's reference date for a collection year: 30 September. */
export const cswwReferenceDate = (year: number) => `${year}-09-30`;
/** The first day of the year the census's starters and leavers are counted over. */
export const cswwYearStart = (year: number) => `${year - 1}-10-01`;

/**
 * Social Work England numbers are SW and up to 10 digits (Lantern stores them as registered);
 * the census schema's SWENo is two letters and exactly 10 digits ([A-Za-z]{2}\d{10}), so the
 * census pads the digits with zeros. The number is unchanged (SW12345 is SW0000012345).
 */
export function cswwSweNumber(swe: string): string {
  const m = /^([A-Za-z]{2})(\d{1,10})$/.exec(swe);
  return m ? `${(m[1] as string).toUpperCase()}${(m[2] as string).padStart(10, '0')}` : swe;
}

export type CswwWorker = {
  AgencyWorker: string;
  SWENo: string;
  FTE?: string;
  PersonBirthDate?: string;
  GenderCurrent?: string;
  Ethnicity?: string;
  QualInst: string[];
  QualLevel?: string;
  StepUpGrad?: string;
  OrgRole?: string;
  RoleStartDate?: string;
  StartOrigin?: string;
  RoleEndDate?: string;
  LeaverDestination?: string;
  ReasonLeave?: string;
  FTE30?: string;
  Cases30?: string;
  WorkingDaysLost?: string;
  ContractWeeks?: string[];
  FrontlineGrad?: string;
  Absat30Sept?: string[];
  ReasonAbsence?: string[];
  CFKSSstatus?: string[];
};

export type CswwMessage = {
  year: number | null;
  referenceDate: string | null;
  vacancies: { NumberOfVacancies: string; NoAgencyFTE: string; NoAgencyHeadcount: string };
  workers: CswwWorker[];
};

export type CswwIssue = { severity: 'error' | 'warning'; rule: string; worker: number | null; swe: string | null; field: string; message: string };

export type CswwRule = { id: string; severity: 'error' | 'warning'; description: string };

/** The census's rules beyond the schema, each with an id a report can cite. */
export const CSWW_RULES: readonly CswwRule[] = [
  { id: 'csww-reference-date', severity: 'error', description: 'The reference date is 30 September of the collection year' },
  { id: 'csww-swe-unique', severity: 'error', description: 'A Social Work England number appears once in a return' },
  { id: 'csww-agency-code', severity: 'error', description: 'AgencyWorker is 0 (not agency) or 1 (agency)' },
  { id: 'csww-code-list', severity: 'error', description: 'Coded items hold a code of their list' },
  { id: 'csww-yes-no', severity: 'error', description: 'StepUpGrad, FrontlineGrad and Absat30Sept are 0 or 1' },
  { id: 'csww-permanent-details', severity: 'error', description: 'A worker not from an agency has an FTE, an organisational role and a role start date' },
  { id: 'csww-start-before-reference', severity: 'error', description: 'The role started on or before the reference date' },
  { id: 'csww-end-after-start', severity: 'error', description: 'The role ended on or after it started' },
  { id: 'csww-end-in-year', severity: 'error', description: 'A role end date falls in the census year (1 October to 30 September)' },
  { id: 'csww-leaver-reason', severity: 'error', description: 'A leaver has a reason for leaving; only a leaver has one' },
  { id: 'csww-leaver-destination', severity: 'error', description: 'A leaver not from an agency has a leaver destination; only a leaver has one' },
  { id: 'csww-in-post-fte30', severity: 'error', description: 'A worker in post on 30 September has FTE30; a leaver has none' },
  { id: 'csww-cases-case-holder', severity: 'warning', description: 'Cases30 is given for case holders (organisational role 5)' },
  { id: 'csww-absence-reason', severity: 'error', description: 'A worker absent on 30 September has a reason for the absence; only an absent worker has one' },
  { id: 'csww-absence-in-post', severity: 'error', description: 'Absence on 30 September is given only for a worker in post on that day, not a leaver' },
  {
    id: 'csww-working-days-lost',
    severity: 'error',
    description: 'Working days lost are not negative and no more than the weekdays of the census year the worker was employed in it',
  },
  { id: 'csww-birth-date', severity: 'warning', description: 'A worker is between 20 and 80 on the reference date' },
  { id: 'csww-vacancies', severity: 'error', description: 'Vacancy and agency figures are not negative' },
];

const inList = (list: readonly string[] | Record<string, string>, v: string | undefined) =>
  v === undefined || (Array.isArray(list) ? list.includes(v) : Object.hasOwn(list, v));

function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Monday-to-Friday days from one date to another, both counted (an upper bound on working days). */
export function weekdaysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10))) / 86_400_000;
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10))) / 86_400_000;
  let n = 0;
  for (let d = a; d <= b; d++) {
    const dow = (d + 4) % 7; // 1 January 1970 was a Thursday: 0 is Sunday
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/** Checks a census return against the rules above (the schema is checked separately). */
export function checkCensus(msg: CswwMessage): CswwIssue[] {
  const issues: CswwIssue[] = [];
  const severity = new Map(CSWW_RULES.map((r) => [r.id, r.severity]));
  const add = (rule: string, worker: number | null, swe: string | null, field: string, message: string) =>
    issues.push({ severity: severity.get(rule) ?? 'error', rule, worker, swe, field, message });

  const year = msg.year;
  const ref = msg.referenceDate ?? (year ? cswwReferenceDate(year) : null);
  if (year && msg.referenceDate && msg.referenceDate !== cswwReferenceDate(year))
    add('csww-reference-date', null, null, 'ReferenceDate', `The reference date for ${year} is ${cswwReferenceDate(year)}, not ${msg.referenceDate}`);
  const yearStart = year ? cswwYearStart(year) : ref ? cswwYearStart(Number(ref.slice(0, 4))) : null;

  for (const [field, v] of Object.entries(msg.vacancies)) if (Number(v) < 0) add('csww-vacancies', null, null, field, `${field} cannot be negative (${v})`);

  const seen = new Map<string, number>();
  for (const [i, w] of msg.workers.entries()) {
    const n = i + 1;
    const swe = w.SWENo;
    const at = (rule: string, field: string, message: string) => add(rule, n, swe, field, message);
    // Compared as registered numbers: SW12345 and SW0000012345 are one worker.
    const key = cswwSweNumber(swe).toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) at('csww-swe-unique', 'SWENo', `${swe} also appears as worker ${first}`);
    else seen.set(key, n);
    if (!['0', '1'].includes(w.AgencyWorker)) at('csww-agency-code', 'AgencyWorker', `AgencyWorker is 0 or 1, not ${w.AgencyWorker}`);
    const coded: [keyof CswwWorker, readonly string[] | Record<string, string>][] = [
      ['GenderCurrent', CSWW_GENDER],
      ['Ethnicity', CSWW_ETHNICITY],
      ['QualLevel', CSWW_QUAL_LEVEL],
      ['OrgRole', CSWW_ORG_ROLE],
      ['StartOrigin', CSWW_START_ORIGIN],
      ['LeaverDestination', CSWW_LEAVER_DESTINATION],
      ['ReasonLeave', CSWW_REASON_LEAVE],
    ];
    for (const [field, list] of coded) {
      const v = w[field] as string | undefined;
      if (!inList(list, v)) at('csww-code-list', field, `${v} is not a code of ${field}`);
    }
    for (const v of w.ReasonAbsence ?? []) if (!inList(CSWW_ABSENCE, v)) at('csww-code-list', 'ReasonAbsence', `${v} is not a code of ReasonAbsence`);
    for (const v of w.CFKSSstatus ?? []) if (!inList(CSWW_CFKSS, v)) at('csww-code-list', 'CFKSSstatus', `${v} is not a code of CFKSSstatus`);
    for (const field of ['StepUpGrad', 'FrontlineGrad'] as const) {
      const v = w[field];
      if (v !== undefined && !['0', '1'].includes(v)) at('csww-yes-no', field, `${field} is 0 or 1, not ${v}`);
    }
    for (const v of w.Absat30Sept ?? []) if (!['0', '1'].includes(v)) at('csww-yes-no', 'Absat30Sept', `Absat30Sept is 0 or 1, not ${v}`);

    if (w.AgencyWorker === '0') {
      for (const field of ['FTE', 'OrgRole', 'RoleStartDate'] as const)
        if (w[field] === undefined) at('csww-permanent-details', field, `A worker not from an agency needs ${field}`);
    }
    const start = w.RoleStartDate;
    const end = w.RoleEndDate;
    if (start && ref && isIsoDate(start) && start > ref)
      at('csww-start-before-reference', 'RoleStartDate', `The role started on ${start}, after the reference date ${ref}`);
    if (start && end && end < start) at('csww-end-after-start', 'RoleEndDate', `The role ended on ${end}, before it started on ${start}`);
    if (end && ref && yearStart && (end < yearStart || end > ref))
      at('csww-end-in-year', 'RoleEndDate', `${end} is outside the census year ${yearStart} to ${ref}`);
    if (end && w.ReasonLeave === undefined) at('csww-leaver-reason', 'ReasonLeave', 'A leaver needs a reason for leaving');
    if (!end && w.ReasonLeave !== undefined) at('csww-leaver-reason', 'ReasonLeave', 'Only a leaver has a reason for leaving');
    if (w.AgencyWorker === '0') {
      if (!end && w.FTE30 === undefined) at('csww-in-post-fte30', 'FTE30', 'A worker in post on 30 September needs FTE30');
      if (end && w.FTE30 !== undefined) at('csww-in-post-fte30', 'FTE30', 'A leaver has no FTE on 30 September');
    }
    if (w.Cases30 !== undefined && w.OrgRole !== undefined && w.OrgRole !== '5')
      at('csww-cases-case-holder', 'Cases30', `Cases30 is for case holders; this worker's role is ${w.OrgRole}`);
    if (end && w.AgencyWorker === '0' && w.LeaverDestination === undefined)
      at('csww-leaver-destination', 'LeaverDestination', 'A leaver needs a leaver destination (9 if not yet collected)');
    if (!end && w.LeaverDestination !== undefined) at('csww-leaver-destination', 'LeaverDestination', 'Only a leaver has a leaver destination');
    const absent = (w.Absat30Sept ?? []).includes('1');
    if (absent && (w.ReasonAbsence ?? []).length === 0) at('csww-absence-reason', 'ReasonAbsence', 'A worker absent on 30 September needs a reason');
    if (!absent && (w.ReasonAbsence ?? []).length > 0)
      at('csww-absence-reason', 'ReasonAbsence', 'Only a worker absent on 30 September has a reason for absence');
    if (absent && end) at('csww-absence-in-post', 'Absat30Sept', `The worker left on ${end}, so was not absent from post on 30 September`);
    if (w.WorkingDaysLost !== undefined) {
      const lost = Number(w.WorkingDaysLost);
      const from = start && yearStart && start > yearStart ? start : yearStart;
      const to = end && ref && end < ref ? end : ref;
      const most = from && to && isIsoDate(from) && isIsoDate(to) ? weekdaysBetween(from, to) : 262;
      if (!Number.isFinite(lost) || lost < 0 || lost > most)
        at(
          'csww-working-days-lost',
          'WorkingDaysLost',
          `${w.WorkingDaysLost} working days lost is outside 0 to ${most}, the weekdays the worker was employed in the year`,
        );
    }
    if (w.PersonBirthDate && ref && isIsoDate(w.PersonBirthDate)) {
      const age = ageOn(w.PersonBirthDate, ref);
      if (age < 20 || age > 80) at('csww-birth-date', 'PersonBirthDate', `The worker would be ${age} on ${ref}`);
    }
  }
  return issues;
}
