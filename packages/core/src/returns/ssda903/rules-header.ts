/** Header rules: the child's sex, date of birth, ethnicity, UPN and motherhood. */
import { ETHNICITY, SSDA903_UPN_UNKNOWN } from '../../codes.ts';
import { inYear, lastEpisodeOf, lookedAfterInYear, SHORT_BREAK } from './derived.ts';
import { ageOn, BLANK, birthday, isDay, type Ssda903Return } from './model.ts';
import { codeRule, dateRule, type RuleCheck, rowRule, rule, where } from './rule.ts';

const ETHNIC_CODES = Object.keys(ETHNICITY);
const UPN_UNKNOWN = SSDA903_UPN_UNKNOWN;
/** A UPN: a check letter (not I, O or S), 11 digits, then a digit or a letter for a temporary UPN. */
const UPN = /^[A-HJ-NPQRT-Z]\d{11}[\dA-Z]$/;
// From 2024/25 SEX is M, F or U; the old 1/2 codes fail rule 101 and are not read as a sex here.
const isFemale = (sex: string) => sex === 'F';
const isMale = (sex: string) => sex === 'M';

/** Children with an episode other than a short break (V3/V4), of the episodes `which` admits (all unless said). */
function withCareEpisode(r: Ssda903Return, which: (i: number) => boolean = () => true): Set<string> {
  const ls = r.col('Episodes', 'LS');
  const child = r.col('Episodes', 'CHILD');
  const out = new Set<string>();
  for (let i = 0; i < ls.length; i++) if (which(i) && !SHORT_BREAK.has(ls[i]!)) out.add(child[i]!);
  return out;
}

export const headerRules: RuleCheck[] = [
  codeRule('101', 'Header', 'SEX', ['M', 'F', 'U'], true),
  dateRule('102', 'Header', 'DOB', true),
  codeRule('103', 'Header', 'ETHNIC', ETHNIC_CODES, true),
  rowRule('168', 'Header', (r) => {
    const upn = r.col('Header', 'UPN');
    return (i) => upn[i] !== '' && !UPN_UNKNOWN.includes(upn[i]!) && !UPN.test(upn[i]!);
  }),
  dateRule('171', 'Header', 'MC_DOB'),
  rowRule('174', 'Header', (r) => {
    const mc = r.col('Header', 'MC_DOB');
    const sex = r.col('Header', 'SEX');
    return (i) => mc[i] !== '' && isMale(sex[i]!);
  }),
  rowRule('232', 'Header', (r) => {
    const sex = r.col('Header', 'SEX');
    return (i) => sex[i] === 'U';
  }),
  rowRule('301', 'Header', (r) => {
    const dob = r.days('Header', 'DOB');
    return (i) => isDay(dob[i]!) && dob[i]! > r.collectionEnd;
  }),
  rowRule('351', 'Header', (r) => {
    const dob = r.days('Header', 'DOB');
    return (i) => isDay(dob[i]!) && birthday(dob[i]!, 25) < r.collectionStart;
  }),
  rowRule('611', 'Header', (r) => {
    const mother = r.col('Header', 'MOTHER');
    const mc = r.col('Header', 'MC_DOB');
    return (i) => mother[i] === '1' && mc[i] === '';
  }),
  rowRule('612', 'Header', (r) => {
    const mother = r.col('Header', 'MOTHER');
    const mc = r.col('Header', 'MC_DOB');
    const sex = r.col('Header', 'SEX');
    return (i) => mc[i] !== '' && mother[i] === '0' && isFemale(sex[i]!);
  }),
  rowRule('620', 'Header', (r) => {
    const mother = r.col('Header', 'MOTHER');
    const dob = r.days('Header', 'DOB');
    return (i) => mother[i] === '1' && isDay(dob[i]!) && birthday(dob[i]!, 11) > r.collectionStart;
  }),
  rowRule('621', 'Header', (r) => {
    const mc = r.days('Header', 'MC_DOB');
    const dob = r.days('Header', 'DOB');
    return (i) => isDay(mc[i]!) && isDay(dob[i]!) && mc[i]! <= dob[i]!;
  }),
  rule('444', ['Header'], (r) => {
    const upn = r.col('Header', 'UPN');
    const seen = new Map<string, number>();
    for (const u of upn) if (u !== '' && !UPN_UNKNOWN.includes(u)) seen.set(u, (seen.get(u) ?? 0) + 1);
    return { Header: where(upn.length, (i) => (seen.get(upn[i]!) ?? 0) > 1) };
  }),
  // School age taken as five or over on 1 April, the start of the collection year.
  rowRule('209', 'Header', (r) => {
    const upn = r.col('Header', 'UPN');
    const dob = r.days('Header', 'DOB');
    return (i) => upn[i] === 'UN1' && isDay(dob[i]!) && ageOn(dob[i]!, r.collectionStart) >= 5;
  }),
  // UN4 is only for children newly looked after in the last week of the year.
  rule('210', ['Header', 'Episodes'], (r) => {
    const upn = r.col('Header', 'UPN');
    const hchild = r.col('Header', 'CHILD');
    const child = r.col('Episodes', 'CHILD');
    const decom = r.days('Episodes', 'DECOM');
    const dec = r.days('Episodes', 'DEC');
    const earlyStart = new Set<string>();
    const ix = r.index('Episodes');
    for (const last of lastEpisodeOf(r).values()) {
      if (dec[last] !== BLANK) continue;
      // Walk back through the continuous episodes to the start of the period of care.
      let first = last;
      while (ix.prev[first]! >= 0 && dec[ix.prev[first]!] === decom[first]) first = ix.prev[first]!;
      if (isDay(decom[first]!) && decom[first]! < r.collectionEnd - 7) earlyStart.add(child[first]!);
    }
    return { Header: where(upn.length, (i) => upn[i] === 'UN4' && earlyStart.has(hchild[i]!)) };
  }),
  rule('442', ['Header', 'Episodes'], (r) => {
    const upn = r.col('Header', 'UPN');
    const hchild = r.col('Header', 'CHILD');
    const inCare = lookedAfterInYear(r);
    return { Header: where(upn.length, (i) => upn[i] === '' && inCare.has(hchild[i]!)) };
  }),
  // The mother field is asked of every girl with an episode other than a short break (V3/V4).
  rule('393', ['Header', 'Episodes'], (r) => {
    const mother = r.col('Header', 'MOTHER');
    const sex = r.col('Header', 'SEX');
    const hchild = r.col('Header', 'CHILD');
    const inCare = withCareEpisode(r);
    return { Header: where(mother.length, (i) => mother[i] === '' && isFemale(sex[i]!) && inCare.has(hchild[i]!)) };
  }),
  // UASC children are expected to be 11 or over at 31 March (CSV returns mark UASC children by their UASC row).
  rule('231', ['Header', 'UASC'], (r) => {
    const uasc = r.index('UASC').byChild;
    const dob = r.days('Header', 'DOB');
    const hchild = r.col('Header', 'CHILD');
    return { Header: where(hchild.length, (i) => uasc.has(hchild[i]!) && isDay(dob[i]!) && birthday(dob[i]!, 11) > r.collectionEnd) };
  }),
  // The mother's child's birth cannot be after the year ended or after the mother left care.
  rule('625', ['Header', 'Episodes'], (r) => {
    const mc = r.days('Header', 'MC_DOB');
    const hchild = r.col('Header', 'CHILD');
    const rec = r.col('Episodes', 'REC');
    const dec = r.days('Episodes', 'DEC');
    const last = lastEpisodeOf(r);
    return {
      Header: where(hchild.length, (i) => {
        if (!isDay(mc[i]!)) return false;
        const l = last.get(hchild[i]!);
        const left = l !== undefined && rec[l] !== '' && rec[l] !== 'X1' && isDay(dec[l]!) ? dec[l]! : Infinity;
        return mc[i]! > Math.min(r.collectionEnd, left);
      }),
    };
  }),
  rule('607', ['Header', 'Episodes'], (r) => {
    const mother = r.col('Header', 'MOTHER');
    const sex = r.col('Header', 'SEX');
    const hchild = r.col('Header', 'CHILD');
    const rec = r.col('Episodes', 'REC');
    const ls = r.col('Episodes', 'LS');
    const dec = r.days('Episodes', 'DEC');
    const ceased = new Set<string>();
    for (const [child, last] of lastEpisodeOf(r)) {
      const left = rec[last] !== '' && rec[last] !== 'X1' && isDay(dec[last]!) && dec[last]! >= r.collectionStart && dec[last]! <= r.collectionEnd;
      if (left && !SHORT_BREAK.has(ls[last]!)) ceased.add(child);
    }
    return { Header: where(mother.length, (i) => mother[i] === '' && isFemale(sex[i]!) && ceased.has(hchild[i]!)) };
  }),
  // The DfE's logic: MOTHER, if given, is 0 or 1 (and the child female); left blank only for a boy or
  // a care leaver with no episode this year. So a girl with an episode (not a short break) in the year
  // and no MOTHER fails too.
  rule('165', ['Header', 'Episodes'], (r) => {
    const mother = r.col('Header', 'MOTHER');
    const sex = r.col('Header', 'SEX');
    const hchild = r.col('Header', 'CHILD');
    const inCare = withCareEpisode(r, inYear(r));
    return {
      Header: where(
        hchild.length,
        (i) =>
          (mother[i] !== '' && mother[i] !== '0' && mother[i] !== '1') ||
          (mother[i] === '1' && isMale(sex[i]!)) ||
          (mother[i] === '' && isFemale(sex[i]!) && inCare.has(hchild[i]!)),
      ),
    };
  }),
];
