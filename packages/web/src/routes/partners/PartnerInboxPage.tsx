/**
 * A partner agency's own view: the open requests to their organisation (the child's name and
 * date of birth, what is asked and what they need to know), and the answer form with a report.
 */
import { partnerAnswer, REPORT_MAX_BYTES } from '@lantern/core/partners';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { partnersApi, problemOf } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, Textarea, TextInput } from '../../components/fields.tsx';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { dateParts, formatDate, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { checkWith, type Problems, readDate } from '../../components/forms.ts';
import { PartnerPlanActions } from '../practice/WorkItems.tsx';
import { RequestStateTag } from './labels.tsx';
import type { PartnerRequestView } from '@lantern/core/views/partners';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { TableHead } from '../../components/TableHead.tsx';

export function PartnerInboxPage() {
  const inbox = useLoad(() => partnersApi.inbox(), 'inbox');
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  usePageTitle('Requests to your organisation');
  if (inbox.problem || !inbox.data) return <NotReady problem={inbox.problem} />;
  const { requests, organisationName } = inbox.data;
  return (
    <>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Requests to your organisation</h1>
      <p className="govuk-body">Children’s social care has asked your organisation for these. Once you answer, the request leaves this list.</p>
      {requests.length === 0 ? (
        <p className="govuk-body">There are no open requests.</p>
      ) : (
        <table className="govuk-table" data-testid="partner-inbox">
          <caption className="govuk-table__caption govuk-visually-hidden">Open requests, soonest due first</caption>
          <TableHead columns={['Child', 'Request', 'Due by', 'Status']} />
          <tbody className="govuk-table__body">
            {requests.map((r) => (
              <tr className="govuk-table__row" key={r.requestId}>
                <td className="govuk-table__cell">
                  {r.child.name}
                  <br />
                  <span className="govuk-body-s lantern-secondary">Born {formatDate(r.child.dateOfBirth)}</span>
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/partner/requests/${r.requestId}`}>
                    {r.typeLabel}
                    <span className="govuk-visually-hidden"> for {r.child.name}</span>
                  </Link>
                </td>
                <td className="govuk-table__cell">{formatDate(r.respondBy)}</td>
                <td className="govuk-table__cell">
                  <RequestStateTag state={r.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PartnerPlanActions />
    </>
  );
}

const ANCHORS = {
  answer: 'answer',
  answeredOn: 'answeredOn-day',
  answeredByName: 'answeredByName',
  report: 'report',
  'report.base64': 'report',
  version: 'answer',
};

/** Reads a chosen file as base64, for a JSON body. */
function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function PartnerAnswerPage() {
  const { requestId = '' } = useParams();
  const loaded = useLoad(() => partnersApi.request(requestId), requestId);
  usePageTitle(loaded.data ? `Answer: ${loaded.data.request.typeLabel}` : 'Request');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="request" />;
  return <AnswerForm request={loaded.data.request} />;
}

function AnswerForm({ request }: { request: PartnerRequestView }) {
  const navigate = useNavigate();
  const [answer, setAnswer] = useState('');
  const [answeredOn, setAnsweredOn] = useState(dateParts(todayInEngland()));
  const [answeredByName, setAnsweredByName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  usePageTitle(`Answer: ${request.typeLabel}`, hasErrors(errors));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'answeredOn', answeredOn, { what: 'the date of your answer', label: 'The date answered' });
    let report: { fileName: string; contentType: string; base64: string } | null = null;
    if (file) {
      const contentType =
        file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : file.type === 'text/plain' ? 'text/plain' : null;
      if (!contentType) problems.push(['report', 'The report must be a PDF or a plain text file']);
      else if (file.size > REPORT_MAX_BYTES) problems.push(['report', 'The report must be 1 MB or smaller']);
      else report = { fileName: file.name, contentType, base64: await readFile(file) };
    }
    const body = checkWith(
      partnerAnswer,
      { version: request.version, answeredOn: on ?? undefined, answer, answeredByName: answeredByName || null, report },
      problems,
      { answer: 'Enter your answer' },
    );
    if (problems.length || !body) return setErrors(errorsFrom(problems, ANCHORS));
    setBusy(true);
    try {
      await partnersApi.answer(request.requestId, body);
      navigate('/partner', { state: { notice: `Answer sent for ${request.child.name}. Thank you.` } });
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/partner">
          Back<span className="govuk-visually-hidden"> to the requests</span>
        </Link>
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">
          {request.child.name}, born {formatDate(request.child.dateOfBirth)}
        </span>
        <h1 className="govuk-heading-l">{request.typeLabel}</h1>
        <dl className="govuk-summary-list" data-testid="partner-request">
          <SummaryRow label="What is asked">{request.asked}</SummaryRow>
          <SummaryRow label="What you need to know">{request.needToKnow}</SummaryRow>
          <SummaryRow label="Answer due by">
            {formatDate(request.respondBy)} <RequestStateTag state={request.state} />
            {request.escalatedTo ? <p className="govuk-body-s">Escalated to {request.escalatedTo}</p> : null}
          </SummaryRow>
          <SummaryRow label="Asked by">
            {request.requestedBy ?? 'Children’s social care'} on {formatDate(request.sentOn)}
          </SummaryRow>
        </dl>
        <form onSubmit={submit} noValidate>
          <Textarea name="answer" label="Your answer" labelClass="govuk-label--m" value={answer} onChange={setAnswer} rows={6} error={errors.fields.answer} />
          <DateInput name="answeredOn" label="Date of your answer" value={answeredOn} onChange={setAnsweredOn} error={errors.fields.answeredOn} />
          <TextInput
            name="answeredByName"
            label="Your name and role (optional)"
            value={answeredByName}
            onChange={setAnsweredByName}
            error={errors.fields.answeredByName}
          />
          <div className={`govuk-form-group${errors.fields.report ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="report">
              Attach a report (optional)
            </label>
            <div id="report-hint" className="govuk-hint">
              A PDF or plain text file, up to 1 MB
            </div>
            {errors.fields.report ? (
              <p id="report-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.fields.report}
              </p>
            ) : null}
            <input
              className="govuk-file-upload"
              id="report"
              name="report"
              type="file"
              accept="application/pdf,text/plain"
              aria-describedby="report-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <Button busy={busy}>Send answer</Button>
        </form>
      </div>
    </div>
  );
}
