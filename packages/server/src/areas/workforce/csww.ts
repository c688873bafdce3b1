/**
 * The children's social work workforce census: built from the workforce records as they stood
 * on 30 September, and checked — any council's file — against the 2022 schema
 * (reference/schemas/csww-2022.xsd, from SocialFinanceDigitalLabs/liia-tools) and the census's rules in core.
 */
import { readFile } from 'node:fs/promises';
import {
  CSWW_DAYS_LOST_REASONS,
  CSWW_ORG_ROLE_OF,
  type CswwIssue,
  type CswwMessage,
  type CswwWorker,
  checkCensus,
  cswwReferenceDate,
  cswwSweNumber,
  cswwYearStart,
} from '@lantern/core/csww';
import type { JobRole } from '@lantern/core/codes';
import { referenceFile } from '@lantern/core/reference';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { type Kysely, type Selectable, sql } from 'kysely';
import { validateXML } from 'xmllint-wasm';
import type { Database, WorkerTable } from '../../kernel/db/schema.ts';

const SCHEMA = referenceFile('schemas/csww-2022.xsd');

const fte6 = (n: number) => n.toFixed(6);
const dp2 = (n: number) => n.toFixed(2);

/** A worker as the census query reads them: their own columns, and what it counts about them on the day. */
type CensusRow = Pick<
  Selectable<WorkerTable>,
  | 'worker_id'
  | 'job_role'
  | 'employment'
  | 'date_of_birth'
  | 'gender'
  | 'ethnicity'
  | 'qualification_institution'
  | 'qualification_level'
  | 'start_origin'
  | 'leave_reason'
  | 'leaver_destination'
  | 'start_date'
  | 'leave_date'
  | 'asye_start'
> & {
  /** Only registered workers are counted. */
  swe_number: string;
  /** PostgreSQL's numeric and count(*) may reach us as text. */
  fte: number | string;
  cases: number | string;
  days_lost: number | string;
  absent_for: string | null;
};

/**
 * The census for a council and year: registered social workers in children's social care who
 * were employed on 30 September, or who left in the year to it (agency workers: those in post on
 * the day). Vacancies are the teams' funded posts not filled by permanent staff on the day.
 */
export async function buildCensus(db: Kysely<Database>, laCode: string, year: number) {
  const ref = cswwReferenceDate(year);
  const yearStart = cswwYearStart(year);
  const la = await db.selectFrom('local_authority').select(['dfe_la_number', 'name']).where('la_code', '=', laCode).executeTakeFirstOrThrow();
  const roles = Object.keys(CSWW_ORG_ROLE_OF);
  const rows = (
    await sql<CensusRow>`
    select w.worker_id, w.job_role, w.employment, w.swe_number, w.fte, w.date_of_birth::text as date_of_birth, w.gender, w.ethnicity,
      w.qualification_institution, w.qualification_level, w.start_origin, w.leave_reason, w.start_date::text as start_date,
      w.leave_date::text as leave_date, w.asye_start::text as asye_start,
      (select count(*) from allocation a where a.la_code = w.la_code and a.worker_id = w.worker_id and a.allocation_role = 'social-worker'
        and a.start_date <= ${ref}::date and (a.end_date is null or a.end_date > ${ref}::date)) as cases,
      w.leaver_destination,
      -- Working days lost to sickness in the census year, while employed in it.
      (select count(*) from worker_absence x
        join calendar_day c on c.is_working_day
          and c.day between greatest(x.start_date, ${yearStart}::date, w.start_date) and least(coalesce(x.end_date, ${ref}::date), ${ref}::date, coalesce(w.leave_date, ${ref}::date))
        where x.la_code = w.la_code and x.worker_id = w.worker_id and x.reason = any(${[...CSWW_DAYS_LOST_REASONS]}::text[])) as days_lost,
      (select x.reason from worker_absence x where x.la_code = w.la_code and x.worker_id = w.worker_id
        and x.start_date <= ${ref}::date and (x.end_date is null or x.end_date >= ${ref}::date) order by x.start_date desc limit 1) as absent_for
    from worker w
    where w.la_code = ${laCode} and w.swe_number is not null and w.job_role = any(${roles}::text[]) and w.start_date <= ${ref}::date
      and (w.leave_date is null or w.leave_date >= ${ref}::date
           or (w.employment = 'permanent' and w.leave_date >= ${yearStart}::date))
    order by w.employment desc, w.start_date, w.swe_number`.execute(db)
  ).rows;

  const workers: CswwWorker[] = rows.map((r) => {
    const agency = r.employment === 'agency';
    const swe = cswwSweNumber(r.swe_number);
    const qualInst = [r.qualification_institution ?? 'Not known'];
    if (agency) return { AgencyWorker: '1', SWENo: swe, QualInst: qualInst };
    const left = r.leave_date !== null && r.leave_date < ref;
    const cases = Number(r.cases);
    let orgRole = CSWW_ORG_ROLE_OF[r.job_role as JobRole] as string;
    if (orgRole === '5' && cases === 0) orgRole = '6';
    const inAsye = r.asye_start !== null && r.asye_start <= ref && ref < `${Number(r.asye_start.slice(0, 4)) + 1}${r.asye_start.slice(4)}`;
    const w: CswwWorker = {
      AgencyWorker: '0',
      SWENo: swe,
      FTE: fte6(Number(r.fte)),
      ...(r.date_of_birth ? { PersonBirthDate: r.date_of_birth } : {}),
      GenderCurrent: r.gender ?? '0',
      ...(r.ethnicity ? { Ethnicity: r.ethnicity } : {}),
      QualInst: qualInst,
      ...(r.qualification_level ? { QualLevel: r.qualification_level } : {}),
      OrgRole: orgRole,
      RoleStartDate: r.start_date,
      StartOrigin: r.start_origin ?? '10',
      // Keys in the schema's order: the XML is written in it. Not known (ReasonLeave 9) and not
      // yet collected (LeaverDestination 9) where the leaver's record says nothing.
      ...(left ? { RoleEndDate: r.leave_date as string, LeaverDestination: r.leaver_destination ?? '9', ReasonLeave: r.leave_reason ?? '9' } : {}),
      ...(left ? {} : { FTE30: fte6(Number(r.fte)) }),
      ...(!left && orgRole === '5' ? { Cases30: String(cases) } : {}),
      WorkingDaysLost: dp2(Number(r.days_lost)),
      ...(left ? {} : { Absat30Sept: [r.absent_for ? '1' : '0'] }),
      ...(!left && r.absent_for ? { ReasonAbsence: [r.absent_for] } : {}),
      ...(inAsye ? { CFKSSstatus: ['1'] } : {}),
    };
    return w;
  });

  const vac = (
    await sql<{ vacancies: number | string; agency_fte: number | string; agency_headcount: number | string }>`
    select
      coalesce((select sum(greatest(0, e.funded_fte - coalesce((
          select sum(w.fte) from worker w where w.la_code = t.la_code and w.team_id = t.team_id and w.employment = 'permanent'
            and w.start_date <= ${ref}::date and (w.leave_date is null or w.leave_date >= ${ref}::date)), 0)))
        from team t
        join lateral (select x.funded_fte from team_establishment x where x.la_code = t.la_code and x.team_id = t.team_id and x.effective_from <= ${ref}::date
          order by x.effective_from desc limit 1) e on true
        where t.la_code = ${laCode}), 0) as vacancies,
      coalesce((select sum(w.fte) from worker w where w.la_code = ${laCode} and w.employment = 'agency' and w.swe_number is not null
        and w.job_role = any(${roles}::text[]) and w.start_date <= ${ref}::date and (w.leave_date is null or w.leave_date >= ${ref}::date)), 0) as agency_fte,
      (select count(*) from worker w where w.la_code = ${laCode} and w.employment = 'agency' and w.swe_number is not null
        and w.job_role = any(${roles}::text[]) and w.start_date <= ${ref}::date and (w.leave_date is null or w.leave_date >= ${ref}::date)) as agency_headcount`.execute(
      db,
    )
  ).rows[0] as { vacancies: number | string; agency_fte: number | string; agency_headcount: number | string };

  const message: CswwMessage = {
    year,
    referenceDate: ref,
    vacancies: {
      NumberOfVacancies: dp2(Number(vac.vacancies)),
      NoAgencyFTE: dp2(Number(vac.agency_fte)),
      NoAgencyHeadcount: String(Number(vac.agency_headcount)),
    },
    workers,
  };
  return { message, lea: la.dfe_la_number, xml: toXml(message, la.dfe_la_number) };
}

/** The census as XML, elements in the schema's order. */
export function toXml(message: CswwMessage, lea: string, now = new Date()): string {
  const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });
  const doc = {
    Message: {
      Header: {
        CollectionDetails: { Collection: 'CSWW', Year: String(message.year), ReferenceDate: message.referenceDate },
        Source: { SourceLevel: 'L', LEA: lea, SoftwareCode: 'Lantern', DateTime: now.toISOString().slice(0, 19) },
      },
      LALevelVacancies: message.vacancies,
      CSWWWorker: message.workers,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc)}`;
}

const REPEATED = new Set(['CSWWWorker', 'QualInst', 'ContractWeeks', 'Absat30Sept', 'ReasonAbsence', 'CFKSSstatus']);

/** Reads a census file back into the shape the rules check (every value a string, as written). */
export function parseCensus(xml: string): CswwMessage {
  const parser = new XMLParser({ parseTagValue: false, trimValues: true, isArray: (name) => REPEATED.has(name) });
  const doc = parser.parse(xml) as { Message?: Record<string, unknown> };
  const m = (doc.Message ?? {}) as {
    Header?: { CollectionDetails?: { Year?: string; ReferenceDate?: string } };
    LALevelVacancies?: CswwMessage['vacancies'];
    CSWWWorker?: CswwWorker[];
  };
  const year = m.Header?.CollectionDetails?.Year;
  return {
    year: year ? Number(year) : null,
    referenceDate: m.Header?.CollectionDetails?.ReferenceDate ?? null,
    vacancies: m.LALevelVacancies ?? { NumberOfVacancies: '0', NoAgencyFTE: '0', NoAgencyHeadcount: '0' },
    workers: (m.CSWWWorker ?? []).map((w) => ({ ...w, SWENo: String(w.SWENo ?? ''), AgencyWorker: String(w.AgencyWorker ?? ''), QualInst: w.QualInst ?? [] })),
  };
}

export type ValidationReport = { valid: boolean; schemaErrors: { line: number | null; message: string }[]; issues: CswwIssue[]; workers: number };

/** Checks a census file: first the schema, then (if it parses) the census's rules. Warnings do not make it invalid. */
export async function validateCensus(xml: string): Promise<ValidationReport> {
  const xsd = await readFile(SCHEMA, 'utf8');
  const result = await validateXML({ xml: { fileName: 'census.xml', contents: xml }, schema: { fileName: 'csww-2022.xsd', contents: xsd } });
  const schemaErrors = result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message.trim() }));
  let issues: CswwIssue[] = [];
  let workers = 0;
  try {
    const parsed = parseCensus(xml);
    workers = parsed.workers.length;
    issues = checkCensus(parsed);
  } catch (e) {
    if (schemaErrors.length === 0) schemaErrors.push({ line: null, message: (e as Error).message });
  }
  return { valid: schemaErrors.length === 0 && !issues.some((i) => i.severity === 'error'), schemaErrors, issues, workers };
}
