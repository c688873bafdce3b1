import { describe, expect, it } from 'vitest';
import { CSWW_RULES, type CswwMessage, type CswwWorker, checkCensus, cswwSweNumber, weekdaysBetween } from '../src/csww.ts';

const permanent: CswwWorker = {
  AgencyWorker: '0',
  SWENo: 'SW0000012345',
  FTE: '1.000000',
  PersonBirthDate: '1985-06-01',
  GenderCurrent: '2',
  Ethnicity: 'WBRI',
  QualInst: ['University of Worcester'],
  QualLevel: '1',
  OrgRole: '5',
  RoleStartDate: '2019-09-02',
  StartOrigin: '1',
  FTE30: '1.000000',
  Cases30: '17',
};
const leaver: CswwWorker = {
  ...permanent,
  SWENo: 'SW0000054321',
  RoleEndDate: '2026-03-31',
  LeaverDestination: '1',
  ReasonLeave: '1',
  FTE30: undefined,
  Cases30: undefined,
  WorkingDaysLost: '4.00',
};
delete leaver.FTE30;
delete leaver.Cases30;
const census = (workers: CswwWorker[], over: Partial<CswwMessage> = {}): CswwMessage => ({
  year: 2026,
  referenceDate: '2026-09-30',
  vacancies: { NumberOfVacancies: '2.50', NoAgencyFTE: '1.00', NoAgencyHeadcount: '1' },
  workers,
  ...over,
});
const rules = (m: CswwMessage) => checkCensus(m).map((i) => i.rule);

describe('the workforce census rules', () => {
  it('a clean return breaks none', () => {
    expect(checkCensus(census([permanent, leaver, { AgencyWorker: '1', SWENo: 'SW0000099999', QualInst: ['Not known'] }]))).toEqual([]);
  });

  it.each([
    ['csww-reference-date', census([permanent], { referenceDate: '2026-03-31' })],
    ['csww-swe-unique', census([permanent, { ...permanent }])],
    ['csww-agency-code', census([{ ...permanent, AgencyWorker: 'Y' }])],
    ['csww-code-list', census([{ ...permanent, GenderCurrent: '3' }])],
    ['csww-code-list', census([{ ...permanent, Ethnicity: 'WROM' }])],
    ['csww-yes-no', census([{ ...permanent, StepUpGrad: '2' }])],
    ['csww-permanent-details', census([{ ...permanent, OrgRole: undefined }].map(({ OrgRole, ...w }) => w))],
    ['csww-start-before-reference', census([{ ...permanent, RoleStartDate: '2026-10-01' }])],
    ['csww-end-after-start', census([{ ...leaver, RoleStartDate: '2026-04-01', RoleEndDate: '2026-03-31' }])],
    ['csww-end-in-year', census([{ ...leaver, RoleEndDate: '2025-09-30' }])],
    ['csww-leaver-reason', census([{ ...leaver, ReasonLeave: undefined }].map(({ ReasonLeave, ...w }) => w))],
    ['csww-leaver-reason', census([{ ...permanent, ReasonLeave: '1' }])],
    ['csww-in-post-fte30', census([{ ...permanent, FTE30: undefined }].map(({ FTE30, ...w }) => w))],
    ['csww-in-post-fte30', census([{ ...leaver, FTE30: '1.000000' }])],
    ['csww-cases-case-holder', census([{ ...permanent, OrgRole: '3' }])],
    ['csww-absence-reason', census([{ ...permanent, Absat30Sept: ['1'] }])],
    ['csww-absence-reason', census([{ ...permanent, Absat30Sept: ['0'], ReasonAbsence: ['SIC'] }])],
    ['csww-absence-in-post', census([{ ...leaver, Absat30Sept: ['1'], ReasonAbsence: ['SIC'] }])],
    ['csww-leaver-destination', census([{ ...leaver, LeaverDestination: undefined }].map(({ LeaverDestination, ...w }) => w))],
    ['csww-leaver-destination', census([{ ...permanent, LeaverDestination: '1' }])],
    ['csww-code-list', census([{ ...leaver, LeaverDestination: '10' }])],
    ['csww-working-days-lost', census([{ ...permanent, WorkingDaysLost: '-1.00' }])],
    // Lee left on 31 March: 1 October 2025 to 31 March 2026 has 130 weekdays.
    ['csww-working-days-lost', census([{ ...leaver, WorkingDaysLost: '131.00' }])],
    ['csww-swe-unique', census([permanent, { ...permanent, SWENo: 'SW12345' }])],
    ['csww-birth-date', census([{ ...permanent, PersonBirthDate: '2010-01-01' }])],
    ['csww-vacancies', census([permanent], { vacancies: { NumberOfVacancies: '-1.00', NoAgencyFTE: '0.00', NoAgencyHeadcount: '0' } })],
  ] as const)('%s fails a return that breaks it', (rule, m) => {
    expect(rules(m)).toContain(rule);
    expect(CSWW_RULES.some((r) => r.id === rule)).toBe(true);
  });

  it('an absence with its reason, and a case count for a case holder, pass', () => {
    expect(checkCensus(census([{ ...permanent, Absat30Sept: ['1'], ReasonAbsence: ['SIC'] }]))).toEqual([]);
  });

  it('counts the weekdays of a leaver’s part of the year, the most working days they could lose', () => {
    expect(weekdaysBetween('2025-10-01', '2026-03-31')).toBe(130);
    expect(weekdaysBetween('2025-10-01', '2026-09-30')).toBe(261);
    expect(checkCensus(census([{ ...leaver, WorkingDaysLost: '130.00' }]))).toEqual([]);
  });

  it('pads a Social Work England number to the census’s ten digits', () => {
    expect(cswwSweNumber('SW12345')).toBe('SW0000012345');
    expect(cswwSweNumber('sw1234567890')).toBe('SW1234567890');
  });
});
