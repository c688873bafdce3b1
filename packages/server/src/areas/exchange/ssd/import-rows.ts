/**
 * An SSD extract as Lantern's records: one function that turns the objects read (import-files.ts)
 * into rows of Lantern's tables, in the order they must be written, with each child's chronology
 * entries and the records it could not place (and why). What the SSD does not carry gets the
 * plain default noted in docs/ssd.md.
 */
import type { Chronicle } from '../../../kernel/ledger.ts';
import { lanternId, type SsdExtract, type SsdRecord } from './import-files.ts';
// The case records proper (contacts to care leavers) are in import-records.ts.
import { planCaseRecords } from './import-records.ts';

export const WRITE_ORDER = [
  'team',
  'worker',
  'person',
  'relationship',
  'address',
  'allocation',
  'contact',
  'cin_episode',
  'assessment',
  'cin_plan',
  'strategy_discussion',
  'section47',
  'cp_plan',
  'cp_conference',
  'visit',
  'cla_episode',
  'cla_review',
  'missing_episode',
  'care_leaver',
  'leaver_birthday_contact',
  'pathway_plan',
  'health_check',
  'health_outcome',
  'previous_permanence',
  'early_help_episode',
] as const;
export type LanternTable = (typeof WRITE_ORDER)[number];
export type NotPlaced = { object: string; row: number; id: string; reason: string };
export type Planned = { rows: Record<LanternTable, Record<string, unknown>[]>; chronology: Chronicle[]; notPlaced: NotPlaced[] };

const NOTE = 'Not in the SSD extract';
const RNE = new Set(['S', 'L', 'P', 'T', 'B', 'U']);
const NEED = new Set(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']);
const PROVIDER = new Set(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
const PN = new Set(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
const LEAVER = new Set(['eligible', 'relevant', 'former-relevant', 'qualifying']);
const IN_TOUCH = new Set(['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM']);
const ASSESSMENT_OUTCOME = new Set(['no-further-action', 'early-help', 'child-in-need-plan', 'strategy-discussion', 'looked-after']);
const S47_OUTCOME = new Set(['conference', 'no-further-action', 'child-in-need-plan']);
const IDENTIFIER: Record<string, 'upn' | 'former_upn' | 'nhs_number'> = {
  'unique pupil number': 'upn',
  upn: 'upn',
  'former unique pupil number': 'former_upn',
  'nhs number': 'nhs_number',
};

const json = (value: string): Record<string, unknown> => {
  if (!value) return {};
  const parsed: unknown = JSON.parse(value);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
};
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const day = (v: string) => v.slice(0, 10) || null;
/** The day in England of a moment. */
const londonDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);
/** A date-time value; a bare date is taken as noon UTC (the same day in London). */
const moment = (v: string) => (v.length === 10 ? new Date(`${v}T12:00:00Z`) : new Date(v.replace(' ', 'T')));
const ageOn = (dob: string, on: string) => Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);

export function planSsdImport(extract: SsdExtract, laCode: string, actorId: string | null, today: string): Planned {
  const rows = Object.fromEntries(WRITE_ORDER.map((t) => [t, []])) as unknown as Planned['rows'];
  const chronology: Chronicle[] = [];
  const notPlaced: NotPlaced[] = [];
  const table = (object: string) => extract.tables.get(object) ?? [];
  const id = (kind: string, value: string) => lanternId(laCode, kind, value);
  const skip = (object: string, r: SsdRecord, key: string, reason: string) => notPlaced.push({ object, row: Number(r._row), id: r[key] ?? '', reason });
  const event = (childId: string, occurredOn: string, category: string, summary: string, recordType: string, recordId: string) =>
    chronology.push({ childId, occurredOn, category, summary: `${summary} (from the SSD extract)`, recordType, recordId });
  const once = new Set<string>();
  const first = (key: string) => !once.has(key) && !!once.add(key);

  // Teams and workers.
  const teams = new Set<string>();
  const teamNames = new Set<string>();
  for (const r of table('ssd_department')) {
    const teamId = id('team', r.dept_team_id ?? '');
    const name = r.dept_team_name || r.dept_team_id || '';
    if (!first(`team|${teamId}`) || teamNames.has(name)) {
      skip('ssd_department', r, 'dept_team_id', 'A second team with the same id or name');
      continue;
    }
    teams.add(teamId);
    teamNames.add(name);
    rows.team.push({ la_code: laCode, team_id: teamId, name, service: r.dept_team_parent_name || r.dept_team_parent_id || 'Not given' });
  }
  const firstInvolvement = new Map<string, string>();
  for (const r of table('ssd_involvements')) {
    const w = id('worker', r.invo_professional_id ?? '');
    const start = r.invo_involvement_start_date ?? '';
    if (start && (!firstInvolvement.has(w) || start < (firstInvolvement.get(w) as string))) firstInvolvement.set(w, start);
  }
  const workers = new Set<string>();
  for (const r of table('ssd_professionals')) {
    const workerId = id('worker', r.prof_professional_id ?? '');
    if (!first(`worker|${workerId}`)) {
      skip('ssd_professionals', r, 'prof_professional_id', 'A second professional with the same id');
      continue;
    }
    const name = (r.prof_professional_name ?? '').trim();
    const space = name.indexOf(' ');
    const team = r.prof_professional_department ? id('team', r.prof_professional_department) : null;
    const fte = Number(r.prof_full_time_equivalency);
    const swe = r.prof_social_worker_registration_no ?? '';
    workers.add(workerId);
    rows.worker.push({
      la_code: laCode,
      worker_id: workerId,
      given_name: space > 0 ? name.slice(0, space) : name || 'Not given',
      family_name: space > 0 ? name.slice(space + 1) : '',
      job_role: r.prof_professional_job_title || 'social-worker',
      employment: r.prof_agency_worker_flag === 'Y' ? 'agency' : 'permanent',
      team_id: team && teams.has(team) ? team : null,
      start_date: firstInvolvement.get(workerId) ?? today,
      fte: fte > 0 && fte <= 1 ? fte : 1,
      swe_number: /^SW[0-9]{1,10}$/.test(swe) ? swe : null,
    });
    if (swe && !/^SW[0-9]{1,10}$/.test(swe))
      skip('ssd_professionals', r, 'prof_professional_id', `Registration number "${swe}" is not SW and digits: the worker is loaded without it`);
  }

  // Children, with their identifiers and disabilities.
  const identifiers = new Map<string, Record<string, string>>();
  for (const r of table('ssd_linked_identifiers')) {
    const kind = IDENTIFIER[(r.link_identifier_type ?? '').toLowerCase()];
    if (!kind || !r.link_identifier_value) {
      skip('ssd_linked_identifiers', r, 'link_table_id', `Identifier type "${r.link_identifier_type}" is not one Lantern keeps (UPN, former UPN, NHS number)`);
      continue;
    }
    const p = id('person', r.link_person_id ?? '');
    identifiers.set(p, { ...identifiers.get(p), [kind]: r.link_identifier_value });
  }
  const disabilities = new Map<string, string[]>();
  for (const r of table('ssd_disability')) {
    const p = id('person', r.disa_person_id ?? '');
    if (r.disa_disability_code) disabilities.set(p, [...(disabilities.get(p) ?? []), r.disa_disability_code]);
  }
  const dob = new Map<string, string | null>();
  const laChildIds = new Set<string>();
  for (const r of table('ssd_person')) {
    const personId = id('person', r.pers_person_id ?? '');
    const laChildId = r.pers_common_child_id || (r.pers_person_id ?? '');
    if (dob.has(personId) || laChildIds.has(laChildId)) {
      skip('ssd_person', r, 'pers_person_id', 'A second person with the same id or common child id');
      continue;
    }
    const sex = ['M', 'F', 'U'].includes(r.pers_sex ?? '') ? r.pers_sex : r.pers_gender === '1' ? 'M' : r.pers_gender === '2' ? 'F' : 'U';
    const ids = identifiers.get(personId) ?? {};
    dob.set(personId, r.pers_dob || null);
    laChildIds.add(laChildId);
    rows.person.push({
      la_code: laCode,
      person_id: personId,
      is_child: true,
      la_child_id: laChildId,
      given_name: r.pers_forename || 'Not given',
      family_name: r.pers_surname || 'Not given',
      date_of_birth: r.pers_dob || null,
      expected_date_of_birth: r.pers_expected_dob || null,
      sex,
      ethnicity: r.pers_ethnicity || null,
      upn: ids.upn ?? null,
      former_upn: ids.former_upn ?? null,
      nhs_number: ids.nhs_number ?? null,
      upn_unknown: r.pers_upn_unknown || null,
      date_of_death: r.pers_death_date || null,
      disabilities: [...new Set(disabilities.get(personId) ?? [])].sort(),
      created_by: actorId,
      updated_by: actorId,
    });
  }
  /** The child a record names, or a note that it names no child of the extract. */
  const childOf = (object: string, r: SsdRecord, field: string, key: string): string | null => {
    const p = id('person', r[field] ?? '');
    if (r[field] && dob.has(p)) return p;
    skip(object, r, key, r[field] ? `${field} ${r[field]} is not a child in ssd_person` : `No ${field}`);
    return null;
  };
  const open = new Set<string>();
  const oneOpen = (kind: string, child: string, end: string | null | undefined) => {
    if (end) return true;
    if (open.has(`${kind}|${child}`)) return false;
    open.add(`${kind}|${child}`);
    return true;
  };

  for (const r of table('ssd_address')) {
    const child = childOf('ssd_address', r, 'addr_person_id', 'addr_table_id');
    if (!child || !r.addr_address_start_date) {
      if (child) skip('ssd_address', r, 'addr_table_id', 'No addr_address_start_date');
      continue;
    }
    const a = json(r.addr_address_json ?? '');
    rows.address.push({
      la_code: laCode,
      address_id: id('address', r.addr_table_id ?? ''),
      person_id: child,
      line1: str(a.line1) ?? NOTE,
      line2: str(a.line2),
      town: str(a.town) ?? '',
      postcode: r.addr_address_postcode || str(a.postcode) || '',
      start_date: r.addr_address_start_date,
      end_date: r.addr_address_end_date || null,
      created_by: actorId,
    });
  }
  for (const r of table('ssd_involvements')) {
    const child = childOf('ssd_involvements', r, 'invo_person_id', 'invo_involvements_id');
    if (!child) continue;
    const worker = id('worker', r.invo_professional_id ?? '');
    const role = r.invo_professional_role_id || 'social-worker';
    const start = r.invo_involvement_start_date ?? '';
    const end = r.invo_involvement_end_date || null;
    if (!workers.has(worker) || !start || (end && end < start) || !oneOpen(`allocation:${role}`, child, end)) {
      skip(
        'ssd_involvements',
        r,
        'invo_involvements_id',
        !workers.has(worker)
          ? `invo_professional_id ${r.invo_professional_id} is not in ssd_professionals`
          : !start
            ? 'No start date'
            : end && end < start
              ? 'Ends before it starts'
              : `A second open ${role} involvement for the child`,
      );
      continue;
    }
    const allocationId = id('involvement', r.invo_involvements_id ?? '');
    rows.allocation.push({
      la_code: laCode,
      allocation_id: allocationId,
      child_id: child,
      worker_id: worker,
      allocation_role: role,
      start_date: start,
      end_date: end,
      end_reason: r.invo_worker_change_reason || null,
      allocated_by: actorId,
    });
    event(child, start, 'allocation', `${role === 'social-worker' ? 'Social worker' : role} allocated`, 'allocation', allocationId);
  }
  return planCaseRecords({
    extract,
    laCode,
    actorId,
    today,
    rows,
    chronology,
    notPlaced,
    id,
    skip,
    event,
    childOf,
    oneOpen,
    dob,
    json,
    moment,
    londonDay,
    ageOn,
    day,
    sets: { RNE, NEED, PROVIDER, PN, LEAVER, IN_TOUCH, ASSESSMENT_OUTCOME, S47_OUTCOME },
    NOTE,
  });
}

export type PlanContext = {
  extract: SsdExtract;
  laCode: string;
  actorId: string | null;
  today: string;
  rows: Planned['rows'];
  chronology: Chronicle[];
  notPlaced: NotPlaced[];
  id: (kind: string, value: string) => string;
  skip: (object: string, r: SsdRecord, key: string, reason: string) => void;
  event: (childId: string, occurredOn: string, category: string, summary: string, recordType: string, recordId: string) => void;
  childOf: (object: string, r: SsdRecord, field: string, key: string) => string | null;
  oneOpen: (kind: string, child: string, end: string | null | undefined) => boolean;
  dob: Map<string, string | null>;
  json: typeof json;
  moment: typeof moment;
  londonDay: typeof londonDay;
  ageOn: typeof ageOn;
  day: typeof day;
  sets: Record<'RNE' | 'NEED' | 'PROVIDER' | 'PN' | 'LEAVER' | 'IN_TOUCH' | 'ASSESSMENT_OUTCOME' | 'S47_OUTCOME', Set<string>>;
  NOTE: string;
};
