/**
 * The forms of the looked-after care pages as data: each form's fields, what it sends where,
 * and the schema (core's, the API's own) it is checked against before sending.
 */
import {
  ADOPTER_LEGAL_STATUS,
  ADOPTER_SEX,
  AGE_ASSESSMENT,
  adoptionProgress,
  HEALTH_CHECK_KIND,
  newAdoptionDecision,
  newHealthCheck,
  newHealthOutcome,
  newPep,
  newPermanenceOrder,
  newPermanencePlan,
  newPreviousPermanence,
  PERMANENCE_ORDER_TYPE,
  PERMANENCE_PLAN_TYPE,
  PLACED_CEASED_REASON,
  PREVIOUS_PERMANENCE,
  SDQ_REASON,
  UASC_REFERRAL_ROUTE,
  uascDetails,
} from '@lantern/core/care';
import type { z } from 'zod';
import type { CareView } from '../../api/care.ts';
import { DOLO_FORMS } from './dolo-forms.ts';
import { LEAVER_FORMS } from './leaver-forms.ts';
import { codedOptionsOf as coded, type FieldSpec, optionsOf as options } from '../../components/form-model.ts';

export type FormSpec = {
  title: string;
  submit: string;
  notice: string;
  fields: FieldSpec[];
  schema: z.ZodType;
  method: 'POST' | 'PUT' | 'PATCH';
  /** The path under /api/children/:childId (the address's query may name the record). */
  path: (view: CareView, params: URLSearchParams) => string;
  /** Values already recorded, for forms that change a record; with its version. */
  initial?: (view: CareView, params: URLSearchParams) => { values: Record<string, string>; version?: number } | null;
  /** Empty optional fields are sent as null (clearing them) rather than left out. */
  emptyAsNull?: boolean;
  /** Values the form sends that the user does not enter (which record it is about). */
  fixed?: (view: CareView) => Record<string, unknown>;
  /** Why the form cannot be used for this child now, if it cannot. */
  whyNot?: (view: CareView, params: URLSearchParams) => string | null;
  /** Whether the user may use the form at all (else: may record casework for the child). */
  may?: (view: CareView) => boolean;
};

export const str = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

const openAdoption = (view: CareView) => [...view.adoptions].reverse().find((a) => !a.adoptionOrderOn && !a.noLongerOn) ?? null;

/** The child's latest period of care: the one a new return asks about. */
const latestPeriod = (view: CareView) => [...view.periodsOfCare].sort((a, b) => a.startDate.localeCompare(b.startDate)).at(-1) ?? null;

export const FORMS: Record<string, FormSpec> = {
  ...DOLO_FORMS,
  'permanence-plan': {
    title: 'Record the permanence plan',
    submit: 'Save the permanence plan',
    notice: 'Permanence plan saved',
    method: 'POST',
    path: () => 'permanence-plans',
    schema: newPermanencePlan,
    fields: [
      { name: 'planType', label: 'What is the plan for permanence?', kind: 'radios', options: options(PERMANENCE_PLAN_TYPE), required: true },
      { name: 'agreedOn', label: 'Date agreed', kind: 'date', required: true, hint: 'Usually at a looked-after review' },
      { name: 'notes', label: 'Notes (optional)', kind: 'textarea' },
    ],
  },
  'adoption-decision': {
    title: 'Record the decision to place for adoption',
    submit: 'Save the decision',
    notice: 'Decision to place for adoption saved',
    method: 'POST',
    path: () => 'adoptions',
    schema: newAdoptionDecision,
    whyNot: (v) =>
      !v.canRecordAdoption
        ? 'Only the team holding the case may record an adoption.'
        : openAdoption(v)
          ? 'An adoption decision is already open: record its next step.'
          : null,
    fields: [{ name: 'decisionOn', label: 'Date of the agency decision that the child should be placed for adoption', kind: 'date', required: true }],
  },
  adoption: {
    title: 'Record the next steps of the adoption',
    submit: 'Save the adoption',
    notice: 'Adoption saved',
    method: 'PATCH',
    path: (v) => `adoptions/${openAdoption(v)?.adoptionId}`,
    schema: adoptionProgress,
    emptyAsNull: true,
    whyNot: (v) =>
      !v.canRecordAdoption ? 'Only the team holding the case may record an adoption.' : openAdoption(v) ? null : 'There is no open adoption decision.',
    initial: (v) => {
      const a = openAdoption(v);
      if (!a) return null;
      const { adoptionId: _id, version, enteredCareOn: _e, entryToPlacedDays: _d, decisionOn: _dec, ...rest } = a;
      return { values: Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, str(x)])), version };
    },
    fields: [
      { name: 'placementOrderOn', label: 'Placement order made', kind: 'date' },
      { name: 'matchedOn', label: 'Matched with prospective adopters', kind: 'date' },
      {
        name: 'adopterCount',
        label: 'How many adopters?',
        kind: 'radios',
        numeric: true,
        options: [
          { value: '1', label: 'One' },
          { value: '2', label: 'Two' },
        ],
      },
      { name: 'adopterSex', label: 'Sex of the adopters', kind: 'select', options: coded(ADOPTER_SEX) },
      { name: 'adopterLegalStatus', label: 'Legal status of the adopters (903 LS_ADOPTR)', kind: 'select', options: options(ADOPTER_LEGAL_STATUS) },
      { name: 'fosterCarerAdoption', label: 'Are the adopters the child’s foster carers?', kind: 'yesno' },
      {
        name: 'movedInOn',
        label: 'Date the child moved in with the carers who are adopting',
        kind: 'date',
        hint: 'For foster carers adopting, the day the child moved in with them as foster carers',
      },
      { name: 'placedOn', label: 'Placed for adoption', kind: 'date' },
      { name: 'placedCeasedOn', label: 'Placement for adoption ended', kind: 'date' },
      { name: 'placedCeasedReason', label: 'Why the placement for adoption ended', kind: 'select', options: coded(PLACED_CEASED_REASON) },
      { name: 'adoptionOrderOn', label: 'Adoption order made', kind: 'date' },
      { name: 'noLongerOn', label: 'Decision that the child should no longer be placed for adoption', kind: 'date' },
      { name: 'noLongerReason', label: 'Why the child should no longer be placed', kind: 'text' },
    ],
  },
  'permanence-order': {
    title: 'Record a special guardianship or child arrangements order',
    submit: 'Save the order',
    notice: 'Order saved',
    method: 'POST',
    path: () => 'permanence-orders',
    schema: newPermanenceOrder,
    fields: [
      { name: 'orderType', label: 'Which order?', kind: 'radios', options: options(PERMANENCE_ORDER_TYPE), required: true },
      { name: 'madeOn', label: 'Date the order was made', kind: 'date', required: true },
      { name: 'madeTo', label: 'Made to', kind: 'text', required: true, hint: 'For example, maternal grandparents' },
      { name: 'formerFosterCarer', label: 'Were they the child’s foster carers?', kind: 'yesno', required: true },
    ],
  },
  'previous-permanence': {
    title: 'Record the child’s previous permanence',
    submit: 'Save previous permanence',
    notice: 'Previous permanence saved',
    method: 'PUT',
    path: () => 'previous-permanence',
    schema: newPreviousPermanence,
    fixed: (v) => ({ periodId: latestPeriod(v)?.periodId }),
    whyNot: (v) => (latestPeriod(v) ? null : 'The child has no period of care to record it for.'),
    initial: (v) => {
      const pp = latestPeriod(v)?.previousPermanence;
      return pp ? { values: { prevPerm: pp.prevPerm, laPerm: pp.laPerm ?? '', datePerm: pp.datePerm ?? '' } } : null;
    },
    fields: [
      {
        name: 'prevPerm',
        label: 'Before this period of care began, did the child leave care through adoption, a special guardianship order or a child arrangements order?',
        kind: 'radios',
        options: options(PREVIOUS_PERMANENCE),
        required: true,
        hint: 'The SSDA903 return asks this of every child who starts to be looked after',
      },
      {
        name: 'laPerm',
        label: 'Council that arranged it (if there was one)',
        kind: 'text',
        hint: 'Its 3-digit local authority number, 999 if not known; WAL, SCO, NIR or NUK if outside England',
      },
      {
        name: 'datePerm',
        label: 'Date of the order (if there was one)',
        kind: 'text',
        hint: 'As dd/mm/yyyy, with ZZ for a day or month not known, for example ZZ/06/2019',
      },
    ],
  },
  uasc: {
    title: 'Unaccompanied asylum-seeking child',
    submit: 'Save',
    notice: 'UASC details saved',
    method: 'PUT',
    path: () => 'uasc',
    schema: uascDetails,
    emptyAsNull: true,
    initial: (v) =>
      v.uasc
        ? {
            values: {
              referredOn: v.uasc.referredOn,
              referralRoute: v.uasc.referralRoute,
              ageAssessment: v.uasc.ageAssessment,
              ageAssessedOn: str(v.uasc.ageAssessedOn),
              ntsReferredOn: str(v.uasc.ntsReferredOn),
              ntsTransferredOn: str(v.uasc.ntsTransferredOn),
              ceasedOn: str(v.uasc.ceasedOn),
              notes: str(v.uasc.notes),
            },
            version: v.uasc.version,
          }
        : null,
    fields: [
      { name: 'referredOn', label: 'Date of arrival or referral', kind: 'date', required: true },
      { name: 'referralRoute', label: 'How the child came to the council', kind: 'radios', options: options(UASC_REFERRAL_ROUTE), required: true },
      {
        name: 'ageAssessment',
        label: 'Age assessment',
        kind: 'radios',
        options: options(AGE_ASSESSMENT),
        required: true,
        hint: 'A child whose age is disputed is treated as a child until assessed',
      },
      { name: 'ageAssessedOn', label: 'Date of the age assessment', kind: 'date' },
      { name: 'ntsReferredOn', label: 'Referred into the National Transfer Scheme', kind: 'date' },
      { name: 'ntsTransferredOn', label: 'Transferred under the National Transfer Scheme', kind: 'date' },
      { name: 'ceasedOn', label: 'Date UASC status ceased', kind: 'date' },
      { name: 'notes', label: 'Notes (optional)', kind: 'textarea' },
    ],
  },
  'health-check': {
    title: 'Record a health assessment or dental check',
    submit: 'Save',
    notice: 'Health check saved',
    method: 'POST',
    path: () => 'health-checks',
    schema: newHealthCheck,
    fields: [
      { name: 'kind', label: 'What was done?', kind: 'radios', options: options(HEALTH_CHECK_KIND), required: true },
      { name: 'doneOn', label: 'Date', kind: 'date', required: true },
    ],
  },
  'health-outcome': {
    title: 'Record health outcomes',
    submit: 'Save',
    notice: 'Health outcomes saved',
    method: 'POST',
    path: () => 'health-outcomes',
    schema: newHealthOutcome,
    fields: [
      { name: 'recordedOn', label: 'Date recorded', kind: 'date', required: true },
      { name: 'immunisationsUpToDate', label: 'Are immunisations up to date?', kind: 'yesno', required: true },
      {
        name: 'sdqScore',
        label: 'Strengths and difficulties questionnaire score (0 to 40)',
        kind: 'number',
        hint: 'Leave empty and give a reason if there is no score',
      },
      { name: 'sdqReason', label: 'Why there is no SDQ score', kind: 'select', options: coded(SDQ_REASON) },
      { name: 'substanceMisuse', label: 'Has the child a substance misuse problem?', kind: 'yesno', required: true },
      { name: 'interventionOffered', label: 'Was an intervention offered?', kind: 'yesno' },
      { name: 'interventionReceived', label: 'Did the child receive an intervention?', kind: 'yesno' },
    ],
  },
  pep: {
    title: 'Record a personal education plan',
    submit: 'Save',
    notice: 'Personal education plan saved',
    method: 'POST',
    path: () => 'peps',
    schema: newPep,
    fields: [
      { name: 'heldOn', label: 'Date of the PEP meeting', kind: 'date', required: true },
      { name: 'school', label: 'School (optional)', kind: 'text' },
    ],
  },
  ...LEAVER_FORMS,
};
