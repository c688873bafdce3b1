/**
 * The forms of conferences and reviews as data (as the looked-after care pages' forms): fields,
 * where each sends, and core's schema it is checked against before sending. Codes are chosen by
 * what they mean; the words shown are core's labels.
 */
import { PARTICIPATION } from '@lantern/core/looked-after';
import {
  CONFERENCE_VIEWS,
  ESCALATION_OUTCOME,
  ESCALATION_STAGE,
  escalationAnswer,
  meetingRecord,
  newEscalation,
  newRecommendation,
  PARTICIPATION_PLAIN,
  recommendationChanges,
} from '@lantern/core/meetings';
import type { z } from 'zod';
import { type FieldSpec, optionsOf as options } from '../../components/form-model.ts';
import type { Meeting, MeetingsView } from '../../api/meetings.ts';

export type FormSpec = {
  title: (view: MeetingsView, params: URLSearchParams) => string;
  submit: string;
  notice: string;
  fields: (view: MeetingsView, params: URLSearchParams) => FieldSpec[];
  schema: z.ZodType;
  method: 'POST' | 'PUT' | 'PATCH';
  /** The path under /api/children/:childId. */
  path: (params: URLSearchParams) => string;
  initial?: (view: MeetingsView, params: URLSearchParams) => { values: Record<string, unknown>; version?: number } | null;
  whyNot?: (view: MeetingsView, params: URLSearchParams) => string | null;
};

const workers = (view: MeetingsView) => view.workers.map((w) => ({ value: w.workerId, label: w.name }));

export const meetingOf = (view: MeetingsView, params: URLSearchParams): Meeting | null =>
  view.meetings.find((m) => m.meetingId === params.get('meeting')) ?? null;
const recommendationOf = (view: MeetingsView, params: URLSearchParams) =>
  view.meetings.flatMap((m) => m.recommendations).find((r) => r.recommendationId === params.get('id')) ?? null;
const escalationOf = (view: MeetingsView, params: URLSearchParams) => view.escalations.find((e) => e.escalationId === params.get('id')) ?? null;
const recordOnly = (view: MeetingsView) => (view.canRecord ? null : 'Only those holding this child’s case, or their IRO, may record this.');

export const FORMS: Record<string, FormSpec> = {
  record: {
    title: (v, p) => `Record of the ${(meetingOf(v, p)?.title ?? 'meeting').toLowerCase()}`,
    submit: 'Save the record',
    notice: 'Record of the meeting saved',
    method: 'PUT',
    path: (p) => `meetings/${p.get('kind')}/${p.get('meeting')}/record`,
    schema: meetingRecord,
    whyNot: (v, p) => (meetingOf(v, p) ? recordOnly(v) : 'There is no such meeting.'),
    initial: (v, p) => {
      const m = meetingOf(v, p);
      if (!m) return null;
      const r = m.record;
      if (!r)
        return {
          values: {
            attendees: [{ role: 'child', invited: true, attended: false }],
            participation: m.participation ?? '',
            childWords: m.childWords ?? '',
          },
        };
      return {
        values: {
          attendees: r.attendees,
          viewsHeard: r.viewsHeard ?? '',
          participation: m.participation ?? '',
          childWords: r.childWords ?? '',
          decisions: r.decisions ?? '',
          decisionsSentOn: r.decisionsSentOn ?? '',
          recordWrittenOn: r.recordWrittenOn ?? '',
        },
        version: r.version,
      };
    },
    fields: (v, p) => [
      { name: 'attendees', label: 'Who was invited, and who came', kind: 'custom' },
      meetingOf(v, p)?.kind === 'review'
        ? {
            name: 'participation',
            label: 'How did the child take part in the review?',
            kind: 'radios',
            options: Object.keys(PARTICIPATION).map((code) => ({ value: code, label: PARTICIPATION_PLAIN[code as keyof typeof PARTICIPATION] })),
            required: true,
            hint: 'This is what the council reports to the Department for Education for the review.',
          }
        : { name: 'viewsHeard', label: 'How were the child’s views heard?', kind: 'radios', options: options(CONFERENCE_VIEWS), required: true },
      { name: 'childWords', label: 'The child’s own words (optional)', kind: 'textarea', hint: 'What the child said or showed, as they put it' },
      { name: 'decisions', label: 'The decisions', kind: 'textarea', required: true, hint: 'One decision to a line' },
      { name: 'decisionsSentOn', label: 'When were the decisions sent to those who need them? (optional)', kind: 'date' },
      { name: 'recordWrittenOn', label: 'When was the full record written? (optional)', kind: 'date' },
    ],
  },
  recommendation: {
    title: (v, p) => `Add a recommendation of the ${(meetingOf(v, p)?.title ?? 'meeting').toLowerCase()}`,
    submit: 'Add the recommendation',
    notice: 'Recommendation added',
    method: 'POST',
    path: (p) => `meetings/${p.get('kind')}/${p.get('meeting')}/recommendations`,
    schema: newRecommendation,
    whyNot: (v, p) => (meetingOf(v, p) ? recordOnly(v) : 'There is no such meeting.'),
    fields: (v) => [
      { name: 'recommendation', label: 'What must be done', kind: 'textarea', required: true },
      { name: 'ownerWorkerId', label: 'Who will do it', kind: 'select', options: workers(v), required: true },
      { name: 'dueOn', label: 'By when (optional)', kind: 'date', hint: 'If you leave this blank, it is due 20 working days after the meeting.' },
    ],
  },
  'recommendation-done': {
    title: () => 'Mark the recommendation done',
    submit: 'Save',
    notice: 'Recommendation marked done',
    method: 'PATCH',
    path: (p) => `recommendations/${p.get('id')}`,
    schema: recommendationChanges,
    whyNot: (v, p) => {
      const r = recommendationOf(v, p);
      return !r ? 'There is no such recommendation.' : r.doneOn ? 'This recommendation is already done.' : recordOnly(v);
    },
    initial: (v, p) => {
      const r = recommendationOf(v, p);
      return r ? { values: {}, version: r.version } : null;
    },
    fields: () => [
      { name: 'doneOn', label: 'When was it done?', kind: 'date', required: true },
      { name: 'doneNote', label: 'What was done', kind: 'textarea', required: true },
    ],
  },
  escalation: {
    title: () => 'Raise a concern (dispute resolution)',
    submit: 'Raise the concern',
    notice: 'Concern raised with the team manager',
    method: 'POST',
    path: () => 'iro-escalations',
    schema: newEscalation,
    whyNot: (v) => (v.canRaiseEscalation ? null : 'Only the child’s independent reviewing officer raises a concern this way.'),
    fields: (v) => [
      { name: 'raisedOn', label: 'Date raised', kind: 'date', required: true },
      {
        name: 'concern',
        label: 'What is the concern?',
        kind: 'textarea',
        required: true,
        hint: 'What is wrong with the child’s plan or care, and what you want done',
      },
      {
        name: 'ownerWorkerId',
        label: 'Team manager to answer (optional)',
        kind: 'select',
        options: v.workers.filter((w) => w.jobRole === 'team-manager').map((w) => ({ value: w.workerId, label: w.name })),
        hint: 'If you leave this blank, the manager of the team holding the case.',
      },
    ],
  },
  'escalation-answer': {
    title: (v, p) => {
      const e = escalationOf(v, p);
      return `Answer the concern at the ${(ESCALATION_STAGE[e?.stage as keyof typeof ESCALATION_STAGE] ?? 'current').toLowerCase()} stage`;
    },
    submit: 'Save the answer',
    notice: 'Answer recorded',
    method: 'POST',
    path: (p) => `iro-escalations/${p.get('id')}/answer`,
    schema: escalationAnswer,
    whyNot: (v, p) => {
      const e = escalationOf(v, p);
      return !e ? 'There is no such concern.' : e.resolvedOn ? 'This concern is resolved.' : null;
    },
    initial: (v, p) => {
      const e = escalationOf(v, p);
      const open = e?.stages.find((s) => !s.answeredOn);
      return open ? { values: {}, version: open.version } : null;
    },
    fields: (v) => [
      { name: 'answeredOn', label: 'Date', kind: 'date', required: true },
      { name: 'outcome', label: 'Outcome', kind: 'radios', options: options(ESCALATION_OUTCOME), required: true },
      { name: 'note', label: 'What was done or decided, and why', kind: 'textarea', required: true },
      {
        name: 'nextOwnerWorkerId',
        label: 'Who answers at the next stage (if not resolved)',
        kind: 'select',
        options: v.workers
          .filter((w) => ['service-manager', 'head-of-service', 'director'].includes(w.jobRole))
          .map((w) => ({ value: w.workerId, label: w.name })),
        hint: 'If you leave this blank, the council’s service manager, head of service or director, as the next stage needs.',
      },
    ],
  },
};
