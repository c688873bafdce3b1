/** The cross-table integrity checks (INT…): every child known to Header, once where once is the rule, with one date of birth and sex. */
import { headerRowFor } from './derived.ts';
import type { TableName } from './model.ts';
import { type RuleCheck, rule, where } from './rule.ts';

function inHeader(code: string, table: TableName): RuleCheck {
  return rule(code, ['Header', table], (r) => {
    const header = headerRowFor(r, table);
    return { [table]: where(header.length, (i) => header[i] === -1) };
  });
}

function sameAsHeader(code: string, table: TableName, field: string): RuleCheck {
  return rule(code, ['Header', table], (r) => {
    const header = headerRowFor(r, table);
    const hcol = r.col('Header', field);
    const col = r.col(table, field);
    return { [table]: where(header.length, (i) => header[i] !== -1 && hcol[header[i]!] !== col[i]) };
  });
}

function once(code: string, table: TableName): RuleCheck {
  return rule(code, [table], (r) => {
    const ix = r.index(table);
    return { [table]: where(r.table(table).length, (i) => ix.prev[i] !== -1 || ix.next[i] !== -1) };
  });
}

export const integrityRules: RuleCheck[] = [
  inHeader('INT01', 'AD1'),
  inHeader('INT02', 'PlacedAdoption'),
  inHeader('INT03', 'Episodes'),
  inHeader('INT04', 'Missing'),
  inHeader('INT05', 'OC2'),
  inHeader('INT06', 'OC3'),
  inHeader('INT07', 'PrevPerm'),
  inHeader('INT08', 'Reviews'),
  inHeader('INT09', 'UASC'),
  sameAsHeader('INT11', 'AD1', 'DOB'),
  sameAsHeader('INT12', 'PlacedAdoption', 'DOB'),
  sameAsHeader('INT13', 'Missing', 'DOB'),
  sameAsHeader('INT14', 'OC2', 'DOB'),
  sameAsHeader('INT15', 'OC3', 'DOB'),
  sameAsHeader('INT16', 'PrevPerm', 'DOB'),
  sameAsHeader('INT17', 'Reviews', 'DOB'),
  sameAsHeader('INT18', 'UASC', 'DOB'),
  sameAsHeader('INT21', 'UASC', 'SEX'),
  once('INT31', 'AD1'),
  once('INT32', 'Header'),
  once('INT33', 'OC2'),
  once('INT34', 'OC3'),
  once('INT35', 'PrevPerm'),
  once('INT36', 'UASC'),
  // A child in Header with no episodes, who is not a care leaver reported in OC3.
  rule('EPI', ['Header', 'Episodes'], (r) => {
    const eps = r.index('Episodes').byChild;
    const leavers = r.has('OC3') ? r.index('OC3').byChild : new Map();
    const child = r.col('Header', 'CHILD');
    return { Header: where(child.length, (i) => !eps.has(child[i]!) && !leavers.has(child[i]!)) };
  }),
];
