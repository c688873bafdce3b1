/**
 * The CIN census as typed rows: what the server's parser gives the rules, and what the export
 * writes. Every value is the text as written in the file (or null when the element is absent),
 * so a file from any system, however wrong, can be read and judged by the rules.
 */

export type CensusHeader = {
  collection: string | null;
  year: string | null;
  referenceDate: string | null;
  laNumber: string | null;
};

export type CensusAssessment = {
  line?: number | null;
  startDate: string | null;
  internalReviewDate: string | null;
  authorisationDate: string | null;
  /** null when FactorsIdentifiedAtAssessment is absent. */
  factors: string[] | null;
};

export type CensusCinPlan = { line?: number | null; startDate: string | null; endDate: string | null };

export type CensusSection47 = {
  line?: number | null;
  startDate: string | null;
  icpcTarget: string | null;
  icpcDate: string | null;
  icpcNotRequired: string | null;
};

export type CensusCpPlan = {
  line?: number | null;
  startDate: string | null;
  endDate: string | null;
  initialCategory: string | null;
  latestCategory: string | null;
  previousPlans: string | null;
  /** null when Reviews is absent; an entry is null or '' when a CPPreviewDate is empty. */
  reviews: (string | null)[] | null;
};

export type CensusEpisode = {
  line?: number | null;
  referralDate: string | null;
  referralSource: string | null;
  primaryNeed: string | null;
  closureDate: string | null;
  closureReason: string | null;
  /** DateOfInitialCPC at CINdetails level. */
  icpcDate: string | null;
  referralNfa: string | null;
  assessments: CensusAssessment[];
  cinPlans: CensusCinPlan[];
  section47s: CensusSection47[];
  cpPlans: CensusCpPlan[];
};

export type CensusChild = {
  line?: number | null;
  laChildId: string | null;
  upn: string | null;
  formerUpn: string | null;
  upnUnknown: string | null;
  birthDate: string | null;
  expectedBirthDate: string | null;
  sex: string | null;
  deathDate: string | null;
  ethnicity: string | null;
  /** null when Disabilities is absent. */
  disabilities: string[] | null;
  episodes: CensusEpisode[];
};

/** The collection year a return is judged for: 1 April of YYYY-1 to 31 March of YYYY. */
export type CensusYear = {
  year: number;
  collectionStart: string;
  referenceDate: string;
  /** The DfE's three-digit LA numbers (characters 2–4 of a UPN). */
  laNumbers: ReadonlySet<string>;
};

export function censusYear(year: number, laNumbers: Iterable<string> = []): CensusYear {
  return { year, collectionStart: `${year - 1}-04-01`, referenceDate: `${year}-03-31`, laNumbers: new Set(laNumbers) };
}

/** Yes/no items: the schema allows 0/1; older files wrote true/false, which the DfE accepts. */
export function yesNo(value: string | null): boolean | null {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}
