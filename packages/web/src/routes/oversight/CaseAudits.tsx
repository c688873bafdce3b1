import { AUDIT_ANSWER, AUDIT_GRADE } from '@lantern/core/workforce';
import { type FormEvent, useState } from 'react';
import { anchorsFor, type FieldSpec, optionsOf, readValues, type Value, type Values, valuesFor } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { RecordForm } from './RecordForm.tsx';
import { api } from '../../api/client.ts';
import { type AuditAction, type CaseAudit, caseAuditApi, type NewCaseAudit } from '../../api/oversight.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, type Option } from '../../components/fields.tsx';
import { Loading, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { Details } from '../../components/Details.tsx';

const GRADES = optionsOf(AUDIT_GRADE);
const ANSWERS = optionsOf(AUDIT_ANSWER);
const gradeLabel = (g: string) => AUDIT_GRADE[g as keyof typeof AUDIT_GRADE] ?? g;

/** The child's case audits: each grade (moderated where it was), the answers and the actions; for auditors, the forms. */
export function CaseAudits({ childId }: { childId: string }) {
  const { can, user } = useSession();
  const list = useLoad(() => caseAuditApi.list(childId), childId);
  const mayAudit = can('case-audit:record');
  // The owner marks their own action done; a manager (team or council scope) their staff's. The server decides finally.
  const mayComplete = (a: AuditAction) =>
    can('audit-action:complete') && (a.ownerWorkerId === user?.workerId || (user?.role !== 'social-worker' && user?.role !== 'iro'));
  return (
    <div className="lantern-subsection" data-testid="case-audits">
      <h3 className="govuk-heading-s">Case audits</h3>
      {list.problem ? <p className="govuk-body">Case audits could not be loaded: {list.problem.detail ?? list.problem.title}</p> : null}
      {!list.data && !list.problem ? <Loading /> : null}
      {list.data?.caseAudits.length === 0 ? <p className="govuk-body">No case audits.</p> : null}
      {list.data?.caseAudits.map((a) => (
        <CaseAuditCard key={a.caseAuditId} childId={childId} audit={a} mayModerate={mayAudit} mayComplete={mayComplete} onChanged={list.reload} />
      ))}
      {mayAudit ? <CaseAuditForm childId={childId} onRecorded={list.reload} /> : null}
    </div>
  );
}

function CaseAuditCard({
  childId,
  audit: a,
  mayModerate,
  mayComplete,
  onChanged,
}: {
  childId: string;
  audit: CaseAudit;
  mayModerate: boolean;
  mayComplete: (action: AuditAction) => boolean;
  onChanged: () => void;
}) {
  return (
    <div className="govuk-summary-card" data-testid="case-audit">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">
          Audit, {formatDate(a.auditedOn)}: {gradeLabel(a.finalGrade)}
          {a.moderatedOn ? <strong className="govuk-tag govuk-tag--blue lantern-heading-tag">Moderated</strong> : null}
        </h4>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">
          {a.auditor ?? 'Auditor not recorded'} graded it {gradeLabel(a.grade)}. {a.summary}
        </p>
        {a.moderatedOn ? (
          <p className="govuk-body" data-testid="moderation">
            Moderated {formatDate(a.moderatedOn)} by {a.moderator ?? 'a second auditor'}: {gradeLabel(a.moderatedGrade ?? a.grade)}. {a.moderationNotes}
          </p>
        ) : null}
        <dl className="govuk-summary-list">
          {a.answers.map((q) => (
            <div className="govuk-summary-list__row" key={q.questionId}>
              <dt className="govuk-summary-list__key">{q.question}</dt>
              <dd className="govuk-summary-list__value">
                {AUDIT_ANSWER[q.answer as keyof typeof AUDIT_ANSWER] ?? q.answer}
                {q.comment ? <span className="govuk-hint govuk-!-margin-bottom-0">{q.comment}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
        {a.actions.length ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Actions from the audit</caption>
            <TableHead columns={['Finding', 'Action', 'Owner', 'Due']} />
            <tbody className="govuk-table__body">
              {a.actions.map((x) => (
                <tr className="govuk-table__row" key={x.actionId} data-testid="audit-action">
                  <td className="govuk-table__cell">{x.finding}</td>
                  <td className="govuk-table__cell">
                    {x.action}
                    {x.completedOn ? (
                      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="action-evidence">
                        Done {formatDate(x.completedOn)}
                        {x.completedBy ? ` (${x.completedBy})` : ''}
                        {x.evidence ? `: ${x.evidence}` : ''}
                      </p>
                    ) : mayComplete(x) ? (
                      <ActionDoneForm action={x} onDone={onChanged} />
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{x.owner}</td>
                  <td className="govuk-table__cell">
                    {formatDate(x.dueDate)}
                    {x.completedOn ? <strong className="govuk-tag govuk-tag--green lantern-heading-tag">Done</strong> : null}
                    {x.overdue ? <strong className="govuk-tag govuk-tag--red lantern-heading-tag">Overdue</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {mayModerate && !a.moderatedOn ? <ModerationForm childId={childId} audit={a} onRecorded={onChanged} /> : null}
      </div>
    </div>
  );
}

const AUDIT_DATE: FieldSpec[] = [
  { name: 'auditedOn', label: 'Date of the audit', kind: 'date', required: true, what: 'the date of the audit', dateLabel: 'The date of the audit' },
];

/** Each audit question: its answer, and a comment. */
const questionFields = (q: { id: string; text: string }): FieldSpec[] => [
  { name: `answer-${q.id}`, label: q.text, kind: 'radios', inline: true, small: true, options: ANSWERS, required: true, missing: `Answer “${q.text}”` },
  { name: `comment-${q.id}`, label: 'Comment (optional)', kind: 'text' },
];

const AUDIT_VERDICT: FieldSpec[] = [
  { name: 'grade', id: 'auditGrade', label: 'Grade', kind: 'radios', options: GRADES, required: true, missing: 'Select the grade' },
  { name: 'summary', id: 'auditSummary', label: 'Summary', kind: 'textarea', rows: 3, required: true, missing: 'Enter a summary of the audit' },
];

/** The fields of the audit's action i (0-based), named as the API names them (actions.0.finding). */
const actionFields = (i: number, owners: Option[]): FieldSpec[] => [
  {
    name: 'finding',
    id: `actions-${i}-finding`,
    label: 'Finding',
    kind: 'textarea',
    rows: 2,
    required: true,
    missing: `Enter the finding for action ${i + 1}`,
  },
  {
    name: 'action',
    id: `actions-${i}-action`,
    label: 'What must be done',
    kind: 'textarea',
    rows: 2,
    required: true,
    missing: `Enter what must be done for action ${i + 1}`,
  },
  {
    name: 'ownerWorkerId',
    id: `actions-${i}-ownerWorkerId`,
    label: 'Owner',
    kind: 'select',
    placeholder: 'Choose a worker',
    options: owners,
    required: true,
    missing: `Select who owns action ${i + 1}`,
  },
  {
    name: 'dueDate',
    id: `actions-${i}-dueDate`,
    label: 'Due by',
    kind: 'date',
    required: true,
    future: true,
    what: `the due date of action ${i + 1}`,
    dateLabel: `The due date of action ${i + 1}`,
  },
];

type ActionDraft = { key: number; values: Values };
const EMPTY_ACTION = valuesFor(actionFields(0, []));

function CaseAuditForm({ childId, onRecorded }: { childId: string; onRecorded: () => void }) {
  const questions = useLoad(() => caseAuditApi.questions(), 'questions');
  const workers = useLoad(() => api.workforce.workers(), 'workers');
  const form = useFormValues(AUDIT_DATE, { auditedOn: todayInEngland() });
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [recorded, setRecorded] = useState(false);
  const qs = questions.data?.questions ?? [];
  const owners = (workers.data?.workers ?? []).map((w) => ({ value: w.workerId, label: w.teamName ? `${w.name} (${w.teamName})` : w.name }));
  const fields = [...AUDIT_DATE, ...qs.flatMap(questionFields), ...AUDIT_VERDICT];
  // The questions come once loaded: their answers start empty.
  const values = { ...valuesFor(fields), ...form.values };
  const { errors, busy, send } = useSend({
    ...anchorsFor([[fields, ''], ...actions.map((_, i): [FieldSpec[], string] => [actionFields(i, owners), `actions.${i}.`])]),
    answers: qs[0] ? `answer-${qs[0].id}` : 'auditGrade',
  });
  const setAction = (i: number, name: string, v: Value) => setActions(actions.map((a, j) => (j === i ? { ...a, values: { ...a.values, [name]: v } } : a)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRecorded(false);
    const problems: Problems = [];
    const audit = readValues(fields, values, problems);
    const drafted = actions.map((a, i) => readValues(actionFields(i, owners), a.values, problems, { prefix: `actions.${i}.` }));
    await send(
      problems,
      () =>
        caseAuditApi.record(childId, {
          auditedOn: audit.auditedOn,
          grade: audit.grade,
          summary: audit.summary,
          answers: qs.map((q) => ({ questionId: q.id, answer: audit[`answer-${q.id}`], comment: audit[`comment-${q.id}`] ?? null })),
          actions: drafted,
        } as NewCaseAudit), // chosen from the code lists' own options; the server checks them again
      () => {
        form.keepOnly(['auditedOn']);
        setActions([]);
        setRecorded(true);
        onRecorded();
      },
    );
  };

  return (
    <>
      {recorded ? <SuccessBanner>Case audit recorded</SuccessBanner> : null}
      <Details summary="Audit this case">
        {questions.problem ? (
          <p className="govuk-body">The audit questions could not be loaded: {questions.problem.detail ?? questions.problem.title}</p>
        ) : null}
        <form onSubmit={submit} noValidate aria-label="Audit this case">
          <ErrorSummary items={errors.summary} />
          <FormFields fields={AUDIT_DATE} values={values} errors={errors.fields} onChange={form.set} />
          {qs.map((q) => (
            <div key={q.id}>
              <FormFields fields={questionFields(q)} values={values} errors={errors.fields} onChange={form.set} />
            </div>
          ))}
          <FormFields fields={AUDIT_VERDICT} values={values} errors={errors.fields} onChange={form.set} />
          {actions.map((a, i) => (
            <fieldset className="govuk-fieldset" key={a.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {i + 1}</legend>
              <FormFields
                fields={actionFields(i, owners)}
                values={a.values}
                errors={errors.fields}
                prefix={`actions.${i}.`}
                onChange={(name, v) => setAction(i, name, v)}
              />
            </fieldset>
          ))}
          <div className="govuk-button-group">
            <Button type="button" secondary onClick={() => setActions([...actions, { key: (actions.at(-1)?.key ?? 0) + 1, values: EMPTY_ACTION }])}>
              Add an action
            </Button>
            <Button busy={busy}>Record audit</Button>
          </div>
        </form>
      </Details>
    </>
  );
}

const MODERATION_FIELDS: FieldSpec[] = [
  {
    name: 'moderatedOn',
    label: 'Date of the moderation',
    kind: 'date',
    required: true,
    what: 'the date of the moderation',
    dateLabel: 'The date of the moderation',
  },
  {
    name: 'grade',
    label: 'Moderated grade',
    kind: 'select',
    placeholder: 'Choose a grade',
    options: GRADES,
    required: true,
    missing: 'Select the moderated grade',
  },
  { name: 'notes', label: 'Moderation notes', kind: 'textarea', rows: 3, required: true, missing: 'Enter your moderation notes' },
];

function ModerationForm({ childId, audit, onRecorded }: { childId: string; audit: CaseAudit; onRecorded: () => void }) {
  return (
    <RecordForm
      opens="Moderate this audit"
      label={`Moderate the audit of ${formatDate(audit.auditedOn)}`}
      idPrefix={`mod-${audit.caseAuditId}-`}
      fields={MODERATION_FIELDS}
      today="moderatedOn"
      submit="Record moderation"
      stale="Someone else changed this audit since you opened it. It has been reloaded."
      send={(body) => caseAuditApi.moderate(childId, audit.caseAuditId, { version: audit.version, ...body } as Parameters<typeof caseAuditApi.moderate>[2])}
      onDone={onRecorded}
    />
  );
}

const DONE_FIELDS: FieldSpec[] = [
  { name: 'completedOn', label: 'Date it was done', kind: 'date', required: true, what: 'the date it was done', dateLabel: 'The date it was done' },
  {
    name: 'evidence',
    label: 'Evidence',
    hint: 'What was done, and where it is on the record',
    kind: 'textarea',
    rows: 2,
    required: true,
    missing: 'Enter the evidence that it was done',
  },
];

/** The owner (or their manager) marks an audit action done, saying what shows it was. */
function ActionDoneForm({ action, onDone }: { action: AuditAction; onDone: () => void }) {
  return (
    <RecordForm
      className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0"
      opens="Mark as done"
      label={`Mark as done: ${action.action}`}
      idPrefix={`done-${action.actionId}-`}
      fields={DONE_FIELDS}
      today="completedOn"
      submit="Mark as done"
      stale="Someone else changed this action since you opened it. It has been reloaded."
      send={(body) => caseAuditApi.completeAction(action.actionId, { version: action.version, ...body } as Parameters<typeof caseAuditApi.completeAction>[1])}
      onDone={onDone}
    />
  );
}
