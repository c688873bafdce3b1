/** Calls and shapes for permanence and adoption, UASC, health and education, and care leavers. */
import { apiRequest as request } from './client.ts';
import type { ObligationView } from './types.ts';

export type CareView = {
  childId: string;
  name: string;
  dateOfBirth: string | null;
  canRecord: boolean;
  canRecordAdoption: boolean;
  periodsOfCare: {
    periodId: string;
    startDate: string;
    endDate: string | null;
    reasonEnded: string | null;
    previousPermanence: { prevPerm: string; laPerm: string | null; datePerm: string | null } | null;
  }[];
  permanencePlans: { planId: string; planType: string; agreedOn: string; endedOn: string | null; notes: string | null }[];
  adoptionHidden: boolean;
  adoptions: {
    adoptionId: string;
    version: number;
    decisionOn: string;
    placementOrderOn: string | null;
    matchedOn: string | null;
    adopterCount: number | null;
    adopterSex: string | null;
    adopterLegalStatus: string | null;
    fosterCarerAdoption: boolean | null;
    movedInOn: string | null;
    placedOn: string | null;
    placedCeasedOn: string | null;
    placedCeasedReason: string | null;
    adoptionOrderOn: string | null;
    noLongerOn: string | null;
    noLongerReason: string | null;
    enteredCareOn: string | null;
    entryToPlacedDays: number | null;
  }[];
  permanenceOrders: { orderId: string; orderType: string; madeOn: string; madeTo: string; formerFosterCarer: boolean }[];
  uasc: {
    version: number;
    referredOn: string;
    referralRoute: string;
    ageAssessment: string;
    ageAssessedOn: string | null;
    ntsReferredOn: string | null;
    ntsTransferredOn: string | null;
    ceasedOn: string | null;
    notes: string | null;
    lookedAfterOn: string | null;
    delayDays: number | null;
  } | null;
  healthChecks: { checkId: string; kind: string; doneOn: string; notes: string | null }[];
  healthOutcomes: {
    outcomeId: string;
    recordedOn: string;
    immunisationsUpToDate: boolean;
    sdqScore: number | null;
    sdqReason: string | null;
    substanceMisuse: boolean;
    interventionReceived: boolean | null;
    interventionOffered: boolean | null;
    convicted: boolean;
  }[];
  peps: { pepId: string; heldOn: string; school: string | null; notes: string | null }[];
  careLeaver: {
    version: number;
    category: string;
    eligibleFrom: string;
    supportEndedOn: string | null;
    personalAdviser: { workerId: string; name: string; since: string } | null;
    pathwayPlans: { pathwayId: string; kind: string; heldOn: string }[];
    accommodation: { moveId: string; movedOn: string; accommodation: string; suitable: boolean }[];
    paVisits: { visitId: string; visitedOn: string; notes: string | null }[];
    birthdayContacts: {
      birthdayAge: number;
      version: number;
      contactOn: string;
      inTouch: string;
      activity: string;
      accommodation: string;
      eet: boolean;
      suitable: boolean;
    }[];
  } | null;
  obligations: ObligationView[];
};

export type UascListItem = {
  childId: string;
  name: string;
  laChildId: string | null;
  referredOn: string;
  referralRoute: string;
  ageAssessment: string;
  lookedAfterOn: string | null;
  ceasedOn: string | null;
  delayDays: number | null;
  waiting: boolean;
};

export type CareLeaverListItem = {
  childId: string;
  name: string;
  laChildId: string | null;
  dateOfBirth: string | null;
  category: string;
  supportEndedOn: string | null;
  personalAdviser: string | null;
  latestContact: { birthdayAge: number; contactOn: string; inTouch: string; activity: string; accommodation: string; eet: boolean; suitable: boolean } | null;
};

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export const careApi = {
  get: (childId: string) => request<CareView>('GET', `${child(childId)}/looked-after-care`),
  uascList: () => request<{ children: UascListItem[]; delayed: number }>('GET', '/api/uasc'),
  careLeavers: () => request<{ careLeavers: CareLeaverListItem[] }>('GET', '/api/care-leavers'),
  /** One call per form: the method and the path under the child. */
  send: (childId: string, method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => request<unknown>(method, `${child(childId)}/${path}`, { body }),
};
