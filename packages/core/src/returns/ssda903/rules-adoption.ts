/** Rules of the adoption tables: AD1 (children adopted in the year) and PlacedAdoption (decisions to place for adoption). */
import { ADOPTION_PLACEMENTS, firstEpisodeWhere, headerDobFor, leftCareOn, SHORT_BREAK } from './derived.ts';
import { BLANK, isDay, type Ssda903Return } from './model.ts';
import { anyBlank, anyGiven, codeRule, dateRule, type RuleCheck, rowRule, rowRuleReading, rule, where } from './rule.ts';
const ADOPTED = new Set(['E11', 'E12']);

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
const paRule = rowRuleReading('PlacedAdoption', pa);

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
      const decom = r.days('Episodes', 'DECOM');
      const ls = r.col('Episodes', 'LS');
      // The DfE compares with the earliest episode whose LS is not a short break (V3/V4).
      const firstInCare = firstEpisodeWhere(r, 'firstNotShortBreak', (k) => !SHORT_BREAK.has(ls[k]!));
      return (i) => {
        if (!isDay(p.ceased[i]!)) return false;
        const row = firstInCare.get(p.child[i]!);
        const first = row === undefined ? BLANK : decom[row]!;
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

export const adoptionRules: RuleCheck[] = [...ad1Rules, ...paRules];
