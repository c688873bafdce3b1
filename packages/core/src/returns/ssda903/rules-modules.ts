/** Rules of the other tables: Reviews, UASC, Missing, OC2, OC3, AD1, PlacedAdoption and PrevPerm. */
import { continuouslyLookedAfter, headerDobFor, lastEpisodeOf, lookedAfterAtEnd, lookedAfterInYear } from './derived.ts';
import { ageOn, BLANK, birthday, dayNumber, isDay, parseDay, type Ssda903Return, type TableName } from './model.ts';
import { anyBlank, anyGiven, codeRule, dateRule, type RuleCheck, rowRule, rule, rowsOfChildren, where } from './rule.ts';

const ADOPTED = new Set(['E11', 'E12']);
const ADOPTION_PLACEMENTS = new Set(['A3', 'A4', 'A5', 'A6']);

/** Age on a day from the table's own DOB column; -1 when unknown. */
function ownAge(r: Ssda903Return, table: TableName) {
  const dob = r.days(table, 'DOB');
  return (i: number, day: number) => (isDay(dob[i]!) && isDay(day) ? ageOn(dob[i]!, day) : -1);
}

/** Rows of `table` whose child is (or is not) in a set of children. */
function childRows(
  code: string,
  table: TableName,
  needs: TableName[],
  children: (r: Ssda903Return) => Set<string>,
  extra?: (r: Ssda903Return) => (i: number) => boolean,
) {
  return rule(code, needs, (r) => {
    const set = children(r);
    const child = r.col(table, 'CHILD');
    const more = extra?.(r);
    return { [table]: where(child.length, (i) => set.has(child[i]!) && (!more || more(i))) };
  });
}

// ---------------------------------------------------------------------------------------------
// Reviews

const PARTICIPATION = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'];
const reviewRules: RuleCheck[] = [
  dateRule('166', 'Reviews', 'REVIEW', true),
  rowRule('167', 'Reviews', (r) => {
    const code = r.col('Reviews', 'REVIEW_CODE');
    const review = r.col('Reviews', 'REVIEW');
    return (i) => (code[i] === '' ? review[i] !== '' : !PARTICIPATION.includes(code[i]!));
  }),
  rowRule('440', 'Reviews', (r) => {
    const code = r.col('Reviews', 'REVIEW_CODE');
    const at = r.days('Reviews', 'REVIEW');
    const age = ownAge(r, 'Reviews');
    return (i) => code[i] === 'PN0' && age(i, at[i]!) >= 4;
  }),
  rowRule('441', 'Reviews', (r) => {
    const code = r.col('Reviews', 'REVIEW_CODE');
    const at = r.days('Reviews', 'REVIEW');
    const age = ownAge(r, 'Reviews');
    return (i) => code[i] !== '' && code[i] !== 'PN0' && age(i, at[i]!) >= 0 && age(i, at[i]!) < 4;
  }),
  // Children whose every episode is a short break (V3/V4) have no mother field and no reviews.
  rule('399', ['Episodes', 'Header', 'Reviews'], (r) => {
    const shortBreaks = shortBreakChildren(r);
    const hchild = r.col('Header', 'CHILD');
    const mother = r.col('Header', 'MOTHER');
    return { Header: where(hchild.length, (i) => mother[i] !== '' && shortBreaks.has(hchild[i]!)), Reviews: rowsOfChildren(r, 'Reviews', shortBreaks) };
  }),
];

function shortBreakChildren(r: Ssda903Return): Set<string> {
  return r.derived('shortBreakChildren', () => {
    const child = r.col('Episodes', 'CHILD');
    const ls = r.col('Episodes', 'LS');
    const all = new Set(child);
    for (let i = 0; i < child.length; i++) if (ls[i] !== 'V3' && ls[i] !== 'V4') all.delete(child[i]!);
    return all;
  });
}

// ---------------------------------------------------------------------------------------------
// UASC

/** OC3 care leavers with no episode in this year's return. */
function leaversWithoutEpisodes(r: Ssda903Return): Set<string> {
  return r.derived('leaversWithoutEpisodes', () => {
    const eps = r.index('Episodes').byChild;
    return new Set(r.col('OC3', 'CHILD').filter((c) => !eps.has(c)));
  });
}

const uascRules: RuleCheck[] = [
  dateRule('104', 'UASC', 'DUC'),
  rowRule('304', 'UASC', (r) => {
    const duc = r.days('UASC', 'DUC');
    const dob = r.days('UASC', 'DOB');
    return (i) => isDay(duc[i]!) && isDay(dob[i]!) && duc[i]! > birthday(dob[i]!, 18);
  }),
  // Care leavers (in OC3, not looked after at any time in the year) have no UASC record.
  childRows('1014', 'UASC', ['UASC', 'OC3', 'Episodes'], (r) => {
    const looked = lookedAfterInYear(r);
    return new Set(r.col('OC3', 'CHILD').filter((c) => !looked.has(c)));
  }),
];

// ---------------------------------------------------------------------------------------------
// Missing

function missingCols(r: Ssda903Return) {
  return {
    child: r.col('Missing', 'CHILD'),
    type: r.col('Missing', 'MISSING'),
    startText: r.col('Missing', 'MIS_START'),
    endText: r.col('Missing', 'MIS_END'),
    start: r.days('Missing', 'MIS_START'),
    end: r.days('Missing', 'MIS_END'),
  };
}

/** The child's final episode when it ended the child's care (not X1), per child. */
function leftCareOn(r: Ssda903Return): Map<string, { row: number; dec: number }> {
  return r.derived('leftCareOn', () => {
    const rec = r.col('Episodes', 'REC');
    const dec = r.days('Episodes', 'DEC');
    const out = new Map<string, { row: number; dec: number }>();
    for (const [child, row] of lastEpisodeOf(r)) if (rec[row] !== '' && rec[row] !== 'X1' && isDay(dec[row]!)) out.set(child, { row, dec: dec[row]! });
    return out;
  });
}

const missingRules: RuleCheck[] = [
  dateRule('1004', 'Missing', 'MIS_START'),
  dateRule('1005', 'Missing', 'MIS_END'),
  codeRule('1006', 'Missing', 'MISSING', ['M', 'A']),
  rowRule('564', 'Missing', (r) => {
    const m = missingCols(r);
    return (i) => m.type[i] !== '' && m.startText[i] === '';
  }),
  rowRule('565', 'Missing', (r) => {
    const m = missingCols(r);
    return (i) => m.startText[i] !== '' && m.type[i] === '';
  }),
  rowRule('566', 'Missing', (r) => {
    const m = missingCols(r);
    return (i) => m.endText[i] !== '' && m.type[i] === '';
  }),
  rowRule('567', 'Missing', (r) => {
    const m = missingCols(r);
    return (i) => isDay(m.start[i]!) && isDay(m.end[i]!) && m.end[i]! < m.start[i]!;
  }),
  rowRule('570', 'Missing', (r) => {
    const m = missingCols(r);
    return (i) => isDay(m.start[i]!) && m.start[i]! > r.collectionEnd;
  }),
  rowRule('571', 'Missing', (r) => {
    const m = missingCols(r);
    return (i) => isDay(m.end[i]!) && (m.end[i]! < r.collectionStart || m.end[i]! > r.collectionEnd);
  }),
  rowRule('574', 'Missing', (r) => {
    const m = missingCols(r);
    const ix = r.index('Missing');
    return (i) => {
      const p = ix.prev[i]!;
      return p !== -1 && isDay(m.start[i]!) && (m.end[p] === BLANK || (isDay(m.end[p]!) && m.end[p]! > m.start[i]!));
    };
  }),
  rowRule('586', 'Missing', (r) => {
    const m = missingCols(r);
    const dob = r.days('Missing', 'DOB');
    return (i) => isDay(m.start[i]!) && isDay(dob[i]!) && m.start[i]! < dob[i]!;
  }),
  // An open missing period whose placement (the episode it started in) has ended.
  rule('575', ['Episodes', 'Missing'], (r) => {
    const m = missingCols(r);
    const ix = r.index('Episodes');
    const decom = r.days('Episodes', 'DECOM');
    const dec = r.days('Episodes', 'DEC');
    return {
      Missing: where(m.child.length, (i) => {
        if (m.endText[i] !== '' || !isDay(m.start[i]!)) return false;
        const g = ix.byChild.get(m.child[i]!);
        if (g === undefined) return false;
        for (let k = ix.starts[g + 1]! - 1; k >= ix.starts[g]!; k--) {
          const e = ix.order[k]!;
          if (decom[e]! <= m.start[i]!) return isDay(dec[e]!) && dec[e]! >= m.start[i]!;
        }
        return false;
      }),
    };
  }),
  rule('577', ['Episodes', 'Missing'], (r) => {
    const m = missingCols(r);
    const left = leftCareOn(r);
    return { Missing: where(m.child.length, (i) => m.endText[i] === '' && m.startText[i] !== '' && left.has(m.child[i]!)) };
  }),
  rule('578', ['Episodes', 'Missing'], (r) => {
    const m = missingCols(r);
    const left = leftCareOn(r);
    return { Missing: where(m.child.length, (i) => isDay(m.start[i]!) && (left.get(m.child[i]!)?.dec ?? Infinity) < m.start[i]!) };
  }),
  rule('581', ['Episodes', 'Missing'], (r) => {
    const m = missingCols(r);
    const ix = r.index('Episodes');
    const decom = r.days('Episodes', 'DECOM');
    return {
      Missing: where(m.child.length, (i) => {
        const g = ix.byChild.get(m.child[i]!);
        if (g === undefined || !isDay(m.start[i]!)) return false;
        const first = decom[ix.order[ix.starts[g]!]!]!;
        return isDay(first) && m.start[i]! < first;
      }),
    };
  }),
  // Missing (or away) when care ended: the reason care ended should be E8.
  rule('580', ['Episodes', 'Missing'], (r) => {
    const m = missingCols(r);
    const rec = r.col('Episodes', 'REC');
    const missingAtEnd = new Set<string>();
    const left = leftCareOn(r);
    for (let i = 0; i < m.child.length; i++) {
      const l = left.get(m.child[i]!);
      if (l && isDay(m.start[i]!) && m.start[i]! <= l.dec && (m.end[i] === BLANK || m.end[i]! > l.dec)) missingAtEnd.add(m.child[i]!);
    }
    const rows: number[] = [];
    for (const c of missingAtEnd) {
      const l = left.get(c)!;
      if (rec[l.row] !== 'E8') rows.push(l.row);
    }
    return { Episodes: rows };
  }),
];

// ---------------------------------------------------------------------------------------------
// OC2: children looked after continuously for 12 months at 31 March

const FLAGS = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
];
const CORE_HEALTH = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'];

function oc2(r: Ssda903Return) {
  const c = (f: string) => r.col('OC2', f);
  const age = ownAge(r, 'OC2');
  return {
    child: c('CHILD'),
    score: c('SDQ_SCORE'),
    reason: c('SDQ_REASON'),
    convicted: c('CONVICTED'),
    healthCheck: c('HEALTH_CHECK'),
    misuse: c('SUBSTANCE_MISUSE'),
    received: c('INTERVENTION_RECEIVED'),
    offered: c('INTERVENTION_OFFERED'),
    flags: FLAGS.map(c),
    core: CORE_HEALTH.map(c),
    ageAtStart: (i: number) => age(i, r.collectionStart),
    ageAtEnd: (i: number) => age(i, r.collectionEnd),
  };
}
const oc2Rule = (code: string, pred: (r: Ssda903Return, o: ReturnType<typeof oc2>) => (i: number) => boolean) => rowRule(code, 'OC2', (r) => pred(r, oc2(r)));
const oc2CohortRule = (code: string, inCohort: boolean, pred: (r: Ssda903Return, o: ReturnType<typeof oc2>) => (i: number) => boolean) =>
  rowRule(
    code,
    'OC2',
    (r) => {
      const o = oc2(r);
      const cla = continuouslyLookedAfter(r);
      const p = pred(r, o);
      return (i) => cla.has(o.child[i]!) === inCohort && p(i);
    },
    ['OC2', 'Episodes'],
  );

const oc2Rules: RuleCheck[] = [
  oc2Rule('180', (_r, o) => (i) => o.score[i] !== '' && !(/^\d{1,2}$/.test(o.score[i]!) && Number(o.score[i]) <= 40)),
  codeRule('196', 'OC2', 'SDQ_REASON', ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']),
  oc2Rule('181', (_r, o) => (i) => o.flags.some((c) => c[i] !== '' && c[i] !== '0' && c[i] !== '1')),
  oc2Rule('182', (_r, o) => (i) => anyGiven([o.convicted, o.healthCheck, o.received, o.offered], i) && anyBlank(o.core, i)),
  oc2Rule('158', (_r, o) => (i) => o.received[i] === '1' && o.offered[i] !== ''),
  oc2Rule('159', (_r, o) => (i) => o.misuse[i] === '1' && o.received[i] === '0' && o.offered[i] === ''),
  oc2Rule('192', (_r, o) => (i) => o.misuse[i] === '1' && o.received[i] === ''),
  oc2Rule('193', (_r, o) => (i) => o.misuse[i] !== '1' && (o.received[i] !== '' || o.offered[i] !== '')),
  oc2Rule('188', (_r, o) => (i) => o.ageAtEnd(i) >= 0 && o.ageAtEnd(i) < 4 && (o.score[i] !== '' || o.reason[i] !== '')),
  oc2Rule('189', (_r, o) => (i) => o.ageAtStart(i) >= 17 && (o.score[i] !== '' || o.reason[i] !== '')),
  oc2Rule('197a', (_r, o) => (i) => o.score[i] !== '' && o.reason[i] !== ''),
  // SDQ1 ("no form returned: child under 4 or over 17") given as the reason for no score by a child
  // of the cohort who was of SDQ age; a score given as well is 197a's finding.
  oc2CohortRule(
    '157',
    true,
    (_r, o) => (i) => o.reason[i] === 'SDQ1' && o.score[i] === '' && o.ageAtStart(i) >= 4 && o.ageAtEnd(i) >= 0 && o.ageAtEnd(i) <= 16,
  ),
  oc2Rule('542', (_r, o) => (i) => o.ageAtEnd(i) >= 0 && o.ageAtEnd(i) < 10 && o.convicted[i] !== ''),
  oc2Rule('544', (_r, o) => (i) => o.convicted[i] !== '' && anyBlank(o.core, i)),
  // Like 545, 546 is about the OC2 cohort (looked after continuously for 12 months): the DfE's
  // logic reads "and <CONTINUOUSLY_LOOKED_AFTER> = 'Y'"; other children's OC2 rows are 190's.
  oc2CohortRule('546', true, (_r, o) => (i) => o.ageAtEnd(i) >= 5 && o.healthCheck[i] !== ''),
  oc2Rule('547', (_r, o) => (i) => o.healthCheck[i] !== '' && anyBlank(o.core, i)),
  oc2CohortRule('185', false, (_r, o) => (i) => o.score[i] !== ''),
  oc2CohortRule('198', false, (_r, o) => (i) => o.reason[i] !== ''),
  oc2CohortRule('190', false, (_r, o) => (i) => anyGiven(o.flags, i)),
  oc2CohortRule('191', true, (_r, o) => (i) => anyBlank(o.core, i)),
  // A reason for no score (e.g. SDQ2, carer refused) explains a blank score, so is not flagged here.
  oc2CohortRule('186', true, (_r, o) => (i) => o.ageAtStart(i) >= 4 && o.ageAtEnd(i) >= 0 && o.ageAtEnd(i) < 17 && o.score[i] === '' && o.reason[i] === ''),
  oc2CohortRule('197B', true, (_r, o) => (i) => o.ageAtStart(i) >= 4 && o.ageAtStart(i) <= 16 && o.score[i] === '' && o.reason[i] === ''),
  oc2CohortRule('543', true, (_r, o) => (i) => o.ageAtEnd(i) >= 10 && o.convicted[i] === ''),
  oc2CohortRule('545', true, (_r, o) => (i) => o.ageAtEnd(i) >= 0 && o.ageAtEnd(i) < 5 && o.healthCheck[i] === ''),
];

// ---------------------------------------------------------------------------------------------
// OC3: care leavers

const IN_TOUCH = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'];
const ACTIV = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'];
const ACCOM = [
  ...['B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2'],
  ...['T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0'],
];
function oc3(r: Ssda903Return) {
  return { child: r.col('OC3', 'CHILD'), touch: r.col('OC3', 'IN_TOUCH'), activ: r.col('OC3', 'ACTIV'), accom: r.col('OC3', 'ACCOM') };
}
/** OC3 rows with care leaver information given. */
function leaverData(r: Ssda903Return) {
  const o = oc3(r);
  return (i: number) => anyGiven([o.touch, o.activ, o.accom], i);
}
/** Children whose episodes show a given final reason (E2 died, E3 transferred). */
function finalReason(r: Ssda903Return, reasons: string[]): Set<string> {
  const rec = r.col('Episodes', 'REC');
  const out = new Set<string>();
  for (const [child, row] of lastEpisodeOf(r)) if (reasons.includes(rec[row]!)) out.add(child);
  return out;
}

const oc3Rules: RuleCheck[] = [
  codeRule('131', 'OC3', 'IN_TOUCH', IN_TOUCH),
  codeRule('132', 'OC3', 'ACTIV', ACTIV),
  codeRule('133', 'OC3', 'ACCOM', ACCOM),
  rowRule('153', 'OC3', (r) => {
    const o = oc3(r);
    return (i) => anyGiven([o.touch, o.activ, o.accom], i) && anyBlank([o.touch, o.activ, o.accom], i);
  }),
  rowRule('344', 'OC3', (r) => {
    const o = oc3(r);
    return (i) => (o.touch[i] === 'DIED' || o.touch[i] === 'RHOM') && ((o.activ[i] !== '' && o.activ[i] !== '0') || (o.accom[i] !== '' && o.accom[i] !== '0'));
  }),
  rowRule('345', 'OC3', (r) => {
    const o = oc3(r);
    return (i) => o.touch[i] === 'YES' && (o.activ[i] === '0' || o.accom[i] === '0');
  }),
  // The young person must be 17 to 21 at some time in the year.
  rowRule('391', 'OC3', (r) => {
    const dob = r.days('OC3', 'DOB');
    const data = leaverData(r);
    return (i) => data(i) && isDay(dob[i]!) && (birthday(dob[i]!, 17) > r.collectionEnd || birthday(dob[i]!, 22) <= r.collectionStart);
  }),
  // Around the 17th birthday a care leaver cannot be staying put with former foster carers (Z).
  rowRule('3001', 'OC3', (r) => {
    const dob = r.days('OC3', 'DOB');
    const o = oc3(r);
    return (i) => {
      if (!isDay(dob[i]!) || !o.accom[i]!.startsWith('Z')) return false;
      const b17 = birthday(dob[i]!, 17);
      return b17 >= r.collectionStart && b17 <= r.collectionEnd;
    };
  }),
  // Foyers (ACCOM T1/T2) are not for care leavers under 18. (The public validator compares ACCOM
  // with 'T', which no valid code equals; the letter is what the DfE means.)
  rowRule('347', 'OC3', (r) => {
    const dob = r.days('OC3', 'DOB');
    const o = oc3(r);
    return (i) => o.accom[i]!.startsWith('T') && isDay(dob[i]!) && ageOn(dob[i]!, r.collectionStart) < 18;
  }),
  // 17- or 18-year-olds (at 31 March) whose care ended after their 17th birthday are not yet care leavers to report.
  rule('1016', ['Episodes', 'OC3'], (r) => {
    const dob = r.days('OC3', 'DOB');
    const o = oc3(r);
    const data = leaverData(r);
    const ix = r.index('Episodes');
    const dec = r.days('Episodes', 'DEC');
    return {
      OC3: where(o.child.length, (i) => {
        if (!data(i) || !isDay(dob[i]!)) return false;
        const age = ageOn(dob[i]!, r.collectionEnd);
        const g = ix.byChild.get(o.child[i]!);
        if (age < 17 || age >= 19 || g === undefined) return false;
        const b17 = birthday(dob[i]!, 17);
        for (let k = ix.starts[g]!; k < ix.starts[g + 1]!; k++) if (isDay(dec[ix.order[k]!]!) && dec[ix.order[k]!]! >= b17) return true;
        return false;
      }),
    };
  }),
  rule('134', ['AD1', 'OC3'], (r) => {
    const adopted = r.index('AD1').byChild;
    const data = leaverData(r);
    const leavers = new Set(r.col('OC3', 'CHILD').filter((_c, i) => data(i)));
    const child = r.col('OC3', 'CHILD');
    return { OC3: where(child.length, (i) => data(i) && adopted.has(child[i]!)), AD1: rowsOfChildren(r, 'AD1', leavers) };
  }),
  rule('187', ['AD1', 'Episodes', 'OC3'], (r) => {
    const cla = continuouslyLookedAfter(r);
    const data = leaverData(r);
    const child = r.col('OC3', 'CHILD');
    return { OC3: where(child.length, (i) => data(i) && cla.has(child[i]!)), AD1: rowsOfChildren(r, 'AD1', cla) };
  }),
  rule('215', ['OC2', 'OC3'], (r) => {
    const data = leaverData(r);
    const ochild = r.col('OC3', 'CHILD');
    const leavers = new Set(ochild.filter((_c, i) => data(i)));
    const o = oc2(r);
    return { OC2: where(o.child.length, (i) => leavers.has(o.child[i]!) && anyGiven(o.flags, i)) };
  }),
  rule('1000', ['Episodes', 'OC3'], (r) => ({ OC3: rowsWithLeaverData(r, finalReason(r, ['E2'])) })),
  rule('1011', ['Episodes', 'OC3'], (r) => ({ OC3: rowsWithLeaverData(r, finalReason(r, ['E3'])) })),
  // The DfE: 17 or 18 at the end of the year and still looked after (no DEC on the current episode).
  rule('1007', ['Episodes', 'OC3'], (r) => {
    const age = ownAge(r, 'OC3');
    const still = lookedAfterAtEnd(r);
    const data = leaverData(r);
    const child = r.col('OC3', 'CHILD');
    return { OC3: where(child.length, (i) => data(i) && still.has(child[i]!) && age(i, r.collectionEnd) >= 17 && age(i, r.collectionEnd) < 19) };
  }),
  // Care leavers with no episodes this year: nothing but Header and OC3 for them.
  rule('1012', ['Episodes', 'OC3'], (r) => {
    const leavers = leaversWithoutEpisodes(r);
    const out: Partial<Record<TableName, number[]>> = {};
    for (const t of ['Reviews', 'UASC', 'OC2', 'AD1', 'PlacedAdoption', 'PrevPerm', 'Missing'] as const) if (r.has(t)) out[t] = rowsOfChildren(r, t, leavers);
    return out;
  }),
  rule('628', ['Episodes', 'Header', 'OC3'], (r) => {
    const leavers = leaversWithoutEpisodes(r);
    const inCare = lookedAfterInYear(r);
    const hchild = r.col('Header', 'CHILD');
    const mother = r.col('Header', 'MOTHER');
    return { Header: where(hchild.length, (i) => mother[i] !== '' && leavers.has(hchild[i]!) && !inCare.has(hchild[i]!)) };
  }),
];

function rowsWithLeaverData(r: Ssda903Return, children: Set<string>): number[] {
  const data = leaverData(r);
  const child = r.col('OC3', 'CHILD');
  return where(child.length, (i) => data(i) && children.has(child[i]!));
}

// ---------------------------------------------------------------------------------------------
// AD1: children adopted in the year

const AD1_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];
const COUPLE = ['MM', 'FF', 'MF'];
function ad1(r: Ssda903Return) {
  const c = (f: string) => r.col('AD1', f);
  return {
    child: c('CHILD'),
    foster: c('FOSTER_CARE'),
    nb: c('NB_ADOPTR'),
    sex: c('SEX_ADOPTR'),
    ls: c('LS_ADOPTR'),
    all: AD1_FIELDS.map(c),
    int: r.days('AD1', 'DATE_INT'),
    match: r.days('AD1', 'DATE_MATCH'),
  };
}
const ad1Rule = (code: string, pred: (o: ReturnType<typeof ad1>) => (i: number) => boolean) => rowRule(code, 'AD1', (r) => pred(ad1(r)));

/** Each child's adoption in the year: the episode that ended E11/E12 and the start of the adoptive placement. */
function adoptions(r: Ssda903Return): Map<string, { row: number; dec: number; placedOn: number }> {
  return r.derived('adoptions', () => {
    const ix = r.index('Episodes');
    const rec = r.col('Episodes', 'REC');
    const place = r.col('Episodes', 'PLACE');
    const decom = r.days('Episodes', 'DECOM');
    const dec = r.days('Episodes', 'DEC');
    const out = new Map<string, { row: number; dec: number; placedOn: number }>();
    for (let i = 0; i < rec.length; i++) {
      if (!ADOPTED.has(rec[i]!) || !isDay(dec[i]!) || dec[i]! < r.collectionStart || dec[i]! > r.collectionEnd) continue;
      let first = i;
      while (ix.prev[first]! >= 0 && ADOPTION_PLACEMENTS.has(place[ix.prev[first]!]!) && ADOPTION_PLACEMENTS.has(place[first]!)) first = ix.prev[first]!;
      out.set(r.col('Episodes', 'CHILD')[i]!, { row: i, dec: dec[i]!, placedOn: decom[first]! });
    }
    return out;
  });
}

const ad1Rules: RuleCheck[] = [
  dateRule('112', 'AD1', 'DATE_INT'),
  dateRule('113', 'AD1', 'DATE_MATCH'),
  codeRule('114', 'AD1', 'FOSTER_CARE', ['0', '1']),
  codeRule('175', 'AD1', 'NB_ADOPTR', ['1', '2']),
  codeRule('176', 'AD1', 'SEX_ADOPTR', ['M1', 'F1', 'MM', 'FF', 'MF']),
  codeRule('177', 'AD1', 'LS_ADOPTR', ['L0', 'L11', 'L12', 'L2', 'L3', 'L4']),
  ad1Rule('151', (o) => (i) => anyGiven(o.all, i) && anyBlank(o.all, i)),
  ad1Rule('333', (o) => (i) => isDay(o.int[i]!) && isDay(o.match[i]!) && o.int[i]! > o.match[i]!),
  ad1Rule('511', (o) => (i) => o.nb[i] === '2' && o.sex[i] !== '' && !COUPLE.includes(o.sex[i]!)),
  ad1Rule('514', (o) => (i) => o.ls[i] === 'L0' && (o.nb[i] === '2' || COUPLE.includes(o.sex[i]!))),
  ad1Rule('517', (o) => (i) => o.ls[i] === 'L3' && o.sex[i] !== 'MF'),
  ad1Rule('518', (o) => (i) => o.ls[i] === 'L4' && o.sex[i] !== 'MM' && o.sex[i] !== 'FF'),
  ad1Rule('519', (o) => (i) => o.ls[i] === 'L2' && !COUPLE.includes(o.sex[i]!)),
  ad1Rule('520', (o) => (i) => o.ls[i] === 'L11' && (o.sex[i] === 'MM' || o.sex[i] === 'FF')),
  ad1Rule('524', (o) => (i) => o.ls[i] === 'L12' && o.sex[i] !== 'MM' && o.sex[i] !== 'FF'),
  ...(
    [
      ['331', (o, a, i) => isDay(o.match[i]!) && isDay(a.placedOn) && o.match[i]! > a.placedOn],
      ['521', (o, a, i) => isDay(o.int[i]!) && isDay(a.placedOn) && o.int[i]! > a.placedOn],
      ['582', (o, a, i) => isDay(o.match[i]!) && o.match[i] === a.dec],
    ] as [string, (o: ReturnType<typeof ad1>, a: { dec: number; placedOn: number }, i: number) => boolean][]
  ).map(([code, test]) =>
    rule(code, ['AD1', 'Episodes'], (r) => {
      const o = ad1(r);
      const adopted = adoptions(r);
      return {
        AD1: where(o.child.length, (i) => {
          const a = adopted.get(o.child[i]!);
          return !!a && test(o, a, i);
        }),
      };
    }),
  ),
  // 0: not adopted by the current foster carer, so not A3/A5; 1: adopted by them, so not A4/A6.
  rule('335', ['AD1', 'Episodes'], (r) => {
    const o = ad1(r);
    const place = r.col('Episodes', 'PLACE');
    const adopted = adoptions(r);
    return {
      AD1: where(o.child.length, (i) => {
        const a = adopted.get(o.child[i]!);
        if (!a) return false;
        const p = place[a.row]!;
        return (o.foster[i] === '0' && (p === 'A3' || p === 'A5')) || (o.foster[i] === '1' && (p === 'A4' || p === 'A6'));
      }),
    };
  }),
  // The latest period of care starts with the latest episode whose RNE is S; a return with none does
  // not show when the child started to be looked after, so there is nothing to compare.
  rule('334', ['AD1', 'Episodes'], (r) => {
    const o = ad1(r);
    const decom = r.days('Episodes', 'DECOM');
    const rne = r.col('Episodes', 'RNE');
    const echild = r.col('Episodes', 'CHILD');
    const started = new Map<string, number>();
    for (let i = 0; i < echild.length; i++)
      if (rne[i] === 'S' && isDay(decom[i]!) && decom[i]! > (started.get(echild[i]!) ?? BLANK)) started.set(echild[i]!, decom[i]!);
    return {
      AD1: where(o.child.length, (i) => {
        const s = started.get(o.child[i]!);
        return s !== undefined && isDay(o.int[i]!) && o.int[i]! < s;
      }),
    };
  }),
  rule('601', ['AD1', 'Episodes'], (r) => {
    const o = ad1(r);
    const ix = r.index('AD1');
    const rows: number[] = [];
    for (const [child, a] of adoptions(r)) {
      const g = ix.byChild.get(child);
      if (g === undefined || anyBlank(o.all, ix.order[ix.starts[g]!]!)) rows.push(a.row);
    }
    return { Episodes: rows.sort((x, y) => x - y) };
  }),
  rule('602', ['AD1', 'Episodes'], (r) => {
    const adopted = adoptions(r);
    const child = r.col('AD1', 'CHILD');
    return { AD1: where(child.length, (i) => !adopted.has(child[i]!)) };
  }),
  rule('525', ['AD1', 'PlacedAdoption'], (r) => {
    const ceased = r.col('PlacedAdoption', 'DATE_PLACED_CEASED');
    const reversed = new Set(r.col('PlacedAdoption', 'CHILD').filter((_c, i) => ceased[i] !== ''));
    const o = ad1(r);
    return { AD1: where(o.child.length, (i) => reversed.has(o.child[i]!) && anyGiven(o.all, i)) };
  }),
  rule('523', ['AD1', 'PlacedAdoption'], (r) => {
    const o = ad1(r);
    const pa = r.index('PlacedAdoption');
    const placed = r.days('PlacedAdoption', 'DATE_PLACED');
    return {
      AD1: where(o.child.length, (i) => {
        const g = pa.byChild.get(o.child[i]!);
        if (g === undefined || !isDay(o.int[i]!)) return false;
        for (let k = pa.starts[g]!; k < pa.starts[g + 1]!; k++) if (placed[pa.order[k]!] === o.int[i]) return false;
        return true;
      }),
    };
  }),
];

// ---------------------------------------------------------------------------------------------
// PlacedAdoption: decisions that a child should be placed for adoption

function pa(r: Ssda903Return) {
  return {
    child: r.col('PlacedAdoption', 'CHILD'),
    placedText: r.col('PlacedAdoption', 'DATE_PLACED'),
    ceasedText: r.col('PlacedAdoption', 'DATE_PLACED_CEASED'),
    reason: r.col('PlacedAdoption', 'REASON_PLACED_CEASED'),
    placed: r.days('PlacedAdoption', 'DATE_PLACED'),
    ceased: r.days('PlacedAdoption', 'DATE_PLACED_CEASED'),
    ix: r.index('PlacedAdoption'),
  };
}
const paRule = (code: string, pred: (r: Ssda903Return, p: ReturnType<typeof pa>) => (i: number) => boolean, needs: TableName[] = ['PlacedAdoption']) =>
  rowRule(code, 'PlacedAdoption', (r) => pred(r, pa(r)), needs);

/** Per child, the first day of an episode matching `test` (in the year), and that episode's row. */
function firstEpisodeWhere(r: Ssda903Return, key: string, test: (i: number) => boolean): Map<string, number> {
  return r.derived(key, () => {
    const ix = r.index('Episodes');
    const out = new Map<string, number>();
    for (let g = 0; g < ix.children.length; g++)
      for (let k = ix.starts[g]!; k < ix.starts[g + 1]!; k++)
        if (test(ix.order[k]!)) {
          out.set(ix.children[g]!, ix.order[k]!);
          break;
        }
    return out;
  });
}
const firstAdoptivePlacement = (r: Ssda903Return) => {
  const place = r.col('Episodes', 'PLACE');
  return firstEpisodeWhere(r, 'firstAdoptivePlacement', (i) => ADOPTION_PLACEMENTS.has(place[i]!));
};
const firstPlacementOrder = (r: Ssda903Return) => {
  const ls = r.col('Episodes', 'LS');
  return firstEpisodeWhere(r, 'firstPlacementOrder', (i) => ls[i] === 'E1');
};
/** Decision dates on or before `day` exist for the child? */
function decidedBy(p: ReturnType<typeof pa>, child: string, day: number): boolean {
  const g = p.ix.byChild.get(child);
  if (g === undefined) return false;
  for (let k = p.ix.starts[g]!; k < p.ix.starts[g + 1]!; k++) if (isDay(p.placed[p.ix.order[k]!]!) && p.placed[p.ix.order[k]!]! <= day) return true;
  return false;
}
function episodeWithoutDecision(code: string, first: (r: Ssda903Return) => Map<string, number>): RuleCheck {
  return rule(code, ['Episodes', 'PlacedAdoption'], (r) => {
    const p = pa(r);
    const decom = r.days('Episodes', 'DECOM');
    const rows: number[] = [];
    // Whenever the placement (or order) began: the decision belongs in the return while the child is in it.
    for (const [child, row] of first(r)) if (isDay(decom[row]!) && !decidedBy(p, child, r.collectionEnd)) rows.push(row);
    return { Episodes: rows.sort((a, b) => a - b) };
  });
}
function decisionAfter(code: string, first: (r: Ssda903Return) => Map<string, number>): RuleCheck {
  return paRule(
    code,
    (r, p) => {
      const at = first(r);
      const decom = r.days('Episodes', 'DECOM');
      return (i) => {
        const row = at.get(p.child[i]!);
        if (row === undefined || !isDay(p.placed[i]!) || !isDay(decom[row]!)) return false;
        return p.placed[i]! > decom[row]! && !decidedBy(p, p.child[i]!, decom[row]!);
      };
    },
    ['PlacedAdoption', 'Episodes'],
  );
}

const paRules: RuleCheck[] = [
  dateRule('115', 'PlacedAdoption', 'DATE_PLACED'),
  dateRule('116', 'PlacedAdoption', 'DATE_PLACED_CEASED'),
  codeRule('120', 'PlacedAdoption', 'REASON_PLACED_CEASED', ['RD1', 'RD2', 'RD3', 'RD4']),
  paRule('119', (_r, p) => (i) => (p.ceasedText[i] === '') !== (p.reason[i] === '')),
  paRule('522', (_r, p) => (i) => isDay(p.placed[i]!) && isDay(p.ceased[i]!) && p.placed[i]! > p.ceased[i]!),
  paRule('563', (_r, p) => (i) => p.placedText[i] === '' && (p.ceasedText[i] !== '' || p.reason[i] !== '')),
  paRule('579', (_r, p) => (i) => {
    const prev = p.ix.prev[i]!;
    return prev !== -1 && isDay(p.placed[i]!) && (p.ceased[prev] === BLANK || (isDay(p.ceased[prev]!) && p.ceased[prev]! > p.placed[i]!));
  }),
  paRule('583', (_r, p) => (i) => p.ix.next[i] !== -1 && p.ceasedText[i] === ''),
  paRule(
    '184',
    (r, p) => {
      const dob = headerDobFor(r, 'PlacedAdoption');
      return (i) => isDay(p.placed[i]!) && isDay(dob[i]!) && p.placed[i]! < dob[i]!;
    },
    ['PlacedAdoption', 'Header'],
  ),
  paRule(
    '117',
    (r, p) => {
      const left = leftCareOn(r);
      return (i) => {
        const limit = Math.min(r.collectionEnd, left.get(p.child[i]!)?.dec ?? Infinity);
        return (isDay(p.placed[i]!) && p.placed[i]! > limit) || (isDay(p.ceased[i]!) && p.ceased[i]! > limit);
      };
    },
    ['PlacedAdoption', 'Episodes'],
  ),
  paRule(
    '118',
    (r, p) => {
      const ix = r.index('Episodes');
      const decom = r.days('Episodes', 'DECOM');
      const ls = r.col('Episodes', 'LS');
      // The DfE compares with the earliest episode whose LS is not a short break (V3/V4).
      const firstInCare = (child: string) => {
        const g = ix.byChild.get(child);
        if (g === undefined) return BLANK;
        for (let k = ix.starts[g]!; k < ix.starts[g + 1]!; k++) {
          const row = ix.order[k]!;
          if (ls[row] !== 'V3' && ls[row] !== 'V4') return decom[row]!;
        }
        return BLANK;
      };
      return (i) => {
        if (!isDay(p.ceased[i]!)) return false;
        const first = firstInCare(p.child[i]!);
        return p.ceased[i]! < r.collectionStart || (isDay(first) && p.ceased[i]! < first);
      };
    },
    ['PlacedAdoption', 'Episodes'],
  ),
  // Only where the return shows the child starting to be looked after (its first episode is S).
  paRule(
    '1003',
    (r, p) => {
      const ix = r.index('Episodes');
      const decom = r.days('Episodes', 'DECOM');
      const rne = r.col('Episodes', 'RNE');
      return (i) => {
        const g = ix.byChild.get(p.child[i]!);
        if (g === undefined || !isDay(p.placed[i]!)) return false;
        const first = ix.order[ix.starts[g]!]!;
        return rne[first] === 'S' && isDay(decom[first]!) && p.placed[i]! < decom[first]!;
      };
    },
    ['PlacedAdoption', 'Episodes'],
  ),
  episodeWithoutDecision('551', firstAdoptivePlacement),
  episodeWithoutDecision('553', firstPlacementOrder),
  decisionAfter('552', firstAdoptivePlacement),
  decisionAfter('554', firstPlacementOrder),
  // Left care other than by adoption with a decision still open: the decision should have ceased.
  // A child for whom the decision to place for adoption was made (a decision in PlacedAdoption, or an
  // episode placed for adoption, A3–A6, or under a placement order, E1) who left care other than by
  // adoption (E11/E12): the decision's end (DATE_PLACED_CEASED and REASON_PLACED_CEASED) must be
  // given. Flagged: the decision left open, and the leaving episode (also when there is no decision).
  rule('557', ['PlacedAdoption', 'Episodes'], (r) => {
    const p = pa(r);
    const left = leftCareOn(r);
    const rec = r.col('Episodes', 'REC');
    const place = r.col('Episodes', 'PLACE');
    const ls = r.col('Episodes', 'LS');
    const echild = r.col('Episodes', 'CHILD');
    const open = (i: number) => p.ceasedText[i] === '' || p.reason[i] === '';
    const latestPa = new Map<string, number>();
    for (let i = 0; i < p.child.length; i++) if (p.ix.next[i] === -1) latestPa.set(p.child[i]!, i);
    const notAdopted = (row: number) => rec[row] !== '' && rec[row] !== 'X1' && !ADOPTED.has(rec[row]!);
    return {
      PlacedAdoption: where(p.child.length, (i) => {
        const l = left.get(p.child[i]!);
        return !!l && notAdopted(l.row) && p.placedText[i] !== '' && open(i);
      }),
      Episodes: where(echild.length, (i) => {
        if (!notAdopted(i) || !(ADOPTION_PLACEMENTS.has(place[i]!) || ls[i] === 'E1')) return false;
        const d = latestPa.get(echild[i]!);
        return d === undefined || open(d);
      }),
    };
  }),
  // Adopted: the latest decision should not have ceased.
  paRule(
    '558',
    (r, p) => {
      const adopted = adoptions(r);
      return (i) => adopted.has(p.child[i]!) && p.ix.next[i] === -1 && p.ceasedText[i] !== '';
    },
    ['PlacedAdoption', 'Episodes'],
  ),
];

// ---------------------------------------------------------------------------------------------
// PrevPerm: permanence before this period of care

const PERM_DATE = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/;
const prevPermRules: RuleCheck[] = [
  codeRule('631', 'PrevPerm', 'PREV_PERM', ['P1', 'P2', 'P3', 'P4', 'Z1']),
  rowRule('635', 'PrevPerm', (r) => {
    const prev = r.col('PrevPerm', 'PREV_PERM');
    const la = r.col('PrevPerm', 'LA_PERM');
    const date = r.col('PrevPerm', 'DATE_PERM');
    return (i) => prev[i] === 'Z1' && (la[i] !== '' || date[i] !== '');
  }),
  // dd/mm/yyyy with ZZ for unknown parts; a whole date must be real and before care began.
  rowRule(
    '632',
    'PrevPerm',
    (r) => {
      const date = r.col('PrevPerm', 'DATE_PERM');
      const child = r.col('PrevPerm', 'CHILD');
      const starts = firstEpisodeWhere(
        r,
        'firstStartInYear',
        (() => {
          const rne = r.col('Episodes', 'RNE');
          const decom = r.days('Episodes', 'DECOM');
          return (i: number) => rne[i] === 'S' && decom[i]! >= r.collectionStart;
        })(),
      );
      const decom = r.days('Episodes', 'DECOM');
      return (i) => {
        const d = date[i]!;
        if (d === '') return false;
        if (!PERM_DATE.test(d)) return true;
        if (d.includes('Z')) return false;
        const day = parseDay(d);
        if (!isDay(day)) return true;
        const s = starts.get(child[i]!);
        return s !== undefined && day > decom[s]!;
      };
    },
    ['PrevPerm', 'Episodes'],
  ),
  // Previous permanence is asked only of children looked after from 1 April 2016: the DfE's logic is
  // "at least 1 episode must have a <DECOM> later than 01/04/2016" (the child's latest episode).
  rule('634', ['Episodes', 'PrevPerm'], (r) => {
    const decom = r.days('Episodes', 'DECOM');
    const last = lastEpisodeOf(r);
    const cols = ['PREV_PERM', 'LA_PERM', 'DATE_PERM'].map((f) => r.col('PrevPerm', f));
    const child = r.col('PrevPerm', 'CHILD');
    const cutoff = dayNumber(2016, 4, 1);
    return {
      PrevPerm: where(child.length, (i) => {
        const l = last.get(child[i]!);
        return l !== undefined && anyGiven(cols, i) && isDay(decom[l]!) && decom[l]! < cutoff;
      }),
    };
  }),
  rule('630', ['Episodes', 'PrevPerm'], (r) => {
    const rne = r.col('Episodes', 'RNE');
    const decom = r.days('Episodes', 'DECOM');
    const child = r.col('Episodes', 'CHILD');
    const ix = r.index('PrevPerm');
    const prev = r.col('PrevPerm', 'PREV_PERM');
    return {
      Episodes: where(child.length, (i) => {
        if (rne[i] !== 'S' || !isDay(decom[i]!) || decom[i]! < r.collectionStart) return false;
        const g = ix.byChild.get(child[i]!);
        return g === undefined || prev[ix.order[ix.starts[g]!]!] === '';
      }),
    };
  }),
];

export const moduleRules: RuleCheck[] = [...reviewRules, ...uascRules, ...missingRules, ...oc2Rules, ...oc3Rules, ...ad1Rules, ...paRules, ...prevPermRules];
