import { describe, expect, it } from 'vitest';
import { earlyHelpEnding, earlyHelpTeam, stepDownRefusal, stepUpLinkFor, withinTwelveMonthsOf } from '../src/early-help.ts';

const ep = (earlyHelpId: string, startedOn: string, endedOn: string | null) => ({ earlyHelpId, startedOn, endedOn });

describe('which early help episode a new contact or referral is linked to', () => {
  const history = [ep('first', '2025-01-10', '2025-03-31'), ep('second', '2025-06-02', '2025-09-30')];

  it('the one open on the day', () => {
    expect(stepUpLinkFor([...history, ep('open', '2026-01-05', null)], '2026-02-01')).toEqual({ episode: ep('open', '2026-01-05', null), openThen: true });
  });

  it('one ending later than the day was still open then', () => {
    expect(stepUpLinkFor(history, '2025-09-01')).toMatchObject({ episode: { earlyHelpId: 'second' }, openThen: true });
  });

  it('else the latest that ended in the 12 months before, counting the day itself', () => {
    expect(stepUpLinkFor(history, '2025-10-15')).toMatchObject({ episode: { earlyHelpId: 'second' }, openThen: false });
    expect(stepUpLinkFor(history, '2026-09-30')).toMatchObject({ episode: { earlyHelpId: 'second' }, openThen: false });
  });

  it('none once 12 months have passed, nor before any began', () => {
    expect(stepUpLinkFor(history, '2026-10-01')).toBeNull();
    expect(stepUpLinkFor(history, '2024-12-31')).toBeNull();
  });
});

describe('within 12 months of early help ending', () => {
  it('from the day it ended to the same date a year on; 29 February’s year ends on 28 February', () => {
    expect(withinTwelveMonthsOf('2026-03-02', '2026-03-02')).toBe(true);
    expect(withinTwelveMonthsOf('2026-03-02', '2027-03-02')).toBe(true);
    expect(withinTwelveMonthsOf('2026-03-02', '2027-03-03')).toBe(false);
    expect(withinTwelveMonthsOf('2026-03-02', '2026-03-01')).toBe(false);
    expect(withinTwelveMonthsOf('2028-02-29', '2029-02-28')).toBe(true);
    expect(withinTwelveMonthsOf('2028-02-29', '2029-03-01')).toBe(false);
  });
});

describe('stepping a child in need episode down to early help', () => {
  const closed = { closureDate: '2026-04-30', closureReason: 'RC7' };
  it('only once it is closed, on or after the closure, and not while early help is open', () => {
    expect(stepDownRefusal(closed, '2026-04-30', false)).toBeNull();
    expect(stepDownRefusal({ closureDate: null, closureReason: null }, '2026-05-01', false)?.rule).toBe('episode-closed');
    expect(stepDownRefusal(closed, '2026-04-29', false)?.rule).toBe('after-closure');
    expect(stepDownRefusal(closed, '2026-05-01', true)?.rule).toBe('early-help-open');
  });
  it('not after adoption, death, or a transfer to another council or to adult services', () => {
    for (const reason of ['RC1', 'RC2', 'RC5', 'RC6'])
      expect(stepDownRefusal({ closureDate: '2026-04-30', closureReason: reason }, '2026-05-01', false)?.rule).toBe('closure-reason');
  });
});

describe('what is recorded', () => {
  it('a lead professional is named for their kind', () => {
    const r = earlyHelpTeam.safeParse({ version: 1, leadKind: 'partner', leadWorkerId: '0b6f8a7e-3f61-4a4e-8a52-7c8f3e6d5a11' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['leadContactId']);
  });
  it('a step-up is not ended by hand', () => {
    expect(earlyHelpEnding.safeParse({ version: 1, endedOn: '2026-05-01', outcome: 'stepped-up', reasons: 'x' }).success).toBe(false);
    expect(earlyHelpEnding.safeParse({ version: 1, endedOn: '2026-05-01', outcome: 'needs-met', reasons: 'x' }).success).toBe(true);
  });
});
