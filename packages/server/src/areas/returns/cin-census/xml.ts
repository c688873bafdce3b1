/**
 * Writes core's typed rows as CIN census XML, in the schema's element order (the XSD uses
 * sequences, so order matters). Absent values are left out, never written empty.
 */
import type { CensusChild, CensusEpisode, CensusHeader } from '@lantern/core/returns/cin-census/model';

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const el = (name: string, v: string | null | undefined) => (v === null || v === undefined ? '' : `<${name}>${esc(v)}</${name}>`);

export function censusHeaderXml(h: CensusHeader, now: Date): string {
  const stamp = now.toISOString().slice(0, 19);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header>' +
    `<CollectionDetails>${el('Collection', h.collection)}${el('Year', h.year)}${el('ReferenceDate', h.referenceDate)}</CollectionDetails>` +
    `<Source><SourceLevel>L</SourceLevel>${el('LEA', h.laNumber)}<SoftwareCode>Lantern</SoftwareCode><Release>0.1.0</Release><SerialNo>001</SerialNo><DateTime>${stamp}</DateTime></Source>` +
    '</Header>\n<Children>\n'
  );
}

export function censusFooterXml(): string {
  return '</Children>\n</Message>\n';
}

function episodeXml(e: CensusEpisode): string {
  let x = `<CINdetails>${el('CINreferralDate', e.referralDate)}${el('ReferralSource', e.referralSource)}${el('PrimaryNeedCode', e.primaryNeed)}`;
  x += `${el('CINclosureDate', e.closureDate)}${el('ReasonForClosure', e.closureReason)}${el('DateOfInitialCPC', e.icpcDate)}`;
  for (const a of e.assessments) {
    x += `<Assessments>${el('AssessmentActualStartDate', a.startDate)}${el('AssessmentInternalReviewDate', a.internalReviewDate)}${el('AssessmentAuthorisationDate', a.authorisationDate)}`;
    if (a.factors) x += `<FactorsIdentifiedAtAssessment>${a.factors.map((f) => el('AssessmentFactors', f)).join('')}</FactorsIdentifiedAtAssessment>`;
    x += '</Assessments>';
  }
  for (const p of e.cinPlans) x += `<CINPlanDates>${el('CINPlanStartDate', p.startDate)}${el('CINPlanEndDate', p.endDate)}</CINPlanDates>`;
  for (const s of e.section47s) {
    x += `<Section47>${el('S47ActualStartDate', s.startDate)}${el('InitialCPCtarget', s.icpcTarget)}${el('DateOfInitialCPC', s.icpcDate)}${el('ICPCnotRequired', s.icpcNotRequired)}</Section47>`;
  }
  x += el('ReferralNFA', e.referralNfa);
  for (const p of e.cpPlans) {
    x += `<ChildProtectionPlans>${el('CPPstartDate', p.startDate)}${el('CPPendDate', p.endDate)}${el('InitialCategoryOfAbuse', p.initialCategory)}`;
    x += `${el('LatestCategoryOfAbuse', p.latestCategory)}${el('NumberOfPreviousCPP', p.previousPlans)}`;
    if (p.reviews && p.reviews.length > 0) x += `<Reviews>${p.reviews.map((r) => `<CPPreviewDate>${esc(r ?? '')}</CPPreviewDate>`).join('')}</Reviews>`;
    x += '</ChildProtectionPlans>';
  }
  return `${x}</CINdetails>`;
}

export function censusChildXml(c: CensusChild): string {
  let x = `<Child><ChildIdentifiers>${el('LAchildID', c.laChildId)}${el('UPN', c.upn)}${el('FormerUPN', c.formerUpn)}${el('UPNunknown', c.upnUnknown)}`;
  x += `${el('PersonBirthDate', c.birthDate)}${el('ExpectedPersonBirthDate', c.expectedBirthDate)}${el('Sex', c.sex)}${el('PersonDeathDate', c.deathDate)}</ChildIdentifiers>`;
  x += `<ChildCharacteristics>${el('Ethnicity', c.ethnicity)}`;
  if (c.disabilities && c.disabilities.length > 0) x += `<Disabilities>${c.disabilities.map((d) => el('Disability', d)).join('')}</Disabilities>`;
  x += '</ChildCharacteristics>';
  return `${x}${c.episodes.map(episodeXml).join('')}</Child>\n`;
}
