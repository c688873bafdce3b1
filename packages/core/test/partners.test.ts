import { describe, expect, it } from 'vitest';
import { median, PARTNER_INDICATORS, partnerIndicator, rate } from '../src/partner-indicators.ts';
import { agencyOf, checkReportContent, missingAgencies, PARTNER_REQUEST_TYPE, partnerRequestState, REPORT_MAX_BYTES, respondByFor } from '../src/partners.ts';
import { scopeFor } from '../src/permissions.ts';

describe('the date a partner must answer by', () => {
  it('counts working days over Christmas: sent Thursday 24 December 2026, 5 working days → Tuesday 5 January 2027', () => {
    // 25 and 28 December (Boxing Day moves to Monday) and 1 January are bank holidays: 29, 30, 31 Dec, 4, 5 Jan.
    expect(respondByFor('2026-12-24', { unit: 'working-days', n: 5 })).toBe('2027-01-05');
  });

  it('counts calendar days and weeks as given', () => {
    expect(respondByFor('2026-11-02', { unit: 'days', n: 10 })).toBe('2026-11-12');
    expect(respondByFor('2026-11-02', { unit: 'weeks', n: 2 })).toBe('2026-11-16');
  });

  it('defaults a housing move to 20 working days and a conference report to 5', () => {
    expect(PARTNER_REQUEST_TYPE['housing-move'].due).toEqual({ unit: 'working-days', n: 20 });
    expect(PARTNER_REQUEST_TYPE['conference-report'].due).toEqual({ unit: 'working-days', n: 5 });
  });
});

describe('where a request stands', () => {
  const due = { respondBy: '2026-11-16', answeredOn: null, withdrawnOn: null };

  it('awaits an answer until two working days before the deadline, then a reminder is due', () => {
    expect(partnerRequestState(due, '2026-11-11').state).toBe('awaiting');
    expect(partnerRequestState(due, '2026-11-12')).toMatchObject({ state: 'reminder-due', reminderFrom: '2026-11-12', escalatedOn: null });
    expect(partnerRequestState(due, '2026-11-16').state).toBe('reminder-due');
  });

  it('is overdue and escalated from the day after the deadline', () => {
    expect(partnerRequestState(due, '2026-11-17')).toMatchObject({ state: 'overdue-escalated', escalatedOn: '2026-11-17' });
  });

  it('answered on the deadline is in time; the day after is late and was escalated', () => {
    expect(partnerRequestState({ ...due, answeredOn: '2026-11-16' }, '2026-12-01')).toMatchObject({ state: 'answered', escalatedOn: null });
    expect(partnerRequestState({ ...due, answeredOn: '2026-11-17' }, '2026-12-01')).toMatchObject({ state: 'answered-late', escalatedOn: '2026-11-17' });
  });

  it('as of a day before the answer, it was still open', () => {
    expect(partnerRequestState({ ...due, answeredOn: '2026-11-20' }, '2026-11-18').state).toBe('overdue-escalated');
    expect(partnerRequestState({ ...due, withdrawnOn: '2026-11-10' }, '2026-11-30').state).toBe('withdrawn');
  });
});

describe('a report sent as a file', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('accepts a PDF that starts as one, and refuses text claiming to be a PDF', () => {
    expect(checkReportContent('application/pdf', bytes('%PDF-1.7 ...'))).toBeNull();
    expect(checkReportContent('application/pdf', bytes('hello'))).toBe('The file is not a PDF');
  });

  it('accepts UTF-8 text and refuses binary bytes, empty files and files over 1 MB', () => {
    expect(checkReportContent('text/plain', bytes('Attended: yes. Concerns: none.'))).toBeNull();
    expect(checkReportContent('text/plain', new Uint8Array([0x48, 0x00, 0x49]))).toBe('The file is not plain text');
    expect(checkReportContent('text/plain', new Uint8Array([0xff, 0xfe, 0x41]))).toBe('The file is not plain text (UTF-8)');
    expect(checkReportContent('text/plain', new Uint8Array())).toBe('The report is empty');
    expect(checkReportContent('text/plain', new Uint8Array(REPORT_MAX_BYTES + 1).fill(0x41))).toBe('A report may be at most 1 MB');
  });
});

describe('agencies at a conference', () => {
  it('counts a GP, health visiting and a hospital as health, a school as education', () => {
    expect(['gp', 'health-visiting', 'hospital'].map((t) => agencyOf(t as 'gp'))).toEqual(['health', 'health', 'health']);
    expect(agencyOf('school')).toBe('education');
    expect(agencyOf('voluntary')).toBe('other');
  });

  it('flags the expected agencies that were not there', () => {
    expect(missingAgencies(['police', 'housing'])).toEqual(['health', 'education']);
    expect(missingAgencies(['police', 'health', 'education'])).toEqual([]);
  });
});

describe('the partner indicators', () => {
  it('defines each id once, with a numerator', () => {
    const ids = PARTNER_INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(partnerIndicator('partner-requests-in-time').by).toBe('agency');
    expect(() => partnerIndicator('nope')).toThrow();
  });

  it('rounds a rate to one decimal place and gives none over nothing', () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(0, 0)).toBeNull();
    expect(median([31, 2, 10, 40])).toBe(10);
    expect(median([])).toBeNull();
  });
});

describe('the partner role', () => {
  it('answers requests and does nothing else: no child, search, worklist or register', () => {
    expect(scopeFor('partner', 'partner-request:answer')).toBe('own');
    for (const action of ['child:read', 'child:search', 'worklist:read', 'partner:read', 'casework:record', 'audit:read'] as const) {
      expect(scopeFor('partner', action)).toBeNull();
    }
    expect(scopeFor('social-worker', 'partner-request:answer')).toBeNull();
  });
});
