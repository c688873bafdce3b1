/**
 * Reads a CIN census XML file as a stream of text (saxes), one child at a time, into core's typed rows.
 * Tolerant by design: it reads any council's file, however wrong, and leaves judging to the
 * schema and the rules; only XML that is not well formed stops it.
 */
import type {
  CensusAssessment,
  CensusChild,
  CensusCinPlan,
  CensusCpPlan,
  CensusEpisode,
  CensusHeader,
  CensusSection47,
} from '@lantern/core/returns/cin-census/model';
import { SaxesParser } from 'saxes';

export class CensusParseError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

const emptyEpisode = (line: number): CensusEpisode => ({
  line,
  referralDate: null,
  referralSource: null,
  primaryNeed: null,
  closureDate: null,
  closureReason: null,
  icpcDate: null,
  referralNfa: null,
  assessments: [],
  cinPlans: [],
  section47s: [],
  cpPlans: [],
});
const emptyChild = (line: number): CensusChild => ({
  line,
  laChildId: null,
  upn: null,
  formerUpn: null,
  upnUnknown: null,
  birthDate: null,
  expectedBirthDate: null,
  sex: null,
  deathDate: null,
  ethnicity: null,
  disabilities: null,
  episodes: [],
});

/** The items an element's value goes into, as the parser holds them while it reads. */
type Items = {
  header: CensusHeader;
  child: CensusChild;
  episode: CensusEpisode;
  assessment: CensusAssessment;
  cinPlan: CensusCinPlan;
  s47: CensusSection47;
  cpPlan: CensusCpPlan;
};
/** A parent element's item and, for each element of one value, the item's field it fills (checked against the item's type). */
type Group = { [I in keyof Items]: { of: I; fields: Record<string, keyof Items[I] & string> } }[keyof Items];

/** For each parent element: the item its elements of one value fill, and the field each fills. */
const FIELDS: Record<string, Group> = {
  CollectionDetails: { of: 'header', fields: { Collection: 'collection', Year: 'year', ReferenceDate: 'referenceDate' } },
  Source: { of: 'header', fields: { LEA: 'laNumber' } },
  ChildIdentifiers: {
    of: 'child',
    fields: {
      LAchildID: 'laChildId',
      UPN: 'upn',
      FormerUPN: 'formerUpn',
      UPNunknown: 'upnUnknown',
      PersonBirthDate: 'birthDate',
      ExpectedPersonBirthDate: 'expectedBirthDate',
      Sex: 'sex',
      PersonDeathDate: 'deathDate',
    },
  },
  ChildCharacteristics: { of: 'child', fields: { Ethnicity: 'ethnicity' } },
  CINdetails: {
    of: 'episode',
    fields: {
      CINreferralDate: 'referralDate',
      ReferralSource: 'referralSource',
      PrimaryNeedCode: 'primaryNeed',
      CINclosureDate: 'closureDate',
      ReasonForClosure: 'closureReason',
      DateOfInitialCPC: 'icpcDate',
      ReferralNFA: 'referralNfa',
    },
  },
  Assessments: {
    of: 'assessment',
    fields: { AssessmentActualStartDate: 'startDate', AssessmentInternalReviewDate: 'internalReviewDate', AssessmentAuthorisationDate: 'authorisationDate' },
  },
  CINPlanDates: { of: 'cinPlan', fields: { CINPlanStartDate: 'startDate', CINPlanEndDate: 'endDate' } },
  Section47: {
    of: 's47',
    fields: { S47ActualStartDate: 'startDate', InitialCPCtarget: 'icpcTarget', DateOfInitialCPC: 'icpcDate', ICPCnotRequired: 'icpcNotRequired' },
  },
  ChildProtectionPlans: {
    of: 'cpPlan',
    fields: {
      CPPstartDate: 'startDate',
      CPPendDate: 'endDate',
      InitialCategoryOfAbuse: 'initialCategory',
      LatestCategoryOfAbuse: 'latestCategory',
      NumberOfPreviousCPP: 'previousPlans',
    },
  },
};

/** Told where the children's list opens and each child ends (as offsets into the text read), for the schema check's batches. */
export type CensusLayout = { childrenOpened(end: number, line: number): void; childClosed(end: number, line: number): void };

/**
 * Yields the header (once, before the first child, even when the file has none) and then each
 * child. Memory holds one child at a time.
 */
export async function* readCinCensus(
  input: AsyncIterable<string> | Iterable<string>,
  layout?: CensusLayout,
): AsyncGenerator<{ header: CensusHeader } | { child: CensusChild }> {
  const parser = new SaxesParser({ position: true });
  const header: CensusHeader = { collection: null, year: null, referenceDate: null, laNumber: null };
  let headerSent = false;
  const ready: CensusChild[] = [];
  const path: string[] = [];
  let text = '';
  let child: CensusChild | null = null;
  let episode: CensusEpisode | null = null;
  let assessment: CensusAssessment | null = null;
  let cinPlan: CensusCinPlan | null = null;
  let s47: CensusSection47 | null = null;
  let cpPlan: CensusCpPlan | null = null;
  let error: CensusParseError | null = null;

  parser.on('opentag', (tag) => {
    const name = tag.local || tag.name;
    path.push(name);
    text = '';
    const line = parser.line;
    if (name === 'Children' && path.length === 2) layout?.childrenOpened(parser.position, line);
    switch (name) {
      case 'Child':
        child = emptyChild(line);
        break;
      case 'CINdetails':
        episode = emptyEpisode(line);
        child?.episodes.push(episode);
        break;
      case 'Assessments':
        assessment = { line, startDate: null, internalReviewDate: null, authorisationDate: null, factors: null };
        episode?.assessments.push(assessment);
        break;
      case 'FactorsIdentifiedAtAssessment':
        if (assessment) assessment.factors = [];
        break;
      case 'CINPlanDates':
        cinPlan = { line, startDate: null, endDate: null };
        episode?.cinPlans.push(cinPlan);
        break;
      case 'Section47':
        s47 = { line, startDate: null, icpcTarget: null, icpcDate: null, icpcNotRequired: null };
        episode?.section47s.push(s47);
        break;
      case 'ChildProtectionPlans':
        cpPlan = { line, startDate: null, endDate: null, initialCategory: null, latestCategory: null, previousPlans: null, reviews: null };
        episode?.cpPlans.push(cpPlan);
        break;
      case 'Reviews':
        if (cpPlan) cpPlan.reviews = [];
        break;
      case 'Disabilities':
        if (child) child.disabilities = [];
        break;
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.local || tag.name;
    const parent = path[path.length - 2];
    const value = text.trim();
    const v = value === '' ? null : value;
    path.pop();
    const group = parent && Object.hasOwn(FIELDS, parent) ? FIELDS[parent] : undefined;
    const key = group && Object.hasOwn(group.fields, name) ? group.fields[name] : undefined;
    if (group && key) {
      const item = { header, child, episode, assessment, cinPlan, s47, cpPlan }[group.of];
      if (item) (item as Record<string, unknown>)[key] = v;
    } else if (child && parent === 'Disabilities' && name === 'Disability') child.disabilities?.push(value);
    else if (assessment && parent === 'FactorsIdentifiedAtAssessment' && name === 'AssessmentFactors') assessment.factors?.push(value);
    else if (cpPlan && parent === 'Reviews' && name === 'CPPreviewDate') cpPlan.reviews?.push(v);

    if (name === 'Child' && path.length === 2) layout?.childClosed(parser.position, parser.line);
    if (name === 'Child' && child) {
      ready.push(child);
      child = null;
    } else if (name === 'CINdetails') episode = null;
    else if (name === 'Assessments') assessment = null;
    else if (name === 'CINPlanDates') cinPlan = null;
    else if (name === 'Section47') s47 = null;
    else if (name === 'ChildProtectionPlans') cpPlan = null;
    text = '';
  });
  parser.on('error', (e) => {
    error ??= new CensusParseError(`The file is not well-formed XML: ${e.message}`, parser.line);
  });

  for await (const chunk of input) {
    parser.write(chunk);
    if (error) throw error;
    // The header comes before the children; send it as soon as the first child appears.
    if (!headerSent && (ready.length > 0 || path.includes('Children'))) {
      headerSent = true;
      yield { header };
    }
    while (ready.length > 0) yield { child: ready.shift() as CensusChild };
  }
  parser.close();
  if (error) throw error;
  if (!headerSent) yield { header };
  while (ready.length > 0) yield { child: ready.shift() as CensusChild };
}
