// Statutory and practice timescales, as data: one TimescaleRule per row of
// reference/timescales.md, in its order and in its words, plus pure
// functions that turn a rule and a start date into a due date and a state.
// No clock and no I/O: "today" is always passed in as `asOf`.

import type { IsoDate } from './calendar.ts';
import {
  addCalendarMonths,
  addDays,
  addWeeks,
  addWorkingDays,
  compareIsoDates,
  daysSinceEpoch,
  fromDaysSinceEpoch,
  parseIsoDate,
  workingDaysBetween,
} from './calendar.ts';

export type DueRule =
  | { unit: 'working-days'; n: number }
  | { unit: 'days'; n: number } // calendar days
  | { unit: 'weeks'; n: number }
  | { unit: 'months'; n: number } // calendar months, month-end clamp
  | { unit: 'hours'; n: number }
  | { unit: 'by-event'; event: string; description: string }; // e.g. permanence plan "by the second review"

export type RuleKind = 'statute' | 'guidance' | 'policy';

export type Responsible = 'allocated-social-worker' | 'team-manager' | 'iro' | 'front-door' | 'personal-adviser' | 'director' | 'supervisor';

export type RuleArea = 'children-in-need' | 'child-protection' | 'looked-after' | 'care-leavers' | 'workforce' | 'private-fostering' | 'legal' | 'fostering';

export interface TimescaleRule {
  /** Exactly as in timescales.md, e.g. 'icpc'. */
  id: string;
  area: RuleArea;
  /** "What must happen", in the reference's words. */
  what: string;
  /** "Counted from", in the reference's words. */
  countedFrom: string;
  /** The default; see `notes` where the interval varies. */
  due: DueRule;
  kind: RuleKind;
  /** The source column, verbatim. */
  source: string;
  responsible: Responsible;
  /** Council setting key. Policy rules take any value; statute and guidance only a stricter one. */
  setting?: string;
  notes?: string;
}

// ---------------------------------------------------------------------------
// The rules

const workingDays = (n: number): DueRule => ({ unit: 'working-days', n });
const days = (n: number): DueRule => ({ unit: 'days', n });
const weeks = (n: number): DueRule => ({ unit: 'weeks', n });
const months = (n: number): DueRule => ({ unit: 'months', n });
const hours = (n: number): DueRule => ({ unit: 'hours', n });

// Every countable rule gets a setting key: policy values are the council's to
// choose, and a council may tighten statute and guidance (checkSetting).
const setting = (id: string): string => `timescale.${id}`;

type RuleRow = Omit<TimescaleRule, 'setting'> & { settable?: false };

const REG_28_PLACEMENT = 'Reg. 28 visits attach to the placement: every new placement restarts the one-week clock (cla-visit-first).';
const REG_33_EARLY =
  'Reg. 33 reviews can be brought forward (the IRO asks, a placement with parents, before accommodation ends); an early review restarts the interval.';

const ROWS: readonly RuleRow[] = [
  // Children in need and child protection (Working Together 2023)
  {
    id: 'contact-decision',
    area: 'children-in-need',
    what: 'decision on a contact: no further action, early help, or referral for assessment',
    countedFrom: 'contact received',
    due: workingDays(1),
    kind: 'guidance',
    source: 'WT 2023, ch. 2 (decision within one working day)',
    responsible: 'front-door',
  },
  {
    id: 'assessment',
    area: 'children-in-need',
    what: 'assessment completed and authorised by a manager (reasons recorded if later)',
    countedFrom: 'referral date',
    due: workingDays(45),
    kind: 'guidance',
    source: 'WT 2023, ch. 2 (maximum 45 working days from referral)',
    responsible: 'allocated-social-worker',
    notes:
      "The clock starts at the referral (Working Together). The DfE's published duration tables count from the assessment's own start; compute and label both.",
  },
  {
    id: 'strategy-discussion',
    area: 'child-protection',
    what: 'strategy discussion with at least the social worker, health and police',
    countedFrom: 'reasonable cause to suspect significant harm',
    due: workingDays(1),
    kind: 'policy',
    source: 'WT 2023 sets no clock; local procedures',
    responsible: 'team-manager',
  },
  {
    id: 'icpc',
    area: 'child-protection',
    what: 'initial child protection conference',
    countedFrom: 'the strategy discussion that started the section 47 enquiry (the last one, if there were several)',
    due: workingDays(15),
    kind: 'guidance',
    source: 'WT 2023, ch. 2',
    responsible: 'team-manager',
  },
  {
    id: 'core-group-first',
    area: 'child-protection',
    what: 'first core group meeting',
    countedFrom: 'initial conference',
    due: workingDays(10),
    kind: 'guidance',
    source: 'WT 2023, ch. 2',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'cp-review-first',
    area: 'child-protection',
    what: 'first review conference',
    countedFrom: 'initial conference',
    due: months(3),
    kind: 'guidance',
    source: 'WT 2023, ch. 2',
    responsible: 'team-manager',
  },
  {
    id: 'cp-review',
    area: 'child-protection',
    what: 'later review conferences',
    countedFrom: 'previous review conference',
    due: months(6),
    kind: 'guidance',
    source: 'WT 2023, ch. 2',
    responsible: 'team-manager',
  },
  {
    id: 'cp-visit',
    area: 'child-protection',
    what: 'visit to a child on a protection plan, child seen (alone where appropriate)',
    countedFrom: 'plan start, then each visit',
    due: workingDays(10),
    kind: 'policy',
    source: 'no national frequency; councils set 10 working days, 2, 3 or 4 weeks',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'core-group',
    area: 'child-protection',
    what: 'later core group meetings',
    countedFrom: 'previous core group',
    due: weeks(6),
    kind: 'policy',
    source: 'council procedures',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'cin-plan-review',
    area: 'children-in-need',
    what: 'child in need plan review',
    countedFrom: 'plan start, then each review',
    due: months(3),
    kind: 'policy',
    source: 'council procedures',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'cin-visit',
    area: 'children-in-need',
    what: 'visit to a child on a child in need plan',
    countedFrom: 'plan start, then each visit',
    due: workingDays(20),
    kind: 'policy',
    source: 'council procedures',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'private-fostering-first-visit',
    area: 'private-fostering',
    what: 'visit to a privately fostered child, the carer and the home',
    countedFrom: 'notification received',
    due: workingDays(7),
    kind: 'statute',
    source: 'Children (Private Arrangements for Fostering) Regs 2005, reg. 4',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'private-fostering-visit',
    area: 'private-fostering',
    what: 'later visits, child seen alone',
    countedFrom: 'previous visit',
    due: weeks(6),
    kind: 'statute',
    source: '2005 Regs, reg. 8',
    responsible: 'allocated-social-worker',
    notes: 'Every 6 weeks in the first year of the arrangement, every 12 weeks after; privateFosteringVisitInterval gives the interval for a visit.',
  },

  // Children looked after (Care Planning, Placement and Case Review (England) Regulations 2010)
  {
    id: 'cla-review-first',
    area: 'looked-after',
    what: 'first looked-after review',
    countedFrom: 'date the child became looked after',
    due: workingDays(20),
    kind: 'statute',
    source: '2010 Regs, reg. 33',
    responsible: 'iro',
    notes: REG_33_EARLY,
  },
  {
    id: 'cla-review-second',
    area: 'looked-after',
    what: 'second review',
    countedFrom: 'first review',
    due: months(3),
    kind: 'statute',
    source: '2010 Regs, reg. 33',
    responsible: 'iro',
    notes: REG_33_EARLY,
  },
  {
    id: 'cla-review',
    area: 'looked-after',
    what: 'later reviews',
    countedFrom: 'previous review',
    due: months(6),
    kind: 'statute',
    source: '2010 Regs, reg. 33',
    responsible: 'iro',
    notes: REG_33_EARLY,
  },
  {
    id: 'cla-visit-first',
    area: 'looked-after',
    what: 'social worker visit to the child in a new placement',
    countedFrom: 'placement start',
    due: weeks(1),
    kind: 'statute',
    source: '2010 Regs, reg. 28',
    responsible: 'allocated-social-worker',
    notes: REG_28_PLACEMENT,
  },
  {
    id: 'cla-visit',
    area: 'looked-after',
    what: 'visits during the first year of a placement',
    countedFrom: 'previous visit',
    due: weeks(6),
    kind: 'statute',
    source: '2010 Regs, reg. 28',
    responsible: 'allocated-social-worker',
    notes: `${REG_28_PLACEMENT} The first year is counted from the placement start; claVisitInterval picks the rule.`,
  },
  {
    id: 'cla-visit-long-term',
    area: 'looked-after',
    what: 'visits after the first year, only where the placement is intended to last until the child is 18 (otherwise `cla-visit` continues)',
    countedFrom: 'previous visit',
    due: months(3),
    kind: 'statute',
    source: '2010 Regs, reg. 28(2)(c)',
    responsible: 'allocated-social-worker',
    notes: REG_28_PLACEMENT,
  },
  {
    id: 'cla-visit-with-parent',
    area: 'looked-after',
    what: 'child placed with a parent before assessment is complete (weekly until the first review, then 6 weeks); a connected person with temporary approval (weekly until the first review, then 4 weeks)',
    countedFrom: 'placement start',
    due: weeks(1),
    kind: 'statute',
    source: '2010 Regs, reg. 28(3)–(5)',
    responsible: 'allocated-social-worker',
    notes:
      'Weekly until the first review; then every 6 weeks for a child placed with a parent before assessment (reg. 19), every 4 weeks with a temporarily approved connected person (reg. 24) or at home with a parent under an interim care order. Under a full care order at home, reg. 28(5): within a week of the order, then every 6 weeks. claVisitWithParentInterval gives the interval.',
  },
  {
    id: 'care-plan',
    area: 'looked-after',
    what: 'care plan prepared',
    countedFrom: 'first placement',
    due: workingDays(10),
    kind: 'statute',
    source: '2010 Regs, reg. 4',
    responsible: 'allocated-social-worker',
    notes: 'Due before the first placement; 10 working days only where that is not practicable.',
  },
  {
    id: 'placement-plan',
    area: 'looked-after',
    what: 'placement plan agreed with the carer',
    countedFrom: 'placement start',
    due: workingDays(5),
    kind: 'statute',
    source: '2010 Regs, reg. 9',
    responsible: 'allocated-social-worker',
    notes: 'Due before the placement; 5 working days only where that is not practicable.',
  },
  {
    id: 'placement-notice',
    area: 'looked-after',
    what: 'written notice of placement to parents, health, GP, school, IRO',
    countedFrom: 'placement start',
    due: workingDays(5),
    kind: 'statute',
    source: '2010 Regs, reg. 13',
    responsible: 'allocated-social-worker',
    notes: 'Due before the placement; 5 working days only where that is not practicable.',
  },
  {
    id: 'iro-notify',
    area: 'looked-after',
    what: 'IRO service told the child has become looked after',
    countedFrom: 'date the child became looked after',
    due: workingDays(2),
    kind: 'policy',
    source: 'IRO Handbook practice',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'unregistered-visit',
    area: 'looked-after',
    what: 'visits while placed with a provider not registered for that care',
    countedFrom: 'placement start, then each visit',
    due: days(7),
    kind: 'policy',
    source: 'council procedures',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'unregistered-approval',
    area: 'looked-after',
    what: "director's approval of a placement with an unregistered provider",
    countedFrom: 'placement start',
    due: workingDays(0),
    kind: 'policy',
    source: 'DfE guidance on unregistered provision',
    responsible: 'director',
    notes:
      'Before or on the day of the placement. As working days, a weekend or bank-holiday placement is due the next working day; a council wanting the placement date itself sets 0 days.',
  },
  {
    id: 'health-assessment-initial',
    area: 'looked-after',
    what: 'initial health assessment by a medical practitioner',
    countedFrom: 'date the child became looked after',
    due: workingDays(20),
    kind: 'guidance',
    source: '2010 Regs reg. 7 (before the first review); Promoting the health and wellbeing of looked-after children',
    responsible: 'allocated-social-worker',
    notes: 'Reg. 7 requires it before the first review, so an early first review brings this forward.',
  },
  {
    id: 'health-assessment-review',
    area: 'looked-after',
    what: 'review health assessment',
    countedFrom: 'previous assessment',
    due: months(6),
    kind: 'statute',
    source: '2010 Regs, reg. 7',
    responsible: 'allocated-social-worker',
    notes: 'Every 6 months before the fifth birthday, every 12 months from it; healthAssessmentReviewInterval decides by age at the previous assessment.',
  },
  {
    id: 'pep-initial',
    area: 'looked-after',
    what: 'personal education plan in place, ready for the first review',
    countedFrom: 'date the child became looked after',
    due: workingDays(20),
    kind: 'guidance',
    source: 'Promoting the education of looked-after children (2018)',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'pep-review',
    area: 'looked-after',
    what: 'personal education plan review',
    countedFrom: 'previous PEP',
    due: months(3),
    kind: 'policy',
    source: 'same',
    responsible: 'allocated-social-worker',
    notes: 'Termly in the guidance; 3 calendar months is the default stand-in for a term.',
  },
  {
    id: 'permanence-plan',
    area: 'looked-after',
    what: 'permanence plan agreed',
    countedFrom: 'date the child became looked after',
    due: { unit: 'by-event', event: 'cla-review-second', description: 'by the second review' },
    kind: 'guidance',
    source: 'Children Act 1989 guidance vol. 2',
    responsible: 'allocated-social-worker',
    notes: 'Due on the date of the second looked-after review; resolve it from that review.',
    settable: false,
  },
  {
    id: 'rhi',
    area: 'looked-after',
    what: 'independent return home interview offered',
    countedFrom: 'return from a missing episode (time recorded)',
    due: hours(72),
    kind: 'guidance',
    source: 'Children who run away or go missing from home or care (2014)',
    responsible: 'allocated-social-worker',
    notes: 'Counted in hours from the recorded return time (UTC instant).',
  },
  {
    id: 'uasc-looked-after',
    area: 'looked-after',
    what: 'an unaccompanied asylum-seeking child is accommodated (and so looked after)',
    countedFrom: 'referral or arrival',
    due: days(0),
    kind: 'statute',
    source: 'Children Act 1989 s.20; an age-disputed child is treated as a child pending assessment',
    responsible: 'front-door',
    notes: 'The same calendar day, weekends and bank holidays included.',
  },
  {
    id: 'uasc-transfer',
    area: 'looked-after',
    what: 'transfer under the National Transfer Scheme completed',
    countedFrom: 'referral into the scheme',
    due: workingDays(10),
    kind: 'statute',
    source: 'NTS protocol (2025), Immigration Act 2016 s.72',
    responsible: 'team-manager',
  },
  {
    id: 'iro-contact',
    area: 'looked-after',
    what: 'IRO speaks with the child before each review',
    countedFrom: '—',
    due: {
      unit: 'by-event',
      event: 'cla-review',
      description: 'before each looked-after review (cla-review-first, cla-review-second, cla-review)',
    },
    kind: 'guidance',
    source: 'IRO Handbook (2010)',
    responsible: 'iro',
    notes: 'Due before each review; resolve it from the date of the next review.',
    settable: false,
  },

  // Plans, reviews and their records
  {
    id: 'plan-action',
    area: 'children-in-need',
    what: "an action on a child's plan (child in need, protection, care, pathway plan) done by its named owner (a worker, a partner agency, a parent or carer)",
    countedFrom: 'the plan or meeting that set it',
    due: { unit: 'by-event', event: 'plan-action', description: 'by the date the plan set' },
    kind: 'policy',
    source: 'good practice: every action has an owner and a date (WT 2023, ch. 2; 2010 Regs, reg. 5)',
    responsible: 'allocated-social-worker',
    notes:
      'Owed by the action’s owner: a named worker; for a partner agency contact, a parent or carer, or the child, the allocated social worker (a partner also sees theirs in their own view). Met when progress records it done; ended if withdrawn or the plan ends.',
  },
  // Conferences and reviews: areas/meetings; derived in areas/meetings/obligations.ts.
  {
    id: 'review-decisions',
    area: 'looked-after',
    what: 'the decisions of a looked-after review written up and sent to those who need them',
    countedFrom: 'the review',
    due: workingDays(5),
    kind: 'guidance',
    source: 'IRO Handbook (2010)',
    responsible: 'iro',
  },
  {
    id: 'review-record',
    area: 'looked-after',
    what: 'the full written record of a looked-after review',
    countedFrom: 'the review',
    due: workingDays(20),
    kind: 'guidance',
    source: 'IRO Handbook (2010)',
    responsible: 'iro',
  },
  {
    id: 'iro-recommendation',
    area: 'looked-after',
    what: 'each recommendation of a looked-after review or protection conference carried out by its named owner',
    countedFrom: 'the review or conference',
    due: { unit: 'by-event', event: 'meeting-recommendation', description: 'by the date the meeting set (20 working days after it if none)' },
    kind: 'guidance',
    source: 'IRO Handbook (2010); WT 2023, ch. 2',
    responsible: 'allocated-social-worker',
    notes: 'Responsible: the recommendation’s owner. Due on the date set, else 20 working days after the meeting; met when marked done with a note.',
    settable: false,
  },
  {
    id: 'iro-escalation-stage',
    area: 'looked-after',
    what: "an answer at each stage of the IRO's dispute resolution (team manager, service manager, head of service, director)",
    countedFrom: 'the stage raised',
    due: workingDays(5),
    kind: 'policy',
    source: 'IRO Handbook (2010) sets stages, councils set times',
    responsible: 'team-manager',
    notes: 'Responsible: the person at the stage (team manager, service manager, head of service, director); met by resolving the concern or moving it on.',
  },
  {
    id: 'conference-record',
    area: 'child-protection',
    what: 'the record of a protection conference (decisions and outline plan the same day; full record)',
    countedFrom: 'the conference',
    due: workingDays(1),
    kind: 'policy',
    source: 'WT 2023, ch. 2 asks for prompt circulation; councils set times',
    responsible: 'team-manager',
    notes: 'Two deadlines per conference: the decisions and outline plan (the setting, default 1 working day) and the full record (20 working days).',
  },

  // Legal planning and proceedings (Public Law Outline)
  {
    id: 'legal-planning-decision',
    area: 'legal',
    what: 'decision of the legal gateway (planning) meeting recorded: no order, pre-proceedings, or issue',
    countedFrom: 'the meeting',
    due: workingDays(0),
    kind: 'policy',
    source: 'council procedures',
    responsible: 'team-manager',
  },
  {
    id: 'pre-proceedings-meeting',
    area: 'legal',
    what: 'the pre-proceedings meeting with parents and their lawyers',
    countedFrom: 'letter before proceedings sent',
    due: workingDays(10),
    kind: 'policy',
    source: 'PLO; common practice',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'pre-proceedings-review',
    area: 'legal',
    what: 'a review of pre-proceedings progress',
    countedFrom: 'the pre-proceedings meeting, then each review',
    due: weeks(6),
    kind: 'policy',
    source: 'Public Law Working Group best-practice guidance',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'pre-proceedings-end',
    area: 'legal',
    what: 'pre-proceedings ended: step down, or application issued',
    countedFrom: 'letter before proceedings sent',
    due: weeks(16),
    kind: 'guidance',
    source: 'Public Law Working Group best-practice guidance (2021, 2023)',
    responsible: 'team-manager',
    notes: 'An extension needs a recorded reason and a new date, which becomes the due date.',
  },
  {
    id: 'care-proceedings',
    area: 'legal',
    what: 'care or supervision proceedings completed (final order)',
    countedFrom: 'application issued',
    due: weeks(26),
    kind: 'statute',
    source: 'Children Act 1989 s.32(1)(a)(ii), as amended by the Children and Families Act 2014 s.14',
    responsible: 'team-manager',
    notes: '26 weeks (182 days) from issue; each extension the court grants (up to 8 weeks) is recorded with the new date, which becomes the due date.',
  },

  // Fostering (areas/fostering): the household's deadlines are owed by its supervising social worker.
  {
    id: 'fostering-assessment-stage-one',
    area: 'fostering',
    what: 'stage one of assessing a prospective foster carer (checks and references)',
    countedFrom: 'application received',
    due: workingDays(10),
    kind: 'guidance',
    source: 'Fostering Services statutory guidance (assessment and approval, 2013)',
    responsible: 'allocated-social-worker',
    notes: 'Responsible: the household’s supervising social worker (assessing social worker).',
  },
  {
    id: 'fostering-assessment-stage-two',
    area: 'fostering',
    what: 'stage two (the full assessment) ready for the fostering panel',
    countedFrom: 'application received',
    due: months(4),
    kind: 'guidance',
    source: 'same',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'fostering-decision',
    area: 'fostering',
    what: "the agency decision maker's decision on the panel's recommendation",
    countedFrom: 'panel recommendation and final minutes received',
    due: workingDays(7),
    kind: 'guidance',
    source: 'same',
    responsible: 'team-manager',
  },
  {
    id: 'foster-carer-review',
    area: 'fostering',
    what: "review of a foster carer's approval (and a report to panel after the first)",
    countedFrom: 'approval, then each review',
    due: months(12),
    kind: 'statute',
    source: 'Fostering Services (England) Regs 2011, reg. 28',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'foster-carer-tsd',
    area: 'fostering',
    what: 'Training, Support and Development Standards completed',
    countedFrom: 'approval',
    due: months(12),
    kind: 'guidance',
    source: 'DfE Training, Support and Development Standards for foster care',
    responsible: 'allocated-social-worker',
    notes: '12 months from approval; 18 months for family and friends (connected person) carers.',
  },
  {
    id: 'supervising-visit',
    area: 'fostering',
    what: 'supervising social worker visits the foster carer (at least one unannounced visit a year)',
    countedFrom: 'approval, then each visit',
    due: weeks(6),
    kind: 'policy',
    source: 'council procedures; National Minimum Standards 2011, std 21',
    responsible: 'allocated-social-worker',
    notes: 'Met by the next visit; the household also shows whether an unannounced visit was made in the last 12 months.',
  },
  {
    id: 'connected-person-temporary',
    area: 'fostering',
    what: 'full assessment of a connected person approved temporarily (reg. 24)',
    countedFrom: 'the child placed',
    due: weeks(16),
    kind: 'statute',
    source: 'Care Planning Regs 2010, regs. 24–25',
    responsible: 'allocated-social-worker',
    notes: '16 weeks; extendable once by 8 weeks with a recorded reason (the extension moves the due date).',
  },
  {
    id: 's20-legal-review',
    area: 'legal',
    what: 'a child accommodated under section 20 has their legal status reviewed at a legal planning meeting',
    countedFrom: 'start of accommodation, then each review',
    due: months(6),
    kind: 'policy',
    source: 'Public Law Working Group best-practice guidance on section 20 (2021)',
    responsible: 'allocated-social-worker',
    notes: 'Met by the next legal planning meeting; ends when the child leaves care or an order changes the legal status.',
  },

  // Care leavers
  {
    id: 'pathway-plan',
    area: 'care-leavers',
    what: 'needs assessment (then the pathway plan as soon as possible) for an eligible child',
    countedFrom: 'the later of the 16th birthday and the day the child became eligible',
    due: months(3),
    kind: 'statute',
    source: '2010 Care Planning Regs, regs. 42–43',
    responsible: 'allocated-social-worker',
  },
  {
    id: 'pathway-plan-review',
    area: 'care-leavers',
    what: 'pathway plan review',
    countedFrom: 'previous review',
    due: months(6),
    kind: 'statute',
    source: '2010 Regs, reg. 7',
    responsible: 'personal-adviser',
  },
  {
    id: 'pa-visit',
    area: 'care-leavers',
    what: 'personal adviser visits a relevant care leaver in their accommodation',
    countedFrom: 'a move to new accommodation, then each visit',
    due: days(7),
    kind: 'statute',
    source: 'Care Leavers (England) Regs 2010',
    responsible: 'personal-adviser',
    notes: 'Within 7 days of a move to new accommodation, then every 2 calendar months from the last visit; paVisitInterval picks the start and the interval.',
  },

  // Workforce and oversight
  {
    id: 'supervision',
    area: 'workforce',
    what: 'formal supervision of a practitioner',
    countedFrom: 'previous supervision or start date',
    due: weeks(4),
    kind: 'policy',
    source: 'council policy (monthly is common)',
    responsible: 'supervisor',
  },
  {
    id: 'supervision-asye',
    area: 'workforce',
    what: 'supervision of a newly qualified social worker',
    countedFrom: 'start date',
    due: weeks(1),
    kind: 'policy',
    source: 'national ASYE programme conditions',
    responsible: 'supervisor',
    notes: 'Weekly for the first 6 weeks, fortnightly to 6 months, then monthly; asyeSupervisionInterval gives the interval after each supervision.',
  },
  {
    id: 'management-oversight',
    area: 'workforce',
    what: "a manager's recorded oversight on a child's record",
    countedFrom: 'previous oversight or case start',
    due: months(3),
    kind: 'policy',
    source: 'council policy',
    responsible: 'team-manager',
  },
  {
    id: 'induction',
    area: 'workforce',
    what: 'induction checklist complete',
    countedFrom: 'start date',
    due: weeks(12),
    kind: 'policy',
    source: 'council policy',
    responsible: 'supervisor',
  },
  {
    id: 'allocation',
    area: 'workforce',
    what: 'an open case has an allocated social worker',
    countedFrom: 'case open or worker leaves',
    due: workingDays(1),
    kind: 'policy',
    source: 'council policy',
    responsible: 'team-manager',
  },
];

/**
 * Rules Lantern keeps that are not (yet) rows of timescales.md: council policy, not law.
 * partner-response: a partner agency answers a request from a child's record by the date the
 * request gives, the council's deadline for the request type (core's partners.ts holds the
 * per-type defaults and their setting keys). case-audit-action: a finding of a case audit put
 * right by the date the auditor gave its owner.
 */
const LOCAL_ROWS: readonly RuleRow[] = [
  {
    id: 'partner-response',
    area: 'children-in-need',
    what: 'a partner agency answers a request for information, a report, an assessment or a service',
    countedFrom: 'request sent',
    due: { unit: 'by-event', event: 'partner-request', description: 'by the date the request gives (the council’s deadline for its type)' },
    kind: 'policy',
    source: 'council policy (not in timescales.md)',
    responsible: 'allocated-social-worker',
    notes: 'Responsible: the worker who sent the request. Per-type deadlines are council settings partner-response.<type>.',
  },
  {
    id: 'case-audit-action',
    area: 'children-in-need',
    what: 'an action from a case audit is done (the finding put right), with the evidence noted',
    countedFrom: 'the audit',
    due: { unit: 'by-event', event: 'case-audit-action', description: 'by the due date the auditor set for the action' },
    kind: 'policy',
    source: 'council quality assurance (not in timescales.md)',
    responsible: 'allocated-social-worker',
    notes: 'Responsible: the action’s owner, whoever holds the case. Ended unmet if the case closes first.',
  },
  // Early help (areas/early-help): no national timescale, so council policy, each a setting.
  {
    id: 'early-help-assessment',
    area: 'children-in-need',
    what: 'the early help assessment completed with the family',
    countedFrom: 'early help began',
    due: weeks(6),
    kind: 'policy',
    source: 'council early help policy (not in timescales.md; 6 weeks is common)',
    responsible: 'allocated-social-worker',
    notes: 'Ended unmet if early help ends first.',
  },
  {
    id: 'early-help-review',
    area: 'children-in-need',
    what: 'review of the early help plan with the family and the team around them',
    countedFrom: 'early help began, then each review',
    due: weeks(12),
    kind: 'policy',
    source: 'council early help policy (not in timescales.md; at least every 12 weeks is common)',
    responsible: 'allocated-social-worker',
    notes: 'Met by the next review; ended when early help ends.',
  },
  // Subject access requests (areas/exchange): the law's own month, not a council setting.
  {
    id: 'sar-response',
    area: 'children-in-need',
    what: 'the answer to a subject access request: a copy of the record, third-party information redacted',
    countedFrom: 'the request received (with proof of identity)',
    due: months(1),
    kind: 'statute',
    source: 'UK GDPR art. 12(3): one calendar month, extendable by two further months with reasons',
    responsible: 'director',
    notes: 'Due three months from receipt when extended with a recorded reason. Met when the reviewed copy is released.',
    settable: false,
  },
];

/** Ids of the rules that are Lantern's own, not rows of timescales.md. */
export const LOCAL_RULE_IDS: readonly string[] = LOCAL_ROWS.map((r) => r.id);

function freezeRule(row: RuleRow): TimescaleRule {
  const { settable, ...rule } = row;
  const out: TimescaleRule = settable === false ? { ...rule } : { ...rule, setting: setting(rule.id) };
  Object.freeze(out.due);
  return Object.freeze(out);
}

/** Every row of timescales.md, in its order. */
export const TIMESCALE_RULES: readonly TimescaleRule[] = Object.freeze([...ROWS, ...LOCAL_ROWS].map(freezeRule));

const BY_ID = new Map(TIMESCALE_RULES.map((r) => [r.id, r]));

/** The rule with this id; throws for an id that is not in timescales.md. */
/** Short names for worklists and tags; `what` keeps the reference's full wording. */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  'contact-decision': 'Contact decision',
  assessment: 'Assessment authorised',
  'strategy-discussion': 'Strategy discussion',
  icpc: 'Initial child protection conference',
  'core-group-first': 'First core group',
  'cp-review-first': 'First review conference',
  'cp-review': 'Review conference',
  'cp-visit': 'Child protection visit',
  'core-group': 'Core group',
  'cin-plan-review': 'Child in need plan review',
  'cin-visit': 'Child in need visit',
  'private-fostering-first-visit': 'First private fostering visit',
  'private-fostering-visit': 'Private fostering visit',
  'cla-review-first': 'First looked-after review',
  'cla-review-second': 'Second looked-after review',
  'cla-review': 'Looked-after review',
  'cla-visit-first': 'First visit in a new placement',
  'cla-visit': 'Looked-after visit',
  'cla-visit-long-term': 'Looked-after visit (long-term placement)',
  'cla-visit-with-parent': 'Visit: placed with parent or connected person',
  'care-plan': 'Care plan',
  'placement-plan': 'Placement plan',
  'placement-notice': 'Notice of placement',
  'iro-notify': 'IRO told',
  'unregistered-visit': 'Visit: unregistered placement',
  'unregistered-approval': "Director's approval: unregistered placement",
  'health-assessment-initial': 'Initial health assessment',
  'health-assessment-review': 'Review health assessment',
  'pep-initial': 'Personal education plan',
  'pep-review': 'Personal education plan review',
  'permanence-plan': 'Permanence plan',
  rhi: 'Return home interview offered',
  'uasc-looked-after': 'UASC accommodated',
  'uasc-transfer': 'National Transfer Scheme transfer',
  'iro-contact': 'IRO speaks with the child',
  'plan-action': 'Action on the child’s plan',
  'sar-response': 'Subject access request answered',
  'pathway-plan': 'Pathway plan',
  'pathway-plan-review': 'Pathway plan review',
  'pa-visit': 'Personal adviser visit',
  supervision: 'Supervision',
  'supervision-asye': 'ASYE supervision',
  'management-oversight': 'Management oversight',
  induction: 'Induction complete',
  allocation: 'Social worker allocated',
  'partner-response': 'Partner agency response',
  'case-audit-action': 'Case audit action',
  'review-decisions': 'Review decisions sent',
  'review-record': 'Review record written',
  'iro-recommendation': 'Review or conference recommendation',
  'iro-escalation-stage': 'IRO escalation: answer at this stage',
  'conference-record': 'Conference decisions and record',
  'legal-planning-decision': 'Legal planning meeting decision',
  'pre-proceedings-meeting': 'Pre-proceedings meeting',
  'pre-proceedings-review': 'Pre-proceedings review',
  'pre-proceedings-end': 'Pre-proceedings ended (16 weeks)',
  'care-proceedings': 'Care proceedings concluded (26 weeks)',
  'early-help-assessment': 'Early help assessment',
  'early-help-review': 'Early help review',
  'fostering-assessment-stage-one': 'Fostering assessment: stage one',
  'fostering-assessment-stage-two': 'Fostering assessment: stage two to panel',
  'fostering-decision': 'Fostering decision after panel',
  'foster-carer-review': 'Foster carer annual review',
  'foster-carer-tsd': 'Foster carer TSD standards',
  'supervising-visit': 'Supervising social worker visit',
  'connected-person-temporary': 'Connected person: full assessment',
  's20-legal-review': 'Section 20 legal status review',
};

export function ruleById(id: string): TimescaleRule {
  const rule = BY_ID.get(id);
  if (rule === undefined) throw new Error(`Unknown timescale rule ${JSON.stringify(id)}`);
  return rule;
}

// ---------------------------------------------------------------------------
// Due dates

// Explicit zone required: a bare local time would depend on the server's TZ.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseTimestamp(s: string): number {
  const ms = TIMESTAMP.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`Invalid timestamp ${JSON.stringify(s)}: expected ISO 8601 with Z or an offset`);
  }
  return ms;
}

function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * When `due` falls for an event on `from`. Working days count the event date
 * as day 0 and always land on a working day; months clamp to month end.
 * Hours run from `fromTime` (required) and give the UTC date of the instant.
 * Throws for 'by-event': the caller takes the date from that event.
 */
export function dueDate(due: DueRule, from: IsoDate, fromTime?: string): { date: IsoDate; at?: string } {
  if (due.unit === 'by-event') {
    throw new Error(`A "${due.description}" due date comes from the event (${due.event}), not from counting`);
  }
  const n = due.n;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`A timescale must be a whole number of ${due.unit} ≥ 0; got ${n}`);
  }
  parseIsoDate(from);
  switch (due.unit) {
    case 'working-days':
      return { date: addWorkingDays(from, n) };
    case 'days':
      return { date: addDays(from, n) };
    case 'weeks':
      return { date: addWeeks(from, n) };
    case 'months':
      return { date: addCalendarMonths(from, n) };
    case 'hours': {
      if (fromTime === undefined) throw new Error('An hours timescale runs from the recorded time: pass fromTime');
      const at = formatTimestamp(parseTimestamp(fromTime) + n * 3_600_000);
      return { date: at.slice(0, 10), at };
    }
  }
}

// ---------------------------------------------------------------------------
// Council settings

/** A council's timescales, keyed by rule id. */
export type TimescaleSettings = Partial<Record<string, DueRule>>;

// Start dates that stress each unit: the days before Christmas, Easter and
// the May and August bank holidays, month ends (incl. 31st and leap day), and
// weekend and midweek days. Checked first so a refusal cites a familiar case.
const REFERENCE_STARTS: readonly IsoDate[] = [
  '2026-06-10', // Wednesday
  '2026-06-13', // Saturday
  '2026-06-14', // Sunday
  '2026-04-02', // Thursday before Good Friday
  '2026-05-01', // Friday before early May bank holiday
  '2026-08-28', // Friday before August bank holiday
  '2026-12-21', // Christmas week
  '2026-12-24',
  '2026-01-31', // month ends
  '2026-08-31',
  '2026-11-30',
  '2027-03-25', // Thursday before Good Friday 2027
  '2027-12-31',
  '2028-02-29',
];

// A handful of dates is not enough when the units differ (13 calendar days
// beats 10 working days from every date above except a Sunday), so a
// cross-unit setting is also checked from every day of a 60-year window:
// many Easter, leap-year and weekday alignments.
const SWEEP_FIRST = daysSinceEpoch('2000-01-01');
const SWEEP_LAST = daysSinceEpoch('2059-12-31');

function describeDue(due: DueRule): string {
  if (due.unit === 'by-event') return due.description;
  const unit = due.unit === 'working-days' ? 'working days' : due.unit === 'months' ? 'calendar months' : due.unit;
  return `${due.n} ${unit}`;
}

type SettingCheck = { ok: true } | { ok: false; reason: string };

/** The first start date from which `proposed` falls due after `standard`, or null. */
function firstLaterStart(standard: DueRule, proposed: DueRule): IsoDate | null {
  const later = (start: IsoDate): boolean => compareIsoDates(dueDate(proposed, start).date, dueDate(standard, start).date) > 0;
  for (const start of REFERENCE_STARTS) if (later(start)) return start;
  for (let d = SWEEP_FIRST; d <= SWEEP_LAST; d++) {
    const start = fromDaysSinceEpoch(d);
    if (later(start)) return start;
  }
  return null;
}

/**
 * May a council use `proposed` for this rule? Policy rules take any whole
 * interval; statute and guidance may only be made stricter: never due later
 * than the default, from any start date.
 */
export function checkSetting(rule: TimescaleRule, proposed: DueRule): SettingCheck {
  if (rule.due.unit === 'by-event') {
    return { ok: false, reason: `${rule.id} is due ${rule.due.description}; it has no interval to set` };
  }
  if (proposed.unit === 'by-event') {
    return { ok: false, reason: `${rule.id} needs an interval, not an event` };
  }
  if (!Number.isSafeInteger(proposed.n) || proposed.n < 0) {
    return { ok: false, reason: `${rule.id}: ${proposed.n} is not a whole number of ${proposed.unit} ≥ 0` };
  }
  // Hours need a recorded time; date-based rules have none.
  if ((proposed.unit === 'hours') !== (rule.due.unit === 'hours')) {
    return {
      ok: false,
      reason:
        rule.due.unit === 'hours'
          ? `${rule.id} runs from a recorded time, so it must be set in hours`
          : `${rule.id} counts from a date, so it cannot be set in hours`,
    };
  }
  if (rule.kind === 'policy') return { ok: true };
  const refuse = (detail: string): SettingCheck => ({
    ok: false,
    reason: `${rule.id} is ${rule.kind} (${rule.source}): a council may only make ${describeDue(rule.due)} stricter, but ${describeDue(proposed)} ${detail}`,
  });
  // Same unit: every unit is monotone in n, so comparing n is exact.
  if (proposed.unit === rule.due.unit) {
    return proposed.n <= rule.due.n ? { ok: true } : refuse('is longer');
  }
  let start: IsoDate | null;
  try {
    start = firstLaterStart(rule.due, proposed);
  } catch (e) {
    if (e instanceof RangeError) return refuse('runs past the end of the calendar');
    throw e;
  }
  if (start === null) return { ok: true };
  return refuse(`from ${start} falls due ${dueDate(proposed, start).date}, after ${dueDate(rule.due, start).date}`);
}

// checkSetting may sweep thousands of dates; effectiveDue sits on hot paths.
const settingChecks = new WeakMap<TimescaleRule, Map<string, boolean>>();

function settingAllowed(rule: TimescaleRule, proposed: DueRule): boolean {
  let byValue = settingChecks.get(rule);
  if (byValue === undefined) {
    byValue = new Map();
    settingChecks.set(rule, byValue);
  }
  const key = JSON.stringify(proposed);
  let ok = byValue.get(key);
  if (ok === undefined) {
    ok = checkSetting(rule, proposed).ok;
    byValue.set(key, ok);
  }
  return ok;
}

/**
 * The due rule in force: the council's setting where it passes checkSetting,
 * else the default. A refused setting never loosens the law; save settings
 * through checkSetting so the refusal is reported.
 */
export function effectiveDue(rule: TimescaleRule, settings?: TimescaleSettings): DueRule {
  const proposed = settings?.[rule.id];
  if (proposed === undefined) return rule.due;
  return settingAllowed(rule, proposed) ? proposed : rule.due;
}

// ---------------------------------------------------------------------------
// Intervals that change with the child's or the worker's circumstances

function assertNotBefore(later: IsoDate, earlier: IsoDate, what: string): void {
  if (compareIsoDates(later, earlier) < 0) throw new RangeError(`${what}: ${later} is before ${earlier}`);
}

/**
 * Reg. 7: every 6 months before the fifth birthday, every 12 from it, by age
 * at the previous assessment. A 29 February birthday is taken as 1 March in
 * other years (the later date, so the 6-month interval lasts longer).
 */
export function healthAssessmentReviewInterval(dateOfBirth: IsoDate, previousAssessment: IsoDate): DueRule {
  assertNotBefore(previousAssessment, dateOfBirth, 'Health assessment before birth');
  const leapDay = dateOfBirth.endsWith('-02-29');
  const fifthBirthday = addDays(addCalendarMonths(dateOfBirth, 60), leapDay ? 1 : 0);
  return compareIsoDates(previousAssessment, fifthBirthday) < 0 ? months(6) : months(12);
}

/** 2005 Regs, reg. 8: 6 weeks after a visit in the arrangement's first year, 12 weeks after one later. */
export function privateFosteringVisitInterval(arrangementStart: IsoDate, previousVisit: IsoDate): DueRule {
  assertNotBefore(previousVisit, arrangementStart, 'Private fostering visit before the arrangement');
  const secondYear = addCalendarMonths(arrangementStart, 12);
  return compareIsoDates(previousVisit, secondYear) < 0 ? weeks(6) : weeks(12);
}

/**
 * ASYE: weekly in the first 6 weeks, fortnightly to 6 months, then monthly,
 * by when the previous supervision was (null: none yet, so weekly from the
 * start date).
 */
export function asyeSupervisionInterval(startDate: IsoDate, previous: IsoDate | null): DueRule {
  if (previous === null) return weeks(1);
  assertNotBefore(previous, startDate, 'Supervision before the start date');
  if (compareIsoDates(previous, addWeeks(startDate, 6)) < 0) return weeks(1);
  if (compareIsoDates(previous, addCalendarMonths(startDate, 6)) < 0) return weeks(2);
  return months(1);
}

export type WithParentArrangement =
  | 'placed-with-parent' // reg. 19: placed with a parent before the assessment is complete
  | 'connected-person-temporary' // reg. 24: temporary approval
  | 'interim-care-order-with-parent'; // living with a parent under s.38

/** Reg. 28(3)–(4): weekly until the first review; then 6 weeks with a parent placed under reg. 19, else 4. */
export function claVisitWithParentInterval(arrangement: WithParentArrangement, firstReviewHeld: boolean): DueRule {
  if (!firstReviewHeld) return weeks(1);
  return arrangement === 'placed-with-parent' ? weeks(6) : weeks(4);
}

/**
 * Reg. 28(2): which visit rule applies next, and from which date. No visit
 * yet in this placement: cla-visit-first from the placement start. Then
 * cla-visit from each visit in the first year, and after it cla-visit-long-term
 * only if the placement is meant to last until 18.
 */
export function claVisitInterval(
  placementStart: IsoDate,
  previousVisit: IsoDate | null,
  intendedUntil18: boolean,
): { ruleId: 'cla-visit-first' | 'cla-visit' | 'cla-visit-long-term'; from: IsoDate; due: DueRule } {
  if (previousVisit === null || compareIsoDates(previousVisit, placementStart) < 0) {
    return { ruleId: 'cla-visit-first', from: placementStart, due: weeks(1) };
  }
  const firstYearOver = compareIsoDates(previousVisit, addCalendarMonths(placementStart, 12)) >= 0;
  if (firstYearOver && intendedUntil18) {
    return { ruleId: 'cla-visit-long-term', from: previousVisit, due: months(3) };
  }
  return { ruleId: 'cla-visit', from: previousVisit, due: weeks(6) };
}

/**
 * Personal adviser visits: within 7 days of a move to new accommodation
 * (a visit on the day of the move counts), otherwise 2 calendar months from
 * the last visit.
 */
export function paVisitInterval(lastMove: IsoDate | null, previousVisit: IsoDate | null): { from: IsoDate; due: DueRule } {
  if (lastMove !== null && (previousVisit === null || compareIsoDates(previousVisit, lastMove) < 0)) {
    return { from: lastMove, due: days(7) };
  }
  if (previousVisit === null) throw new RangeError('A personal adviser visit counts from a move or a previous visit; neither given');
  parseIsoDate(previousVisit);
  return { from: previousVisit, due: months(2) };
}

// ---------------------------------------------------------------------------
// States

export type ObligationState = 'due' | 'overdue' | 'met-on-time' | 'met-late';

/** Each state as a person reads it (with 'ended': the need went away before it was met). */
export const OBLIGATION_STATE_LABELS: Readonly<Record<string, string>> = {
  due: 'Due',
  overdue: 'Overdue',
  'met-on-time': 'Met on time',
  'met-late': 'Met late',
  ended: 'Ended',
};

/**
 * Met on or before the due date: met on time; after it: met late. Still open:
 * overdue once asOf is past the due date, else due (the due date itself is due).
 */
export function obligationState(dueDate: IsoDate, metOn: IsoDate | null, asOf: IsoDate): ObligationState {
  parseIsoDate(asOf);
  if (metOn !== null) return compareIsoDates(metOn, dueDate) <= 0 ? 'met-on-time' : 'met-late';
  return compareIsoDates(asOf, dueDate) > 0 ? 'overdue' : 'due';
}

/** Calendar days past the due date (0 if not yet past). */
export function daysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysSinceEpoch(asOf) - daysSinceEpoch(dueDate));
}

/** Working days past the due date, up to and including asOf (0 if none). */
export function workingDaysOverdue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, workingDaysBetween(dueDate, asOf));
}
