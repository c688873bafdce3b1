/** Rules of the care leaver tables: OC2 (looked after continuously for 12 months at 31 March) and OC3 (care leavers). */
import { continuouslyLookedAfter, lastEpisodeOf, lookedAfterAtEnd, lookedAfterInYear, ownAge } from './derived.ts';
import { ageOn, birthday, isDay, type Ssda903Return, TABLE_COLUMNS, type TableName } from './model.ts';
import { anyBlank, anyGiven, codeRule, type RuleCheck, rowRule, rowRuleReading, rule, rowsOfChildren, where } from './rule.ts';
/** OC3 care leavers with no episode in this year's return. */
function leaversWithoutEpisodes(r: Ssda903Return): Set<string> {
  return r.derived('leaversWithoutEpisodes', () => {
    const eps = r.index('Episodes').byChild;
    return new Set(r.col('OC3', 'CHILD').filter((c) => !eps.has(c)));
  });
}

// ---------------------------------------------------------------------------------------------
// OC2: children looked after continuously for 12 months at 31 March

/** OC2's yes/no items: every column after the SDQ score and reason, in the DfE's order. */
const FLAGS = TABLE_COLUMNS.OC2.slice(TABLE_COLUMNS.OC2.indexOf('SDQ_REASON') + 1);
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
const oc2Rule = rowRuleReading('OC2', oc2);
/** For each OC2 row, 1 when its child is in the cohort (looked after continuously for 12 months): looked up once for every rule that asks. */
function cohortRows(r: Ssda903Return): Uint8Array {
  return r.derived('oc2CohortRows', () => {
    const cla = continuouslyLookedAfter(r);
    return Uint8Array.from(r.col('OC2', 'CHILD'), (c) => (cla.has(c) ? 1 : 0));
  });
}
const oc2CohortRule = (code: string, inCohort: boolean, pred: (r: Ssda903Return, o: ReturnType<typeof oc2>) => (i: number) => boolean) =>
  rowRule(
    code,
    'OC2',
    (r) => {
      const cohort = cohortRows(r);
      const want = inCohort ? 1 : 0;
      const p = pred(r, oc2(r));
      return (i) => cohort[i] === want && p(i);
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

export const leaverRules: RuleCheck[] = [...oc2Rules, ...oc3Rules];
