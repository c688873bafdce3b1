/** What a section 47 enquiry found, concern by concern, and whether to hold an initial conference. */
import { section47FindingsSave } from '@lantern/core/practice';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type FindingsView, practiceApi } from '../../api/practice.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems } from '../../components/forms.ts';
import { anchorsFor, Back, casework, useSending } from './common.tsx';
import { CONCERN_FIELDS, CONVENE_FIELDS, readValues, type Values, valuesFor } from './forms.ts';
import { FormFields } from '../../components/FormFields.tsx';

export function EnquiryFindingsPage() {
  const { childId = '', s47Id = '' } = useParams();
  const loaded = useLoad(() => practiceApi.findings(childId, s47Id), `${childId}/${s47Id}`);
  usePageTitle('What the enquiry found');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="enquiry" />;
  return <FindingsForm childId={childId} view={loaded.data} />;
}

function FindingsForm({ childId, view }: { childId: string; view: FindingsView }) {
  const navigate = useNavigate();
  const [items, setItems] = useState<{ key: string; values: Values }[]>(() =>
    (view.findings?.concerns.length ? view.findings.concerns : [{}]).map((c) => ({
      key: crypto.randomUUID(),
      values: valuesFor(CONCERN_FIELDS, c as Record<string, unknown>),
    })),
  );
  const concerns = items.map((x) => x.values);
  const [convene, setConvene] = useState<Values>(() => valuesFor(CONVENE_FIELDS, view.findings ?? {}));
  const { errors, busy, send } = useSending();
  const anchors = {
    ...anchorsFor([[CONVENE_FIELDS, ''], ...concerns.map((_, i) => [CONCERN_FIELDS, `concerns.${i}.`] as [typeof CONCERN_FIELDS, string])]),
    concerns: 'concerns.0.concern',
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = {
      ...readValues(CONVENE_FIELDS, convene, problems),
      concerns: concerns.map((c, i) => readValues(CONCERN_FIELDS, c, problems, { prefix: `concerns.${i}.` })),
      ...(view.findings ? { version: view.findings.version } : {}),
    };
    if (!problems.length) checkWith(section47FindingsSave, body, problems, {});
    await send(
      problems,
      anchors,
      () => practiceApi.saveFindings(childId, view.s47Id, body as never),
      () => navigate(casework(childId), { state: { notice: 'The enquiry’s findings are saved' } }),
    );
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Back to={casework(childId)}>Back to the casework</Back>
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">Section 47 enquiry started {formatDate(view.startDate)}</span>
        <h1 className="govuk-heading-l">What the enquiry found</h1>
        {view.versions.length > 1 ? <p className="govuk-body">This is version {view.findings?.version} of the findings.</p> : null}
        <form onSubmit={onSubmit} noValidate>
          {items.map(({ key, values: c }, i) => (
            <fieldset className="govuk-fieldset lantern-record" key={key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Concern {i + 1}</legend>
              <FormFields
                fields={CONCERN_FIELDS}
                values={c}
                prefix={`concerns.${i}.`}
                errors={errors.fields}
                onChange={(n, v) => setItems((all) => all.map((x) => (x.key === key ? { ...x, values: { ...x.values, [n]: v } } : x)))}
              />
              {concerns.length > 1 ? (
                <Button type="button" secondary onClick={() => setItems((all) => all.filter((x) => x.key !== key))}>
                  Remove concern {i + 1}
                </Button>
              ) : null}
            </fieldset>
          ))}
          <Button type="button" secondary onClick={() => setItems((all) => [...all, { key: crypto.randomUUID(), values: valuesFor(CONCERN_FIELDS) }])}>
            Add another concern
          </Button>
          <FormFields fields={CONVENE_FIELDS} values={convene} errors={errors.fields} onChange={(n, v) => setConvene((x) => ({ ...x, [n]: v }))} />
          <Button busy={busy}>Save the findings</Button>
        </form>
      </div>
    </div>
  );
}
