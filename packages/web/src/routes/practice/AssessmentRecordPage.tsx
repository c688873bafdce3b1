/**
 * The child and family assessment, written here: the worker writes and saves it (every save a
 * version) and sends it with their safety scale; the manager returns it with reasons or
 * authorises it with their own scale.
 */
import { type AssessmentSection, ASSESSMENT_RECORD_STATUS, ASSESSMENT_SECTIONS, assessmentRecordSave } from '@lantern/core/practice';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { type AssessmentRecordView, practiceApi } from '../../api/practice.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { checkWith, type Problems } from '../../components/forms.ts';
import { anchorsFor, Back, casework, Row, useSending } from './common.tsx';
import { ASSESSMENT_FIELDS, AUTHORISE_FIELDS, readValues, RETURN_FIELDS, SUBMIT_FIELDS, type Values, valuesFor } from './forms.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { ParagraphLink } from '../../components/ParagraphLink.tsx';

export function AssessmentRecordPage() {
  const { childId = '', assessmentId = '' } = useParams();
  const loaded = useLoad(() => practiceApi.assessment(childId, assessmentId), `${childId}/${assessmentId}`);
  const [notice, setNotice] = useState<string | null>(null);
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="assessment" />;
  return (
    <AssessmentRecord
      key={`${loaded.data.version ?? 0}:${loaded.data.status}`}
      view={loaded.data}
      reload={loaded.reload}
      notice={notice}
      setNotice={setNotice}
    />
  );
}

const sectionValues = (view: AssessmentRecordView) => ({ ...view.sections, factors: view.factors.map((f) => f.code) });

function AssessmentRecord({
  view,
  reload,
  notice,
  setNotice,
}: {
  view: AssessmentRecordView;
  reload: () => void;
  notice: string | null;
  setNotice: (notice: string) => void;
}) {
  const { can } = useSession();
  const editable = view.status === 'draft' || view.status === 'returned';
  const forManager = view.status === 'submitted' && can('casework:authorise') && !view.submittedByMe;
  usePageTitle(`Child and family assessment – ${view.childName}`);
  return (
    <>
      <Back to={casework(view.childId)}>Back to the casework</Back>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{view.childName}</span>
      <h1 className="govuk-heading-l">Child and family assessment</h1>
      <dl className="govuk-summary-list">
        <Row label="Started">{formatDate(view.startDate)}</Row>
        <Row label="Where it is">
          <strong className="govuk-tag govuk-tag--blue" data-testid="assessment-status">
            {ASSESSMENT_RECORD_STATUS[view.status]}
          </strong>
        </Row>
        {view.workerScale !== null ? <Row label="Worker’s safety scale">{`${view.workerScale} out of 10`}</Row> : null}
        {view.managerScale !== null ? (
          <Row label="Manager’s safety scale">{`${view.managerScale} out of 10${view.manager ? ` (${view.manager})` : ''}`}</Row>
        ) : null}
        {view.managerView ? <Row label="Manager’s view">{view.managerView}</Row> : null}
        {view.timesReturned > 0 ? <Row label="Returned by the manager">{view.timesReturned === 1 ? 'Once' : `${view.timesReturned} times`}</Row> : null}
      </dl>
      {view.status === 'returned' ? (
        <div className="govuk-inset-text" data-testid="returned-reasons">
          <h2 className="govuk-heading-s">
            Returned by {view.returnedBy ?? 'your manager'} on {formatDate(view.returnedOn)}
          </h2>
          <p className="govuk-body lantern-pre-line">{view.returnReasons}</p>
        </div>
      ) : null}
      <ParagraphLink to="versions">Every version of this assessment</ParagraphLink>
      {editable && can('casework:record') ? <WriteForm view={view} reload={reload} onSaved={setNotice} /> : <ReadOnly view={view} />}
      {forManager ? <ManagerForms view={view} reload={reload} onDone={setNotice} /> : null}
    </>
  );
}

function ReadOnly({ view }: { view: AssessmentRecordView }) {
  return (
    <>
      {(Object.keys(ASSESSMENT_SECTIONS) as AssessmentSection[]).map((s) => (
        <section key={s} className="lantern-section">
          <h2 className="govuk-heading-m">{ASSESSMENT_SECTIONS[s]}</h2>
          <p className="govuk-body lantern-pre-line">{view.sections[s] || 'Not written.'}</p>
        </section>
      ))}
      <h2 className="govuk-heading-m">What the assessment found</h2>
      <ul className="govuk-list govuk-list--bullet">
        {view.factors.map((f) => (
          <li key={f.code}>{f.label}</li>
        ))}
      </ul>
    </>
  );
}

function WriteForm({ view, reload, onSaved }: { view: AssessmentRecordView; reload: () => void; onSaved: (notice: string) => void }) {
  const [values, setValues] = useState<Values>(() => valuesFor(ASSESSMENT_FIELDS, sectionValues(view)));
  const [submitValues, setSubmitValues] = useState<Values>(() => valuesFor(SUBMIT_FIELDS, { completedOn: todayInEngland(), outcome: view.outcome }));
  const saving = useSending();
  const sending = useSending();
  const anchors = anchorsFor([[ASSESSMENT_FIELDS, '']]);
  const submitAnchors = { ...anchors, ...anchorsFor([[SUBMIT_FIELDS, '']]) };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body: Record<string, unknown> = { ...readValues(ASSESSMENT_FIELDS, values, problems), ...(view.version ? { version: view.version } : {}) };
    for (const s of Object.keys(ASSESSMENT_SECTIONS)) body[s] = (values[s] as string).trim();
    checkWith(assessmentRecordSave, body, problems, {});
    await saving.send(
      problems,
      anchors,
      () => practiceApi.saveAssessment(view.childId, view.assessmentId, body as never),
      () => {
        onSaved('Assessment saved');
        reload();
      },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = readValues(SUBMIT_FIELDS, submitValues, problems);
    await sending.send(
      problems,
      submitAnchors,
      () => practiceApi.submitAssessment(view.childId, view.assessmentId, { ...body, version: view.version ?? 0 } as never),
      () => {
        onSaved('Assessment sent to your manager');
        reload();
      },
    );
  };

  return (
    <>
      <ErrorSummary items={[...saving.errors.summary, ...sending.errors.summary]} />
      <form onSubmit={save} noValidate>
        <FormFields
          fields={ASSESSMENT_FIELDS}
          values={values}
          errors={{ ...saving.errors.fields, ...sending.errors.fields }}
          onChange={(n, v) => setValues((x) => ({ ...x, [n]: v }))}
        />
        <Button busy={saving.busy} secondary>
          Save the assessment
        </Button>
      </form>
      {view.written ? (
        <form onSubmit={submit} noValidate className="lantern-section">
          <h2 className="govuk-heading-m">Send it to your manager</h2>
          <p className="govuk-body">Save your changes first. Your manager will read it, give their own safety scale, and authorise it or return it to you.</p>
          <FormFields
            fields={SUBMIT_FIELDS}
            values={submitValues}
            errors={sending.errors.fields}
            onChange={(n, v) => setSubmitValues((x) => ({ ...x, [n]: v }))}
          />
          <Button busy={sending.busy}>Send to your manager</Button>
        </form>
      ) : null}
    </>
  );
}

function ManagerForms({ view, reload, onDone }: { view: AssessmentRecordView; reload: () => void; onDone: (notice: string) => void }) {
  const [authorise, setAuthorise] = useState<Values>(() => valuesFor(AUTHORISE_FIELDS, { authorisedOn: todayInEngland() }));
  const [back, setBack] = useState<Values>(() => valuesFor(RETURN_FIELDS, { returnedOn: todayInEngland() }));
  const authorising = useSending();
  const returning = useSending();
  const version = view.version ?? 0;

  const onAuthorise = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = readValues(AUTHORISE_FIELDS, authorise, problems);
    await authorising.send(
      problems,
      anchorsFor([[AUTHORISE_FIELDS, '']]),
      () => practiceApi.authoriseAssessment(view.childId, view.assessmentId, { ...body, version } as never),
      () => {
        onDone('Assessment authorised');
        reload();
      },
    );
  };
  const onReturn = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = readValues(RETURN_FIELDS, back, problems);
    await returning.send(
      problems,
      anchorsFor([[RETURN_FIELDS, '']]),
      () => practiceApi.returnAssessment(view.childId, view.assessmentId, { ...body, version } as never),
      () => {
        onDone('Assessment returned to the worker');
        reload();
      },
    );
  };

  return (
    <>
      <form onSubmit={onAuthorise} noValidate className="lantern-section">
        <h2 className="govuk-heading-m">Authorise the assessment</h2>
        <p className="govuk-body">
          The worker’s safety scale is {view.workerScale} out of 10. Give your own: the two are shown side by side on the child’s risk assessments.
        </p>
        <ErrorSummary items={authorising.errors.summary} />
        <FormFields
          fields={AUTHORISE_FIELDS}
          values={authorise}
          errors={authorising.errors.fields}
          onChange={(n, v) => setAuthorise((x) => ({ ...x, [n]: v }))}
        />
        <Button busy={authorising.busy}>Authorise</Button>
      </form>
      <form onSubmit={onReturn} noValidate className="lantern-section">
        <h2 className="govuk-heading-m">Or return it to the worker</h2>
        <ErrorSummary items={returning.errors.summary} />
        <FormFields fields={RETURN_FIELDS} values={back} errors={returning.errors.fields} onChange={(n, v) => setBack((x) => ({ ...x, [n]: v }))} />
        <Button busy={returning.busy} secondary>
          Return to the worker
        </Button>
      </form>
    </>
  );
}
