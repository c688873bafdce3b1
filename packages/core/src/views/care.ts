/**
 * What the looked-after care routes send back (permanence and adoption, UASC, health and
 * education, care leavers): the server's response schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { obligationView } from './casework.ts';
import { maybe } from '../fields.ts';
import { deprivationOfLibertyView } from '../deprivation-of-liberty.ts';

const date = z.string();

export const adoptionView = z.object({
  adoptionId: z.uuid(),
  version: z.number().int(),
  decisionOn: date,
  placementOrderOn: maybe,
  matchedOn: maybe,
  adopterCount: z.number().int().nullable(),
  adopterSex: maybe,
  adopterLegalStatus: maybe,
  fosterCarerAdoption: z.boolean().nullable(),
  movedInOn: maybe,
  placedOn: maybe,
  placedCeasedOn: maybe,
  placedCeasedReason: maybe,
  adoptionOrderOn: maybe,
  noLongerOn: maybe,
  noLongerReason: maybe,
  enteredCareOn: maybe,
  entryToPlacedDays: z.number().int().nullable(),
});

const birthdayContactView = z.object({
  birthdayAge: z.number().int(),
  version: z.number().int(),
  contactOn: date,
  inTouch: z.string(),
  activity: z.string(),
  accommodation: z.string(),
  eet: z.boolean(),
  suitable: z.boolean(),
});

export const careView = z.object({
  childId: z.uuid(),
  name: z.string(),
  dateOfBirth: maybe,
  canRecord: z.boolean(),
  canRecordAdoption: z.boolean(),
  /** Deprivation of liberty orders are court orders: recorded by those who record legal steps (legal:record). */
  canRecordDeprivationOfLiberty: z.boolean(),
  periodsOfCare: z.array(
    z.object({
      periodId: z.uuid(),
      startDate: date,
      endDate: maybe,
      reasonEnded: maybe,
      previousPermanence: z.object({ prevPerm: z.string(), laPerm: maybe, datePerm: maybe }).nullable(),
    }),
  ),
  permanencePlans: z.array(z.object({ planId: z.uuid(), planType: z.string(), agreedOn: date, endedOn: maybe, notes: maybe })),
  adoptionHidden: z.boolean(),
  adoptions: z.array(adoptionView),
  /** Deprivation of liberty orders, latest first. */
  deprivationOfLiberty: z.array(deprivationOfLibertyView),
  permanenceOrders: z.array(z.object({ orderId: z.uuid(), orderType: z.string(), madeOn: date, madeTo: z.string(), formerFosterCarer: z.boolean() })),
  uasc: z
    .object({
      version: z.number().int(),
      referredOn: date,
      referralRoute: z.string(),
      ageAssessment: z.string(),
      ageAssessedOn: maybe,
      ntsReferredOn: maybe,
      ntsTransferredOn: maybe,
      ceasedOn: maybe,
      notes: maybe,
      lookedAfterOn: maybe,
      delayDays: z.number().int().nullable(),
    })
    .nullable(),
  healthChecks: z.array(z.object({ checkId: z.uuid(), kind: z.string(), doneOn: date, notes: maybe })),
  healthOutcomes: z.array(
    z.object({
      outcomeId: z.uuid(),
      recordedOn: date,
      immunisationsUpToDate: z.boolean(),
      sdqScore: z.number().int().nullable(),
      sdqReason: maybe,
      substanceMisuse: z.boolean(),
      interventionReceived: z.boolean().nullable(),
      interventionOffered: z.boolean().nullable(),
      convicted: z.boolean(),
    }),
  ),
  peps: z.array(z.object({ pepId: z.uuid(), heldOn: date, school: maybe, notes: maybe })),
  careLeaver: z
    .object({
      version: z.number().int(),
      category: z.string(),
      eligibleFrom: date,
      supportEndedOn: maybe,
      personalAdviser: z.object({ workerId: z.uuid(), name: z.string(), since: date }).nullable(),
      pathwayPlans: z.array(z.object({ pathwayId: z.uuid(), kind: z.string(), heldOn: date })),
      accommodation: z.array(z.object({ moveId: z.uuid(), movedOn: date, accommodation: z.string(), suitable: z.boolean() })),
      paVisits: z.array(z.object({ visitId: z.uuid(), visitedOn: date, notes: maybe })),
      birthdayContacts: z.array(birthdayContactView),
    })
    .nullable(),
  obligations: z.array(obligationView),
});
export type CareView = z.infer<typeof careView>;

export const uascListItem = z.object({
  childId: z.uuid(),
  name: z.string(),
  laChildId: maybe,
  referredOn: date,
  referralRoute: z.string(),
  ageAssessment: z.string(),
  lookedAfterOn: maybe,
  ceasedOn: maybe,
  delayDays: z.number().int().nullable(),
  waiting: z.boolean(),
});
export type UascListItem = z.infer<typeof uascListItem>;
export const uascList = z.object({ children: z.array(uascListItem), delayed: z.number().int() });

export const careLeaverListItem = z.object({
  childId: z.uuid(),
  name: z.string(),
  laChildId: maybe,
  dateOfBirth: maybe,
  category: z.string(),
  supportEndedOn: maybe,
  personalAdviser: maybe,
  latestContact: birthdayContactView.omit({ version: true }).nullable(),
});
export type CareLeaverListItem = z.infer<typeof careLeaverListItem>;
export const careLeaverList = z.object({ careLeavers: z.array(careLeaverListItem) });
export type UascList = z.infer<typeof uascList>;
export type CareLeaverList = z.infer<typeof careLeaverList>;
