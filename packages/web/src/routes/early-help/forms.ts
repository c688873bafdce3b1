/**
 * The early help forms as data (the model of care/forms.ts): each form's fields, what it sends
 * where, and the core schema it is checked against before sending.
 */
import { EARLY_HELP_END, earlyHelpAssessment, earlyHelpEnding, earlyHelpReview, earlyHelpTeam, LEAD_KIND, stepDown } from '@lantern/core/early-help';
import { CLOSURE_REASON } from '@lantern/core/pathway';
import type { z } from 'zod';
import type { EarlyHelpEpisode, EarlyHelpView } from '../../api/early-help.ts';
import type { ActionOwners } from '../../api/practice.ts';
import { formatDate, labelOf } from '../../format.ts';
import { type FieldSpec, optionsOf as options } from '../../components/form-model.ts';

type Ctx = { view: EarlyHelpView; owners: ActionOwners | null };

export type EarlyHelpFormSpec = {
  title: string;
  submit: string;
  notice: string;
  fields: (ctx: Ctx) => FieldSpec[];
  schema: z.ZodType;
  method: 'POST' | 'PUT';
  /** The path under /api/children/:childId, for the open episode. */
  path: (open: EarlyHelpEpisode | null) => string;
  /** Values already recorded, with the version the change is made from. */
  initial?: (open: EarlyHelpEpisode | null, view: EarlyHelpView) => Record<string, string>;
  versioned?: boolean;
  /** Turns the form's values into the body (lists typed one a line). */
  toBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** The form needs the people who may lead (workers and partner agency contacts). */
  needsOwners?: boolean;
  needsOpen: boolean;
};

const episodePath = (open: EarlyHelpEpisode | null, tail: string) => `early-help/${open?.earlyHelpId ?? ''}/${tail}`;

/** "Name, what they do, agency" one a line, as the team around the family. */
export function parseTeam(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', role = '', ...agency] = line.split(',').map((p) => p.trim());
      return { name, role, agency: agency.join(', ') || null };
    });
}

export const EARLY_HELP_FORMS: Record<string, EarlyHelpFormSpec> = {
  'step-down': {
    title: 'Step down to early help',
    submit: 'Step down to early help',
    notice: 'Stepped down to early help. Name the lead professional next.',
    needsOpen: false,
    method: 'POST',
    path: () => 'early-help/step-down',
    schema: stepDown,
    fields: ({ view }) => [
      {
        name: 'cinEpisodeId',
        label: 'The closed child in need episode',
        kind: 'radios',
        required: true,
        options: view.stepDownFrom.map((e) => ({
          value: e.episodeId,
          label: `Referred ${formatDate(e.referralDate)}, closed ${formatDate(e.closureDate)}: ${labelOf(CLOSURE_REASON, e.closureReason)}`,
        })),
      },
      { name: 'startedOn', label: 'Date early help began', kind: 'date', required: true },
      { name: 'reasons', label: 'Why early help, and what the family agreed to', kind: 'textarea', required: true },
    ],
  },
  team: {
    title: 'Lead professional and team around the family',
    submit: 'Save',
    notice: 'Lead professional and team around the family saved.',
    needsOpen: true,
    needsOwners: true,
    versioned: true,
    method: 'PUT',
    path: (open) => episodePath(open, 'team'),
    schema: earlyHelpTeam,
    initial: (open) => ({
      leadKind: open?.leadKind ?? '',
      leadWorkerId: open?.leadWorkerId ?? '',
      leadContactId: open?.leadContactId ?? '',
      teamAroundFamily: (open?.teamAroundFamily ?? []).map((m) => [m.name, m.role, m.agency].filter(Boolean).join(', ')).join('\n'),
    }),
    fields: ({ owners }) => [
      { name: 'leadKind', label: 'Who is the lead professional?', kind: 'radios', required: true, options: options(LEAD_KIND) },
      {
        name: 'leadWorkerId',
        label: 'The worker (if a worker of the council)',
        kind: 'select',
        options: (owners?.workers ?? []).map((w) => ({ value: w.workerId, label: w.name })),
      },
      {
        name: 'leadContactId',
        label: 'The person at a partner agency (if someone at a partner agency)',
        kind: 'select',
        options: (owners?.contacts ?? []).map((c) => ({ value: c.contactId, label: c.name })),
      },
      {
        name: 'teamAroundFamily',
        label: 'The team around the family',
        kind: 'textarea',
        hint: 'One person a line: their name, what they do for the family, and their agency. For example: Mrs Okoro, designated safeguarding lead, Westside Primary',
      },
    ],
    toBody: (body) => ({
      ...body,
      leadWorkerId: body.leadKind === 'worker' ? body.leadWorkerId : undefined,
      leadContactId: body.leadKind === 'partner' ? body.leadContactId : undefined,
      teamAroundFamily: parseTeam(typeof body.teamAroundFamily === 'string' ? body.teamAroundFamily : ''),
    }),
  },
  assessment: {
    title: 'Early help assessment',
    submit: 'Save the assessment',
    notice: 'Early help assessment saved.',
    needsOpen: true,
    versioned: true,
    method: 'PUT',
    path: (open) => episodePath(open, 'assessment'),
    schema: earlyHelpAssessment,
    initial: (open) => ({
      completedOn: open?.assessment?.completedOn ?? '',
      strengths: open?.assessment?.strengths ?? '',
      needs: open?.assessment?.needs ?? '',
      familyViews: open?.assessment?.familyViews ?? '',
    }),
    fields: () => [
      { name: 'completedOn', label: 'Date the assessment was completed', kind: 'date', required: true },
      { name: 'strengths', label: 'What is going well for the family', kind: 'textarea', required: true },
      { name: 'needs', label: 'What the family needs help with', kind: 'textarea', required: true },
      { name: 'familyViews', label: 'What the child and the family think', kind: 'textarea', required: true, hint: 'In their own words where you can' },
    ],
  },
  review: {
    title: 'Record an early help review',
    submit: 'Save the review',
    notice: 'Early help review saved.',
    needsOpen: true,
    method: 'POST',
    path: (open) => episodePath(open, 'reviews'),
    schema: earlyHelpReview,
    fields: () => [
      { name: 'heldOn', label: 'Date of the review', kind: 'date', required: true },
      { name: 'attended', label: 'Who came', kind: 'text', required: true },
      { name: 'progress', label: 'What has changed since the plan or the last review', kind: 'textarea', required: true },
      { name: 'familyViews', label: 'What the child and the family think', kind: 'textarea' },
      { name: 'nextReviewOn', label: 'Date of the next review', kind: 'date' },
    ],
  },
  end: {
    title: 'End early help',
    submit: 'End early help',
    notice: 'Early help ended.',
    needsOpen: true,
    versioned: true,
    method: 'POST',
    path: (open) => episodePath(open, 'end'),
    schema: earlyHelpEnding,
    fields: () => [
      { name: 'endedOn', label: 'Date early help ended', kind: 'date', required: true },
      {
        name: 'outcome',
        label: 'Why is early help ending?',
        kind: 'radios',
        required: true,
        hint: 'If the child needs children’s social care, record a contact or referral instead: that ends early help as a step-up.',
        options: [
          { value: 'needs-met', label: EARLY_HELP_END['needs-met'] },
          { value: 'disengaged', label: EARLY_HELP_END.disengaged },
        ],
      },
      { name: 'reasons', label: 'What has changed, or why the family stopped', kind: 'textarea', required: true },
    ],
  },
};
