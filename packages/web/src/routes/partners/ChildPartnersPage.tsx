/** A child's requests to partner agencies and the answers, partners at meetings, housing needs; and the forms. */
import { newHousingNeed, newPartnerRequest, PARTNER_REQUEST_TYPE } from '@lantern/core/partners';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { api, partnersApi, problemOf } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, Checkboxes } from '../../components/fields.tsx';
import { ChildPageHead } from '../../components/ChildPageHead.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate, fullName, todayInEngland } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { AGENCY_LABEL, RequestStateTag } from './labels.tsx';
import type { ChildPartnerWork, ChildRequest, PartnerMeeting as Meeting, PartnerOrganisation } from '@lantern/core/views/partners';
import { SummaryRow as Row } from '../../components/SummaryRow.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import type { FieldSpec } from '../../components/form-model.ts';
import { SectionForm } from '../../components/SectionForm.tsx';
import { Details } from '../../components/Details.tsx';
import { DetailsSpecForm } from '../../components/DetailsForm.tsx';

const TYPE_OPTIONS = Object.entries(PARTNER_REQUEST_TYPE).map(([value, t]) => ({ value, label: t.label }));

export function ChildPartnersPage() {
  const { childId = '' } = useParams();
  const record = useLoad(() => api.children.get(childId), childId);
  const work = useLoad(() => partnersApi.work(childId), childId);
  const orgs = useLoad(() => partnersApi.organisations(), 'organisations');
  const [notice, setNotice] = useState<string | null>(null);
  const name = record.data ? fullName(record.data.child) : 'Child';
  usePageTitle(`Partner agencies – ${name}`);
  const problem = record.problem ?? work.problem;
  if (problem || !record.data || !work.data) return <NotReady problem={problem} what="child" />;
  const saved = (text: string) => {
    setNotice(text);
    work.reload();
  };

  return (
    <>
      <ChildPageHead childId={childId} name={name} laChildId={record.data.child.laChildId} notice={notice} title="Partner agencies" />
      <Requests requests={work.data.requests} childId={childId} />
      {orgs.data ? <SendRequestForm childId={childId} organisations={orgs.data.organisations} onSent={saved} /> : null}
      <Meetings work={work.data} childId={childId} organisations={orgs.data?.organisations ?? []} onSaved={saved} />
      <Housing work={work.data} childId={childId} onSaved={saved} />
    </>
  );
}

function Requests({ requests, childId }: { requests: ChildRequest[]; childId: string }) {
  return (
    <section aria-labelledby="requests-heading" className="lantern-section" data-testid="partner-requests">
      <h2 className="govuk-heading-m" id="requests-heading">
        Requests to partners
      </h2>
      {requests.length === 0 ? (
        <p className="govuk-body">No request has been sent to a partner agency about this child.</p>
      ) : (
        <ul className="govuk-list">
          {requests.map((r) => (
            <li key={r.requestId} className="govuk-summary-card" data-request={r.requestId} data-state={r.state}>
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">
                  {r.typeLabel}: {r.organisationName}
                </h3>
                <RequestStateTag state={r.state} />
              </div>
              <div className="govuk-summary-card__content">
                <dl className="govuk-summary-list">
                  <Row label="Asked">{r.asked}</Row>
                  <Row label="Sent">
                    {formatDate(r.sentOn)}
                    {r.contactName ? ` to ${r.contactName}` : ''}
                    {r.requestedBy ? ` by ${r.requestedBy}` : ''}
                  </Row>
                  <Row label="Answer due by">{formatDate(r.respondBy)}</Row>
                  {r.escalatedTo || r.escalatedOn ? (
                    <Row label="Escalated">
                      {formatDate(r.escalatedOn)} to {r.escalatedTo ?? 'the agency (no escalation contact recorded)'}
                    </Row>
                  ) : null}
                  {r.answeredOn ? (
                    <Row label="Answer">
                      {formatDate(r.answeredOn)}
                      {r.answeredByName ? ` (${r.answeredByName})` : ''}: {r.answer}
                    </Row>
                  ) : null}
                  {r.reports.length ? (
                    <Row label="Reports">
                      {r.reports.map((p) => (
                        <a key={p.reportId} className="govuk-link" href={`/api/children/${childId}/partner-reports/${p.reportId}`}>
                          {p.fileName}
                        </a>
                      ))}
                    </Row>
                  ) : null}
                </dl>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SendRequestForm({ childId, organisations, onSent }: { childId: string; organisations: PartnerOrganisation[]; onSent: (notice: string) => void }) {
  const groups = Object.values(
    organisations.reduce<Record<string, { label: string; options: { value: string; label: string }[] }>>((acc, o) => {
      const label = AGENCY_LABEL[o.agency] ?? o.agency;
      acc[label] ??= { label, options: [] };
      acc[label].options.push({ value: o.organisationId, label: `${o.name} (${o.typeLabel})` });
      return acc;
    }, {}),
  );
  const fields: FieldSpec[] = [
    {
      name: 'organisationId',
      label: 'Partner agency',
      kind: 'select',
      groups,
      placeholder: 'Choose an agency',
      required: true,
      missing: 'Choose the partner agency',
    },
    {
      name: 'requestType',
      label: 'What are you asking for?',
      kind: 'select',
      options: TYPE_OPTIONS,
      required: true,
      missing: 'Choose what you are asking for',
    },
    { name: 'asked', label: 'What you are asking', kind: 'textarea', rows: 3 },
    {
      name: 'needToKnow',
      label: 'What the partner needs to know',
      kind: 'textarea',
      hint: 'The partner sees only the child’s name and date of birth and what you write here.',
      rows: 3,
    },
    { name: 'sentOn', label: 'Date sent', kind: 'date', required: true, what: 'the date the request is sent', dateLabel: 'The date sent' },
    {
      name: 'respondBy',
      label: 'Answer needed by (optional)',
      kind: 'date',
      hint: 'Leave blank for the council’s deadline for this kind of request. You may ask for sooner, never later.',
      future: true,
      what: 'the date',
      dateLabel: 'The answer date',
    },
  ];
  return (
    <SectionForm
      section
      id="send-heading"
      heading="Send a request"
      label="Send a request to a partner agency"
      fields={fields}
      initial={{ sentOn: todayInEngland() }}
      schema={newPartnerRequest}
      words={{ asked: 'Say what you are asking for', needToKnow: 'Say what the partner needs to know to answer' }}
      send={async (body) => {
        const res = await partnersApi.send(childId, body);
        const org = organisations.find((o) => o.organisationId === body.organisationId)?.name ?? 'the partner';
        return `Request sent to ${org}. The answer is due by ${formatDate(res.respondBy)}.`;
      }}
      clear={['organisationId', 'requestType', 'asked', 'needToKnow', 'respondBy']}
      onDone={onSent}
      submit="Send request"
    />
  );
}

function Meetings({
  work,
  childId,
  organisations,
  onSaved,
}: {
  work: ChildPartnerWork;
  childId: string;
  organisations: PartnerOrganisation[];
  onSaved: (notice: string) => void;
}) {
  if (work.meetings.length === 0) return null;
  return (
    <section aria-labelledby="meetings-heading" className="lantern-section" data-testid="partner-meetings">
      <h2 className="govuk-heading-m" id="meetings-heading">
        Partners at strategy discussions and conferences
      </h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Who was invited, who attended, who sent a report</caption>
        <TableHead columns={['Meeting', 'Partners', 'Not present']} />
        <tbody className="govuk-table__body">
          {work.meetings.map((m) => (
            <tr className="govuk-table__row" key={m.meetingId}>
              <td className="govuk-table__cell">
                {m.label}, {formatDate(m.heldOn)}
              </td>
              <td className="govuk-table__cell">
                {m.contributions.length
                  ? m.contributions
                      .map(
                        (c) =>
                          `${c.organisationName}: ${c.attended ? 'attended' : c.invited ? 'invited, did not attend' : 'not invited'}${c.reportSentOn ? `, report ${formatDate(c.reportSentOn)}` : ''}`,
                      )
                      .join('; ')
                  : 'None recorded'}
              </td>
              <td className="govuk-table__cell">
                {m.missingAgencies.length ? <strong className="govuk-tag govuk-tag--red">{m.missingAgencies.join(', ')}</strong> : 'All present'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {work.meetings.map((m) => (
        <ContributionsForm key={m.meetingId} meeting={m} childId={childId} organisations={organisations} onSaved={onSaved} />
      ))}
    </section>
  );
}

/** Who was invited to a meeting, who came, who sent a report (on the meeting's date, or before). */
function ContributionsForm({
  meeting,
  childId,
  organisations,
  onSaved,
}: {
  meeting: Meeting;
  childId: string;
  organisations: PartnerOrganisation[];
  onSaved: (notice: string) => void;
}) {
  const had = (f: (c: Meeting['contributions'][number]) => boolean) => meeting.contributions.filter(f).map((c) => c.organisationId);
  const [invited, setInvited] = useState(had((c) => c.invited));
  const [attended, setAttended] = useState(had((c) => c.attended));
  const [reports, setReports] = useState(had((c) => !!c.reportSentOn));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const options = organisations.map((o) => ({ value: o.organisationId, label: o.name }));
  const name = `m-${meeting.meetingId.slice(0, 8)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = organisations.map((o) => o.organisationId).filter((id) => invited.includes(id) || attended.includes(id) || reports.includes(id));
    if (chosen.length === 0) return setErrors(errorsFrom([[`${name}-invited`, 'Choose at least one agency that was invited']], {}));
    setBusy(true);
    try {
      await partnersApi.contributions(childId, meeting.meetingKind, meeting.meetingId, {
        contributions: chosen.map((id) => ({
          organisationId: id,
          invited: invited.includes(id) || attended.includes(id),
          attended: attended.includes(id),
          reportSentOn: reports.includes(id) ? meeting.heldOn : null,
        })),
      });
      setErrors(NO_ERRORS);
      onSaved(`Partners at the ${meeting.label.toLowerCase()} of ${formatDate(meeting.heldOn)} recorded.`);
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Details summary={`Record partners at the ${meeting.label.toLowerCase()} of ${formatDate(meeting.heldOn)}`}>
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate>
        <Checkboxes
          name={`${name}-invited`}
          label="Invited"
          values={invited}
          onChange={setInvited}
          options={options}
          small
          columns
          error={errors.fields[`${name}-invited`]}
        />
        <Checkboxes name={`${name}-attended`} label="Attended" values={attended} onChange={setAttended} options={options} small columns />
        <Checkboxes name={`${name}-reports`} label="Sent a report" values={reports} onChange={setReports} options={options} small columns />
        <Button busy={busy}>Save partners</Button>
      </form>
    </Details>
  );
}

function Housing({ work, childId, onSaved }: { work: ChildPartnerWork; childId: string; onSaved: (notice: string) => void }) {
  const housingRequests = work.requests.filter((r) => r.agency === 'housing');
  const fields: FieldSpec[] = [
    {
      name: 'identifiedOn',
      label: 'Date identified',
      kind: 'date',
      required: true,
      what: 'the date the need was identified',
      dateLabel: 'The date identified',
    },
    { name: 'need', label: 'The housing need', kind: 'textarea', rows: 2 },
    {
      name: 'requestId',
      label: 'Request to the housing partner (optional)',
      kind: 'select',
      placeholder: 'None',
      options: housingRequests.map((r) => ({ value: r.requestId, label: `${r.typeLabel}, ${r.organisationName}, sent ${formatDate(r.sentOn)}` })),
    },
  ];

  return (
    <PageSection id="housing-heading" heading="Housing">
      {work.housingNeeds.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {work.housingNeeds.map((h) => (
            <li key={h.housingNeedId}>
              {h.need} — identified {formatDate(h.identifiedOn)};{' '}
              {h.resolvedOn
                ? `resolved ${formatDate(h.resolvedOn)}`
                : `waiting ${h.daysWaiting} days${h.priority ? `, priority ${h.priority}` : ', no priority agreed yet'}`}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No housing need is recorded.</p>
      )}
      <DetailsSpecForm
        opens="Record a housing need"
        fields={fields}
        initial={{ identifiedOn: todayInEngland() }}
        emptyAsNull
        schema={newHousingNeed}
        words={{ need: 'Describe the housing need' }}
        submit="Save housing need"
        send={(body) => partnersApi.addHousingNeed(childId, body as z.output<typeof newHousingNeed>)}
        onDone={() => onSaved('Housing need recorded. It is on the head of service’s housing list until resolved.')}
        clear={['need']}
      />
    </PageSection>
  );
}
