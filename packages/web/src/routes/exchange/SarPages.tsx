/**
 * Subject access requests, for the head of service and information governance: the council's
 * requests by due date, a child's requests, one request (its deadline, its marks, the copies to
 * download) and its forms — recording a request, extending it, reviewing the marks, releasing.
 */
import { recordSarInput, SAR_REQUESTERS } from '@lantern/core';
import { Link, useLocation, useParams } from 'react-router';
import { type SarDetailView, exchangeApi } from '../../api/exchange.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { optionsOf } from '../../components/form-model.ts';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { NotReady, ProblemPage, SuccessBanner } from '../../components/Notices.tsx';
import { formatDate, labelOf, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { SAR_FORMS } from './sar-forms.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { ParagraphLink } from '../../components/ParagraphLink.tsx';

const childSarsPath = (childId: string) => `/children/${childId}/subject-access-requests`;
const sarPath = (childId: string, sarId: string) => `${childSarsPath(childId)}/${sarId}`;

type State = { releasedOn: string | null; dueOn: string; extendedOn: string | null; reviewed: boolean };

/** Where a request stands, in words, with a tag when it is late. */
function Standing({ sar }: { sar: State }) {
  if (sar.releasedOn) return <>Answered: copy released {formatDate(sar.releasedOn)}</>;
  const late = sar.dueOn < todayInEngland();
  return (
    <>
      {late ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : null} Due {formatDate(sar.dueOn)}
      {sar.extendedOn ? ' (extended)' : ''}
      <span className="govuk-body-s lantern-block">{sar.reviewed ? 'Marks reviewed: ready to release' : 'Marks not yet reviewed'}</span>
    </>
  );
}

function Notice() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return notice ? <SuccessBanner>{notice}</SuccessBanner> : null;
}

export function SarListPage() {
  usePageTitle('Subject access requests');
  const list = useLoad(() => exchangeApi.sars(), 'sars');
  if (list.problem || !list.data) return <NotReady problem={list.problem} />;
  const requests = list.data.requests;
  const open = requests.filter((r) => !r.releasedOn).length;
  return (
    <>
      <h1 className="govuk-heading-l">Subject access requests</h1>
      <p className="govuk-body">
        A person may ask for the record the council holds about them. The answer is due one calendar month from the day the request came in, or three when it is
        extended with a reason. To record a new request, find the child and open their subject access requests.
      </p>
      <ParagraphLink to="/children">Find a child</ParagraphLink>
      <p className="govuk-body">{open === 1 ? '1 request is waiting for an answer.' : `${open} requests are waiting for an answer.`}</p>
      {requests.length ? (
        <table className="govuk-table" data-testid="sar-list">
          <caption className="govuk-table__caption govuk-visually-hidden">Requests not yet answered, soonest due first, then those answered</caption>
          <TableHead columns={['Record of', 'Asked by', 'Received', 'Where it stands']} />
          <tbody className="govuk-table__body">
            {requests.map((r) => (
              <tr className="govuk-table__row" key={r.sarId}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={sarPath(r.childId, r.sarId)}>
                    {r.childName}
                  </Link>
                  {r.laChildId ? <span className="govuk-body-s lantern-block">{r.laChildId}</span> : null}
                </td>
                <td className="govuk-table__cell">
                  {r.requesterName}
                  <span className="govuk-body-s lantern-block">{labelOf(SAR_REQUESTERS, r.requesterRelationship)}</span>
                </td>
                <td className="govuk-table__cell">{formatDate(r.receivedOn)}</td>
                <td className="govuk-table__cell">
                  <Standing sar={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function ChildSarsPage() {
  const { childId = '' } = useParams();
  const view = useLoad(() => exchangeApi.childSars(childId), childId);
  usePageTitle(view.data ? `Subject access requests – ${view.data.childName}` : 'Subject access requests');
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="child" />;
  const { childName, requests } = view.data;
  return (
    <>
      <Link className="govuk-back-link" to={`/children/${childId}`}>
        Back<span className="govuk-visually-hidden"> to {childName}</span>
      </Link>
      <Notice />
      <span className="govuk-caption-l">{childName}</span>
      <h1 className="govuk-heading-l">Subject access requests</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${childSarsPath(childId)}/new`}>
          Record a subject access request
        </Link>
      </p>
      {requests.length === 0 ? (
        <p className="govuk-body">No request has been recorded for this record.</p>
      ) : (
        <ul className="govuk-list" data-testid="child-sars">
          {requests.map((r) => (
            <li key={r.sarId} className="lantern-work-item">
              <p className="govuk-body govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={sarPath(childId, r.sarId)}>
                  Asked by {r.requesterName}, received {formatDate(r.receivedOn)}
                </Link>
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                <Standing sar={r} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SarPage() {
  const { childId = '', sarId = '' } = useParams();
  const { can } = useSession();
  const view = useLoad(() => exchangeApi.sar(childId, sarId), `${childId}/${sarId}`);
  usePageTitle(view.data ? `Subject access request – ${view.data.childName}` : 'Subject access request');
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="subject access request" />;
  const sar = view.data;
  const path = sarPath(childId, sarId);
  const releaser = can('sar:release');
  return (
    <>
      <Link className="govuk-back-link" to={childSarsPath(childId)}>
        Back<span className="govuk-visually-hidden"> to {sar.childName}’s subject access requests</span>
      </Link>
      <Notice />
      <span className="govuk-caption-l">{sar.childName}</span>
      <h1 className="govuk-heading-l">Subject access request</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label="Asked by">
          {sar.requesterName} ({labelOf(SAR_REQUESTERS, sar.requesterRelationship).toLowerCase()})
        </SummaryRow>
        <SummaryRow label="Proof of identity seen">{sar.identitySeen}</SummaryRow>
        <SummaryRow label="Received">{formatDate(sar.receivedOn)}</SummaryRow>
        <SummaryRow label="Answer">
          <Standing sar={sar} />
        </SummaryRow>
        {sar.extendedOn ? (
          <SummaryRow label="Extended">
            {formatDate(sar.extendedOn)}: {sar.extensionReason}
          </SummaryRow>
        ) : null}
      </dl>
      <h2 className="govuk-heading-m">Third-party information to remove</h2>
      {sar.marks.length === 0 ? (
        <p className="govuk-body">Nothing is marked: the copy is released whole.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-testid="sar-marks">
          {sar.marks.map((m) => (
            <li key={`${m.text}|${m.reason}`}>
              {m.text} <span className="lantern-secondary">({m.reason})</span>
            </li>
          ))}
        </ul>
      )}
      {!sar.releasedOn ? (
        <p className="govuk-body">
          {sar.reviewed ? 'A person has reviewed these marks.' : 'These marks are proposed: a person must review them before the copy is released.'}
        </p>
      ) : null}
      {releaser ? <SarActions sar={sar} path={path} /> : null}
    </>
  );
}

function SarActions({ sar, path }: { sar: SarDetailView; path: string }) {
  const link = (to: string, text: string) => (
    <li>
      <Link className="govuk-link" to={to}>
        {text}
      </Link>
    </li>
  );
  return (
    <>
      <h2 className="govuk-heading-m">{sar.releasedOn ? 'The released copy' : 'Next'}</h2>
      <ul className="govuk-list">
        {sar.releasedOn ? (
          <li>
            <a className="govuk-link" href={exchangeApi.copyHref(sar.childId, sar.sarId, 'released')} download>
              Download the released copy (PDF)
            </a>
          </li>
        ) : (
          <>
            <li>
              <a className="govuk-link" href={exchangeApi.copyHref(sar.childId, sar.sarId, 'review')} download>
                Download the review copy (PDF, marks highlighted)
              </a>
            </li>
            {link(`${path}/marks`, 'Review the redaction marks')}
            {sar.reviewed ? link(`${path}/release`, 'Release the redacted copy') : null}
            {sar.extendedOn ? null : link(`${path}/extend`, 'Extend by two months')}
          </>
        )}
      </ul>
    </>
  );
}

export function SarRecordPage() {
  const { childId = '' } = useParams();
  const view = useLoad(() => exchangeApi.childSars(childId), childId);
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="child" />;
  const name = view.data.childName;
  return (
    <SpecForm
      title="Record a subject access request"
      pageTitle={`Record a subject access request – ${name}`}
      caption={name}
      back={{ to: childSarsPath(childId), hidden: `to ${name}’s subject access requests` }}
      submit="Record the request"
      notice="Request recorded: the answer is due one calendar month from the day it came in"
      intro={<p className="govuk-body">Record a request for the record held about {name}, as soon as it comes in: the month to answer starts that day.</p>}
      fields={[
        { name: 'requesterName', label: 'Who is asking?', kind: 'text', required: true, missing: 'Enter the name of the person asking' },
        { name: 'requesterRelationship', label: 'Who are they to the record?', kind: 'radios', required: true, options: optionsOf(SAR_REQUESTERS) },
        {
          name: 'identitySeen',
          label: 'What proof of identity was seen?',
          kind: 'text',
          required: true,
          missing: 'Say what proof of identity was seen',
          hint: 'For example, a passport and a council tax bill; for a representative, their written authority too',
        },
        { name: 'receivedOn', label: 'Date the request was received', kind: 'date', required: true, what: 'the date the request was received' },
      ]}
      schema={recordSarInput}
      send={(body) => exchangeApi.record(childId, body)}
    />
  );
}

export function SarFormPage() {
  const { childId = '', sarId = '', form = '' } = useParams();
  const spec = SAR_FORMS[form];
  const view = useLoad(() => exchangeApi.sar(childId, sarId), `${childId}/${sarId}`);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (view.problem || !view.data) return <NotReady problem={view.problem} what="subject access request" />;
  const sar = view.data;
  return (
    <SpecForm
      key={form}
      title={spec.title}
      pageTitle={`${spec.title} – ${sar.childName}`}
      caption={sar.childName}
      back={{ to: sarPath(childId, sarId), hidden: `to ${sar.childName}’s subject access request` }}
      submit={spec.submit}
      notice={spec.notice}
      fields={spec.fields(sar)}
      initial={spec.initial?.(sar)}
      reason={spec.whyNot?.(sar) ?? null}
      intro={spec.intro ? <p className="govuk-body">{spec.intro(sar)}</p> : undefined}
      body={(read) => (spec.body ? spec.body(read, sar) : read)}
      schema={spec.schema}
      send={(body) => spec.send(sar, body)}
    />
  );
}
