import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { improvementApi } from '../../api/performance.ts';
import type { FieldAnchors } from '../../components/errors.ts';
import { Button, Select, Textarea, TextInput } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, optionsOf, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { comesBefore, type Problems, useSend } from '../../components/forms.ts';
import { ProblemPage } from '../../components/Notices.tsx';
import { useSession } from '../../session.tsx';
import { PlanForm } from './PlanForm.tsx';
import { KIND } from './ImprovementPage.tsx';

/** From 1 April 2026 Ofsted gives no single overall grade (as the server's NO_OVERALL_GRADE_FROM). */
const NO_OVERALL_GRADE_FROM = '2026-04-01';
const OVERALL = 'overall-effectiveness';

/** The areas Ofsted judges children's services on; each is recorded with its own judgement. */
const AREAS: Record<string, string> = {
  leadership: 'The impact of leaders on social work practice with children and families',
  'help-and-protection': 'The experiences and progress of children who need help and protection',
  'children-in-care': 'The experiences and progress of children in care',
  'care-leavers': 'The experiences and progress of care leavers',
  [OVERALL]: 'Overall effectiveness (inspections that started before April 2026 only)',
};

type Judgement = { area: string; grade: string };

/** What the inspection was and found; its judgements and recommendations are rows below. */
const FIELDS: FieldSpec[] = [
  {
    name: 'kind',
    label: 'Kind of inspection or visit',
    legendClass: 'govuk-fieldset__legend--m',
    kind: 'radios',
    options: optionsOf(KIND),
    required: true,
    missing: 'Select the kind of inspection or visit',
  },
  {
    name: 'framework',
    label: 'Framework',
    labelClass: 'govuk-label--s',
    hint: 'For example, ILACS 2023, or the framework in force from April 2026',
    kind: 'text',
    required: true,
    missing: 'Enter the framework it was carried out under',
  },
  {
    name: 'startedOn',
    label: 'Date it started',
    hint: 'For example, 9 3 2026',
    kind: 'date',
    required: true,
    future: true,
    what: 'the date it started',
    dateLabel: 'The date it started',
  },
  { name: 'publishedOn', label: 'Date the report was published (if it has been)', kind: 'date', future: true, dateLabel: 'The date the report was published' },
  { name: 'findings', label: 'Findings', labelClass: 'govuk-label--s', kind: 'textarea', rows: 6, required: true, missing: 'Enter what the inspectors found' },
];

/** Record an inspection or monitoring visit: each judgement on its own, the findings, each recommendation. */
export function InspectionPage() {
  const navigate = useNavigate();
  const { can } = useSession();
  const { values, set } = useFormValues(FIELDS);
  const [judgements, setJudgements] = useState<Judgement[]>([{ area: '', grade: '' }]);
  const [recommendations, setRecommendations] = useState<string[]>(['']);

  // Each row's fields are anchors of their own, so the summary names the very box.
  const anchors: FieldAnchors = anchorsFor([[FIELDS, '']]);
  judgements.forEach((_, i) => {
    anchors[`judgements.${i}.area`] = `judgement-${i}-area`;
    anchors[`judgements.${i}.grade`] = `judgement-${i}-grade`;
  });
  recommendations.forEach((_, i) => {
    anchors[`recommendations.${i}.text`] = `recommendation-${i}`;
  });
  anchors.judgements = 'judgement-0-area';
  anchors.recommendations = 'recommendation-0';
  const { errors, busy, send } = useSend(anchors);

  if (!can('improvement:manage'))
    return <ProblemPage problem={{ title: 'You cannot do this', status: 403, detail: 'Only the director or head of service records inspections.' }} />;

  const setJudgement = (i: number, change: Partial<Judgement>) => setJudgements(judgements.map((j, k) => (k === i ? { ...j, ...change } : j)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = readValues(FIELDS, values, problems);
    const started = read.startedOn as string | undefined;
    const published = read.publishedOn as string | undefined;
    if (published && started)
      comesBefore(problems, 'publishedOn', published, 'The date the report was published', { date: started, what: 'the date it started' });
    const seen = new Set<string>();
    judgements.forEach((j, i) => {
      if (!j.area && !j.grade.trim()) return; // a blank row is left out
      if (!j.area) problems.push([`judgements.${i}.area`, `Select the area of judgement ${i + 1}`]);
      if (!j.grade.trim()) problems.push([`judgements.${i}.grade`, `Enter the judgement for ${AREAS[j.area] ?? `judgement ${i + 1}`}`]);
      if (j.area && seen.has(j.area)) problems.push([`judgements.${i}.area`, `${AREAS[j.area]} is judged once`]);
      if (j.area === OVERALL && started && started >= NO_OVERALL_GRADE_FROM)
        problems.push([`judgements.${i}.area`, 'From April 2026 there is no single overall grade: record each area’s judgement on its own']);
      seen.add(j.area);
    });
    // Recommendations are numbered as the report numbers them: in the order entered, blanks left out.
    const texts = recommendations.map((t) => t.trim()).filter(Boolean);
    await send(
      problems,
      () =>
        improvementApi.recordInspection({
          kind: read.kind as string,
          framework: read.framework as string,
          startedOn: started as string,
          publishedOn: published ?? null,
          findings: read.findings as string,
          judgements: judgements.filter((j) => j.area).map((j) => ({ area: j.area, grade: j.grade.trim() })),
          recommendations: texts.map((text, i) => ({ number: i + 1, text })),
        }),
      () => navigate('/improvement', { state: { notice: 'Inspection recorded' } }),
    );
  };

  return (
    <PlanForm
      title="Record an inspection or visit"
      pageTitle="Record an inspection or visit"
      errors={errors}
      busy={busy}
      submit="Save the inspection"
      onSubmit={submit}
    >
      <FormFields fields={FIELDS} values={values} errors={errors.fields} onChange={set} />

      <fieldset className="govuk-fieldset" aria-describedby="judgements-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Judgements</legend>
        <div id="judgements-hint" className="govuk-hint">
          Each area’s judgement on its own. From April 2026 Ofsted gives no single overall grade. A monitoring visit has none: leave them blank.
        </div>
        {judgements.map((j, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end, so the position is the row
          <div key={i}>
            <h2 className="govuk-heading-s">Judgement {i + 1}</h2>
            <Select
              name={`judgement-${i}-area`}
              label={
                <>
                  Area<span className="govuk-visually-hidden"> of judgement {i + 1}</span>
                </>
              }
              value={j.area}
              onChange={(area) => setJudgement(i, { area })}
              placeholder="Select an area"
              options={optionsOf(AREAS)}
              error={errors.fields[`judgements.${i}.area`]}
            />
            <TextInput
              name={`judgement-${i}-grade`}
              label={
                <>
                  Judgement<span className="govuk-visually-hidden"> {i + 1}</span>
                </>
              }
              hint="As the report words it, for example Requires improvement to be good"
              value={j.grade}
              onChange={(grade) => setJudgement(i, { grade })}
              error={errors.fields[`judgements.${i}.grade`]}
            />
          </div>
        ))}
        {judgements.length < Object.keys(AREAS).length ? (
          <Button type="button" secondary onClick={() => setJudgements([...judgements, { area: '', grade: '' }])}>
            Add another judgement
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="govuk-fieldset" aria-describedby="recommendations-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Recommendations</legend>
        <div id="recommendations-hint" className="govuk-hint">
          One a box, in the report’s order: each becomes a recommendation on the improvement plan, to be broken into actions with owners.
        </div>
        {recommendations.map((text, i) => (
          <Textarea
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end, so the position is the row
            key={i}
            name={`recommendation-${i}`}
            label={`Recommendation ${i + 1}`}
            labelClass="govuk-label--s"
            rows={3}
            value={text}
            onChange={(t) => setRecommendations(recommendations.map((r, k) => (k === i ? t : r)))}
            error={errors.fields[`recommendations.${i}.text`]}
          />
        ))}
        <Button type="button" secondary onClick={() => setRecommendations([...recommendations, ''])}>
          Add another recommendation
        </Button>
      </fieldset>
    </PlanForm>
  );
}
