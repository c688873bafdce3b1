/**
 * The demo council's performance and improvement: its population aged 0–17 (a synthetic
 * figure), published figures for synthetic comparator councils (real councils' codes and names,
 * made-up values) with its statistical neighbours, and an inspection and a monitoring visit with
 * their judgements, recommendations and actions, some overdue, some done.
 */
import { addCalendarMonths, addDays } from '@lantern/core/calendar';
import { INDICATORS } from '@lantern/core/indicators';
import type { Insertable, Kysely } from 'kysely';
import { POPULATION_SETTING } from '../areas/performance/service.ts';
import { storeBenchmarks, storeNeighbours } from '../areas/performance/benchmark.ts';
import type { Database } from '../kernel/db/schema.ts';
import { hashString } from './model.ts';
import { Rng } from './rng.ts';

/** Real councils' ONS codes and names (reference/councils.csv) with their regions; every value made for them is synthetic. */
export const COMPARATOR_COUNCILS: readonly { code: string; name: string; region: string }[] = [
  { code: 'E06000051', name: 'Shropshire', region: 'E12000005' },
  { code: 'E10000034', name: 'Worcestershire', region: 'E12000005' },
  { code: 'E06000054', name: 'Wiltshire', region: 'E12000009' },
  { code: 'E06000052', name: 'Cornwall', region: 'E12000009' },
  { code: 'E10000008', name: 'Devon', region: 'E12000009' },
  { code: 'E06000066', name: 'Somerset', region: 'E12000009' },
  { code: 'E06000059', name: 'Dorset', region: 'E12000009' },
  { code: 'E06000065', name: 'North Yorkshire', region: 'E12000003' },
  { code: 'E10000019', name: 'Lincolnshire', region: 'E12000004' },
  { code: 'E06000057', name: 'Northumberland', region: 'E12000001' },
  { code: 'E10000013', name: 'Gloucestershire', region: 'E12000009' },
  { code: 'E06000017', name: 'Rutland', region: 'E12000004' },
];
const REGIONS: Record<string, string> = {
  E12000001: 'North East',
  E12000003: 'Yorkshire and The Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000009: 'South West',
};
const YEARS = ['202223', '202324', '202425'];

/** Where each published figure centres: England's from indicators.md, or a plausible value. */
const CENTRE: Record<string, number> = {
  'contact-decisions-1wd': 88,
  'assessments-45wd': 80,
  'icpc-15wd': 78,
  'cp-repeat-2y': 6,
  'cp-visits-in-time': 85,
  'children-3plus-workers': 18,
  'unallocated-cases': 12,
};

/**
 * A sample comparator file in the DfE's table shape: England, the regions and the councils, three
 * years, every percentage, rate and average indicator. Deterministic for a council code.
 */
export function sampleBenchmarkCsv(laCode: string, councilName: string): string {
  const rng = new Rng(7, 41);
  const lines = ['time_period,time_identifier,geographic_level,country_code,region_code,region_name,new_la_code,la_name,indicator,value'];
  const areas = [
    { level: 'National', region: '', code: '' as string, name: '' },
    ...Object.keys(REGIONS).map((r) => ({ level: 'Regional', region: r, code: '', name: '' })),
    { level: 'Local authority', region: 'E12000005', code: laCode, name: councilName },
    ...COMPARATOR_COUNCILS.filter((c) => c.code !== laCode).map((c) => ({ level: 'Local authority', region: c.region, code: c.code, name: c.name })),
  ];
  for (const def of INDICATORS) {
    if (def.unit === 'count' || def.unit === 'median-days' || def.unit === 'median-weeks') continue;
    const centre = def.england?.value ?? CENTRE[def.id];
    if (centre === undefined) continue;
    for (const [y, year] of YEARS.entries()) {
      for (const a of areas) {
        // England moves a little each year; councils spread about ±25% around it.
        const spread = a.level === 'National' ? 0.02 : a.level === 'Regional' ? 0.08 : 0.25;
        // England's latest year is the figure in indicators.md; the council's own figure is its live count, so the sample leaves it unpublished (z).
        let value = a.level === 'National' && y === 2 ? centre : centre * (1 + (y - 2) * 0.01) * (1 + (rng.next() * 2 - 1) * spread);
        if (def.unit === 'percent') value = Math.min(100, value);
        // The DfE suppresses some small councils' figures: so does the sample.
        const suppressed = a.level === 'Local authority' && a.code === 'E06000017' && def.unit === 'percent';
        const own = a.code === laCode;
        lines.push(
          [
            year,
            'Financial year',
            a.level,
            'E92000001',
            a.region,
            a.region ? (REGIONS[a.region] ?? '') : '',
            a.code,
            a.name,
            def.id,
            own ? 'z' : suppressed ? 'c' : value.toFixed(1),
          ].join(','),
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The council's ten statistical neighbours as the sample publishes them (data, not computed). */
export function sampleNeighboursCsv(laCode: string): string {
  const neighbours = COMPARATOR_COUNCILS.filter((c) => c.code !== laCode).slice(0, 10);
  return `la_code,neighbour_la_code,rank\n${neighbours.map((n, i) => `${laCode},${n.code},${i + 1}`).join('\n')}\n`;
}

export async function seedImprovement(
  db: Kysely<Database>,
  o: { laCode: string; councilName: string; children: number; asOf: string; users: { username: string; user_id: string }[] },
): Promise<Record<string, number>> {
  const laCode = o.laCode;
  const user = (name: string) => o.users.find((u) => u.username === name)?.user_id as string;
  // Synthetic: about 15 children aged 0–17 in the population for each child known to the service.
  const population = Math.max(1000, Math.round((o.children * 15) / 100) * 100);
  await db
    .insertInto('council_setting')
    .values({ la_code: laCode, key: POPULATION_SETTING, value: JSON.stringify(population) })
    .onConflict((c) => c.columns(['la_code', 'key']).doNothing())
    .execute();
  const benchmarks = await storeBenchmarks(db, laCode, sampleBenchmarkCsv(laCode, o.councilName));
  await storeNeighbours(db, laCode, sampleNeighboursCsv(laCode));

  const hos = user('hos.demo');
  // Ids from a stream of their own (and the council's), so the same seed makes the same inspection.
  const ids = new Rng(7, 43 + hashString(laCode));
  const inspectionId = ids.uuid();
  const started = addCalendarMonths(o.asOf, -20);
  await db
    .insertInto('inspection')
    .values({
      la_code: laCode,
      inspection_id: inspectionId,
      kind: 'ilacs-standard',
      framework: 'ILACS 2023',
      started_on: started,
      published_on: addDays(started, 46),
      findings:
        'Services for children have deteriorated. Too many children wait too long for their assessments, re-referrals are high, and leaders do not know the quality of practice. The improvement board has not had the necessary impact.',
      created_by: hos,
    })
    .execute();
  await db
    .insertInto('inspection_judgement')
    .values(
      [
        ['overall-effectiveness', 'Inadequate'],
        ['help-and-protection', 'Inadequate'],
        ['children-in-care', 'Requires improvement to be good'],
        ['care-leavers', 'Requires improvement to be good'],
        ['leadership', 'Inadequate'],
      ].map(([area, grade]) => ({ la_code: laCode, inspection_id: inspectionId, judgement_area: area as string, grade: grade as string })),
    )
    .execute();
  const visitId = ids.uuid();
  await db
    .insertInto('inspection')
    .values({
      la_code: laCode,
      inspection_id: visitId,
      kind: 'monitoring-visit',
      framework: 'ILACS 2023 monitoring visit',
      started_on: addCalendarMonths(o.asOf, -4),
      published_on: addDays(addCalendarMonths(o.asOf, -4), 28),
      findings: 'Some progress at the front door; the pace of improvement in assessment timeliness remains too slow.',
      created_by: hos,
    })
    .execute();

  const recs = [
    { text: 'Ensure that assessments are completed within timescales that meet children’s needs.', indicator: 'assessments-45wd' },
    {
      text: 'Reduce re-referrals by making sure that decisions at the front door are based on a full understanding of history.',
      indicator: 're-referrals-12m',
    },
    { text: 'Make sure that initial child protection conferences are held within 15 working days.', indicator: 'icpc-15wd' },
    { text: 'Give every child a consistent social worker, and reduce caseloads.', indicator: 'caseload-average' },
  ];
  const owners = ['tm.demo', 'fd.demo', 'hos.demo', 'analyst.demo'];
  const actions: (Insertable<Database['improvement_action']> & { action_id: string })[] = [];
  let n = 0;
  for (const [i, r] of recs.entries()) {
    const recommendationId = ids.uuid();
    await db
      .insertInto('recommendation')
      .values({ la_code: laCode, recommendation_id: recommendationId, inspection_id: inspectionId, number: i + 1, text: r.text })
      .execute();
    const measure = (INDICATORS.find((d) => d.id === r.indicator)?.title ?? r.indicator).toLowerCase();
    const plan = [
      { title: `Weekly tracking of ${measure} in every team meeting`, due: addCalendarMonths(o.asOf, -2), status: 'done' as const },
      {
        title: `Audit a sample of cases behind ${measure} and act on the findings`,
        due: addDays(o.asOf, -21 - i * 7),
        status: i % 2 ? ('off-track' as const) : ('on-track' as const),
      },
      { title: `Reach the target for ${measure}`, due: addCalendarMonths(o.asOf, 4), status: 'on-track' as const },
    ];
    for (const p of plan) {
      const centre = INDICATORS.find((d) => d.id === r.indicator);
      const target = r.indicator === 'caseload-average' ? 16 : r.indicator === 're-referrals-12m' ? 20 : 85;
      actions.push({
        la_code: laCode,
        action_id: ids.uuid(),
        recommendation_id: recommendationId,
        title: p.title,
        owner_user_id: user(owners[n++ % owners.length] as string),
        due_date: p.due,
        status: p.status,
        evidence: p.status === 'done' ? 'Tracker in use since the date completed; minutes of team meetings show it discussed.' : null,
        completed_on: p.status === 'done' ? addDays(p.due, -3) : null,
        indicator_id: centre ? r.indicator : null,
        target: centre ? target : null,
        baseline: null,
        created_by: hos,
        updated_by: hos,
      });
    }
  }
  await db.insertInto('improvement_action').values(actions).execute();
  return {
    comparator: benchmarks.comparators,
    benchmark_value: benchmarks.values,
    inspection: 2,
    recommendation: recs.length,
    improvement_action: actions.length,
  };
}
