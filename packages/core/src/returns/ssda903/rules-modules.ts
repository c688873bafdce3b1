/** Rules of the other tables: Reviews, UASC, Missing and PrevPerm here; OC2 and OC3 in rules-leavers.ts, AD1 and PlacedAdoption in rules-adoption.ts. */
import { firstEpisodeWhere, lastEpisodeOf, leftCareOn, lookedAfterInYear, ownAge, SHORT_BREAK } from './derived.ts';
import { BLANK, birthday, dayNumber, isDay, parseDay, type Ssda903Return, type TableName } from './model.ts';
import { anyGiven, codeRule, dateRule, type RuleCheck, rowRule, rule, rowsOfChildren, where } from './rule.ts';
import { adoptionRules } from './rules-adoption.ts';
import { leaverRules } from './rules-leavers.ts';
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

/** Children every one of whose episodes is a short break, in the order Episodes first names them: a pass over each child's rows (no set of every child to delete most of again). */
function shortBreakChildren(r: Ssda903Return): Set<string> {
  return r.derived('shortBreakChildren', () => {
    const ix = r.index('Episodes');
    const ls = r.col('Episodes', 'LS');
    const out = new Set<string>();
    for (let g = 0; g < ix.children.length; g++) {
      let k = ix.starts[g]!;
      while (k < ix.starts[g + 1]! && SHORT_BREAK.has(ls[ix.order[k]!]!)) k++;
      if (k === ix.starts[g + 1]!) out.add(ix.children[g]!);
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// UASC

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

export const moduleRules: RuleCheck[] = [...reviewRules, ...uascRules, ...missingRules, ...leaverRules, ...adoptionRules, ...prevPermRules];
