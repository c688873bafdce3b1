/**
 * Children looked after: the child's looked-after section and a form for each step (coming into
 * care, a change of placement or legal status, ceasing, the director's approval of an
 * unregistered provider, visits, reviews, missing episodes), the providers register, the
 * director's unregistered-placements list and the missing-children list.
 */
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  MISSING_KIND,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  PROVIDER_KIND,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
  REGISTRATION_STATUS,
} from '@lantern/core/looked-after';
import { PARTICIPATION_PLAIN } from '@lantern/core/meetings';
import { OBLIGATION_STATE_LABELS, RULE_LABELS } from '@lantern/core/timescales';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { problemOf, request } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, DateInput, type Option, Radios, Select, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import { Loading, ProblemPage, SuccessBanner } from '../../components/Notices.tsx';
import {
  type DateParts,
  dateFromParts,
  dateParts,
  EMPTY_DATE,
  englandDateTime,
  formatDate,
  formatDateTime,
  labelOf,
  parseTime,
  todayInEngland,
} from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

// ---------------------------------------------------------------------------------------------
// API

type Json = Record<string, any>;
const child = (id: string) => `/api/children/${encodeURIComponent(id)}`;
export const lookedAfterApi = {
  record: (id: string) => request<Json>('GET', `${child(id)}/looked-after`),
  start: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after`, { body }),
  change: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/changes`, { body }),
  cease: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/cease`, { body }),
  approve: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/unregistered-approvals`, { body }),
  visit: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/visits`, { body }),
  review: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/looked-after/reviews`, { body }),
  missing: (id: string, body: unknown) => request<Json>('POST', `${child(id)}/missing-episodes`, { body }),
  missingUpdate: (id: string, missingId: string, body: unknown) =>
    request<Json>('PATCH', `${child(id)}/missing-episodes/${encodeURIComponent(missingId)}`, { body }),
  providers: () => request<{ providers: Json[] }>('GET', '/api/providers'),
  addProvider: (body: unknown) => request<Json>('POST', '/api/providers', { body }),
  unregistered: () => request<{ placements: Json[] }>('GET', '/api/looked-after/unregistered-placements'),
  missingChildren: () => request<Json>('GET', '/api/looked-after/missing'),
};

const options = (list: Readonly<Record<string, string>>): Option[] => Object.entries(list).map(([value, label]) => ({ value, label: `${value}: ${label}` }));
const sectionPath = (childId: string) => `/children/${childId}/looked-after`;

// ---------------------------------------------------------------------------------------------
// Forms

type Problems = Array<[string, string]>;

/** A form's sending: problems found here first; then the server's, beside the fields it names. */
function useSend(anchors: Record<string, string>) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const send = async (problems: Problems, call: () => Promise<unknown>, done: () => void) => {
    if (problems.length) return setErrors(errorsFrom(problems, anchors));
    setBusy(true);
    try {
      await call();
      setErrors(NO_ERRORS);
      done();
    } catch (error) {
      const problem = problemOf(error);
      const fixed = errorsFromProblem(problem, anchors);
      setErrors(problem.status === 422 && problem.detail ? { ...fixed, summary: [{ text: problem.detail }, ...fixed.summary] } : fixed);
    }
    setBusy(false);
  };
  return { errors, busy, send };
}

function readDate(problems: Problems, field: string, parts: DateParts, label: string): string | null {
  const read = dateFromParts(parts, label);
  if ('error' in read) problems.push([field, read.error]);
  else if (!read.iso) problems.push([field, `Enter ${label.toLowerCase()}`]);
  else return read.iso;
  return null;
}

function readDateTime(problems: Problems, field: string, date: DateParts, time: string, label: string, required = true): string | null {
  if (!required && !date.day && !date.month && !date.year && !time) return null;
  const day = readDate(problems, field, date, label);
  const t = parseTime(time);
  if (!t) problems.push([`${field}Time`, `Enter the time of ${label.toLowerCase()}, like 18:30`]);
  return day && t ? englandDateTime(day, t.hours, t.minutes) : null;
}

function FormPage({
  title,
  caption,
  errors,
  busy,
  submit,
  onSubmit,
  children,
  back,
}: {
  title: string;
  caption?: string;
  errors: FormErrors;
  busy: boolean;
  submit: string;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
  back: string;
}) {
  usePageTitle(title, hasErrors(errors));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={back}>
          Back
        </Link>
        <ErrorSummary items={errors.summary} />
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={onSubmit} noValidate>
          {children}
          <div className="govuk-button-group">
            <Button busy={busy}>{submit}</Button>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

/** The child's looked-after record, loaded for a form. */
function useRecord() {
  const { childId = '' } = useParams();
  const loaded = useLoad(() => lookedAfterApi.record(childId), childId);
  return { childId, ...loaded };
}

type PlacementState = { placementType: string; placementProvider: string; providerId: string; urn: string; placementPostcode: string; intendedUntil18: string };
const NO_PLACEMENT: PlacementState = { placementType: '', placementProvider: '', providerId: '', urn: '', placementPostcode: '', intendedUntil18: '' };

function PlacementFields({
  value,
  onChange,
  errors,
  prefix,
}: {
  value: PlacementState;
  onChange: (v: PlacementState) => void;
  errors: FormErrors;
  prefix: string;
}) {
  const providers = useLoad(() => lookedAfterApi.providers(), 'providers');
  const set = (k: keyof PlacementState) => (v: string) => onChange({ ...value, [k]: v });
  const err = (k: string) => errors.fields[`${prefix}${k}`];
  return (
    <>
      <Select
        name={`${prefix}placementType`}
        label="Placement type"
        value={value.placementType}
        onChange={set('placementType')}
        options={options(PLACEMENT_TYPE)}
        placeholder="Choose"
        error={err('placementType')}
      />
      <Select
        name={`${prefix}providerId`}
        label="Provider (from the providers register)"
        hint="Needed for children’s homes and supported accommodation, so Lantern can check their Ofsted registration"
        value={value.providerId}
        onChange={set('providerId')}
        options={(providers.data?.providers ?? []).map((p) => ({
          value: p.providerId,
          label: `${p.name}${p.urn ? ` (${p.urn})` : ''} – ${labelOf(REGISTRATION_STATUS, p.registrationStatus)}`,
        }))}
        placeholder="None"
        error={err('providerId')}
      />
      <Select
        name={`${prefix}placementProvider`}
        label="Who provides the placement (PLACE_PROVIDER)"
        value={value.placementProvider}
        onChange={set('placementProvider')}
        options={options(PLACEMENT_PROVIDER)}
        placeholder="None"
        error={err('placementProvider')}
      />
      <TextInput
        name={`${prefix}urn`}
        label="Ofsted URN, if no provider is chosen"
        widthClass="govuk-input--width-10"
        value={value.urn}
        onChange={set('urn')}
        error={err('urn')}
      />
      <TextInput
        name={`${prefix}placementPostcode`}
        label="Placement postcode"
        widthClass="govuk-input--width-10"
        value={value.placementPostcode}
        onChange={set('placementPostcode')}
        error={err('placementPostcode')}
      />
      <YesNo
        name={`${prefix}intendedUntil18`}
        label="Is the placement intended to last until the child is 18?"
        value={value.intendedUntil18}
        onChange={set('intendedUntil18')}
      />
    </>
  );
}

const placementBody = (p: PlacementState) => ({
  placementType: p.placementType || undefined,
  placementProvider: p.placementProvider || null,
  providerId: p.providerId || null,
  urn: p.urn.trim() || null,
  placementPostcode: p.placementPostcode.trim() || null,
  intendedUntil18: p.intendedUntil18 === 'yes',
});

const placementAnchors = (prefix: string) =>
  Object.fromEntries(['placementType', 'providerId', 'placementProvider', 'urn', 'placementPostcode'].map((f) => [`${prefix}${f}`, `${prefix}${f}`]));

export function StartCarePage() {
  const r = useRecord();
  const navigate = useNavigate();
  const anchors = {
    startDate: 'startDate-day',
    legalStatus: 'legalStatus',
    categoryOfNeed: 'categoryOfNeed',
    homePostcode: 'homePostcode',
    ...placementAnchors(''),
  };
  const { errors, busy, send } = useSend(anchors);
  const [startDate, setStartDate] = useState(dateParts(todayInEngland()));
  const [legalStatus, setLegalStatus] = useState('');
  const [need, setNeed] = useState('');
  const [home, setHome] = useState('');
  const [placement, setPlacement] = useState(NO_PLACEMENT);
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'startDate', startDate, 'The date the child became looked after');
    if (!legalStatus) problems.push(['legalStatus', 'Choose the legal status']);
    if (!need) problems.push(['categoryOfNeed', 'Choose the category of need']);
    if (!placement.placementType) problems.push(['placementType', 'Choose the placement type']);
    send(
      problems,
      () =>
        lookedAfterApi.start(r.childId, { startDate: date, legalStatus, categoryOfNeed: need, homePostcode: home.trim() || null, ...placementBody(placement) }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Became looked after: recorded' } }),
    );
  };
  return (
    <FormPage
      title="Record the child becoming looked after"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Save"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <DateInput name="startDate" label="Date the child became looked after" value={startDate} onChange={setStartDate} error={errors.fields.startDate} />
      <Select
        name="legalStatus"
        label="Legal status"
        value={legalStatus}
        onChange={setLegalStatus}
        options={options(LEGAL_STATUS)}
        placeholder="Choose"
        error={errors.fields.legalStatus}
      />
      <Select
        name="categoryOfNeed"
        label="Category of need"
        value={need}
        onChange={setNeed}
        options={options(CATEGORY_OF_NEED)}
        placeholder="Choose"
        error={errors.fields.categoryOfNeed}
      />
      <TextInput
        name="homePostcode"
        label="Postcode of the child’s home"
        widthClass="govuk-input--width-10"
        value={home}
        onChange={setHome}
        error={errors.fields.homePostcode}
      />
      <PlacementFields value={placement} onChange={setPlacement} errors={errors} prefix="" />
    </FormPage>
  );
}

export function ChangeCarePage() {
  const r = useRecord();
  const navigate = useNavigate();
  const anchors = {
    date: 'date-day',
    legalStatus: 'legalStatus',
    reasonPlaceChange: 'reasonPlaceChange',
    sameCarer: 'sameCarer',
    ...placementAnchors('placement.'),
  };
  const { errors, busy, send } = useSend(anchors);
  const [date, setDate] = useState(dateParts(todayInEngland()));
  const [legalStatus, setLegalStatus] = useState('');
  const [moves, setMoves] = useState('');
  const [sameCarer, setSameCarer] = useState('');
  const [reason, setReason] = useState('');
  const [placement, setPlacement] = useState(NO_PLACEMENT);
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const current = r.data.current;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'date', date, 'The date of the change');
    const move = moves === 'yes';
    if (!legalStatus && !move) problems.push(['legalStatus', 'Choose a new legal status, or say the placement changes']);
    if (move && !placement.placementType) problems.push(['placement.placementType', 'Choose the new placement type']);
    if (move && !reason) problems.push(['reasonPlaceChange', 'Say why the placement changed']);
    send(
      problems,
      () =>
        lookedAfterApi.change(r.childId, {
          episodeId: current.episodeId,
          version: current.version,
          date: on,
          legalStatus: legalStatus || null,
          placement: move ? placementBody(placement) : null,
          sameCarer: sameCarer === 'yes',
          reasonPlaceChange: move ? reason : null,
        }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Change recorded' } }),
    );
  };
  if (!current) return <ProblemPage problem={{ title: 'Not looked after', status: 409, detail: 'The child is not looked after.' }} />;
  return (
    <FormPage
      title="Record a change of placement or legal status"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Save change"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <DateInput name="date" label="Date of the change" value={date} onChange={setDate} error={errors.fields.date} />
      <Select
        name="legalStatus"
        label={`New legal status (now ${labelOf(LEGAL_STATUS, current.legalStatus)})`}
        value={legalStatus}
        onChange={setLegalStatus}
        options={options(LEGAL_STATUS)}
        placeholder="No change"
        error={errors.fields.legalStatus}
      />
      <YesNo name="moves" label="Does the placement change?" value={moves} onChange={setMoves} />
      {moves === 'yes' ? (
        <>
          <YesNo
            name="sameCarer"
            label="Is the new placement with the same carer(s)?"
            value={sameCarer}
            onChange={setSameCarer}
            error={errors.fields.sameCarer}
          />
          <Select
            name="reasonPlaceChange"
            label="Why the placement changed"
            value={reason}
            onChange={setReason}
            options={options(REASON_PLACE_CHANGE)}
            placeholder="Choose"
            error={errors.fields.reasonPlaceChange}
          />
          <PlacementFields value={placement} onChange={setPlacement} errors={errors} prefix="placement." />
        </>
      ) : null}
    </FormPage>
  );
}

export function CeaseCarePage() {
  const r = useRecord();
  const navigate = useNavigate();
  const { errors, busy, send } = useSend({ endDate: 'endDate-day', reasonEnded: 'reasonEnded' });
  const [date, setDate] = useState(dateParts(todayInEngland()));
  const [reason, setReason] = useState('');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data?.current) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'endDate', date, 'The date care ended');
    if (!reason) problems.push(['reasonEnded', 'Choose why the child ceased to be looked after']);
    send(
      problems,
      () => lookedAfterApi.cease(r.childId, { episodeId: r.data?.current.episodeId, version: r.data?.current.version, endDate: on, reasonEnded: reason }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Ceased to be looked after: recorded' } }),
    );
  };
  return (
    <FormPage
      title="Record the child ceasing to be looked after"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Save"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <DateInput name="endDate" label="Date the child ceased to be looked after" value={date} onChange={setDate} error={errors.fields.endDate} />
      <Select
        name="reasonEnded"
        label="Reason"
        value={reason}
        onChange={setReason}
        options={options(REASON_CEASED)}
        placeholder="Choose"
        error={errors.fields.reasonEnded}
      />
    </FormPage>
  );
}

export function ApproveUnregisteredPage() {
  const r = useRecord();
  const navigate = useNavigate();
  const providers = useLoad(() => lookedAfterApi.providers(), 'providers');
  const { errors, busy, send } = useSend({ providerId: 'providerId', placementType: 'placementType', approvedOn: 'approvedOn-day', reasons: 'reasons' });
  const [providerId, setProviderId] = useState('');
  const [placementType, setPlacementType] = useState('');
  const [date, setDate] = useState(dateParts(todayInEngland()));
  const [reasons, setReasons] = useState('');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'approvedOn', date, 'The date of approval');
    if (!providerId) problems.push(['providerId', 'Choose the provider']);
    if (!placementType) problems.push(['placementType', 'Choose the placement type']);
    if (!reasons.trim()) problems.push(['reasons', 'Record your reasons for approving this placement']);
    send(
      problems,
      () => lookedAfterApi.approve(r.childId, { providerId, placementType, approvedOn: on, reasons: reasons.trim() }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Director’s approval recorded' } }),
    );
  };
  return (
    <FormPage
      title="Approve a placement with a provider not registered for this care"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Record approval"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <Select
        name="providerId"
        label="Provider"
        value={providerId}
        onChange={setProviderId}
        options={(providers.data?.providers ?? []).map((p) => ({
          value: p.providerId,
          label: `${p.name} – ${labelOf(REGISTRATION_STATUS, p.registrationStatus)}`,
        }))}
        placeholder="Choose"
        error={errors.fields.providerId}
      />
      <Select
        name="placementType"
        label="Placement type"
        value={placementType}
        onChange={setPlacementType}
        options={options(PLACEMENT_TYPE)}
        placeholder="Choose"
        error={errors.fields.placementType}
      />
      <DateInput name="approvedOn" label="Date of approval" value={date} onChange={setDate} error={errors.fields.approvedOn} />
      <Textarea
        name="reasons"
        label="Your reasons, and the safeguards while the child is placed there"
        value={reasons}
        onChange={setReasons}
        error={errors.fields.reasons}
      />
    </FormPage>
  );
}

export function LacVisitPage() {
  const r = useRecord();
  const navigate = useNavigate();
  const { errors, busy, send } = useSend({
    visitedOn: 'visitedOn-day',
    faceToFace: 'faceToFace',
    childSeen: 'childSeen',
    seenAlone: 'seenAlone',
    location: 'location',
    childWords: 'childWords',
  });
  const [date, setDate] = useState(dateParts(todayInEngland()));
  const [faceToFace, setFaceToFace] = useState('');
  const [seen, setSeen] = useState('');
  const [alone, setAlone] = useState('');
  const [location, setLocation] = useState('');
  const [words, setWords] = useState('');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'visitedOn', date, 'The date of the visit');
    if (!faceToFace) problems.push(['faceToFace', 'Say whether the visit was face to face']);
    if (!seen) problems.push(['childSeen', 'Say whether the child was seen']);
    if (seen === 'yes' && !words.trim()) problems.push(['childWords', 'Record the child’s wishes and feelings in their own words']);
    send(
      problems,
      () =>
        lookedAfterApi.visit(r.childId, {
          visitedOn: on,
          faceToFace: faceToFace === 'yes',
          childSeen: seen === 'yes',
          seenAlone: alone === 'yes',
          location: location.trim() || null,
          childWords: words.trim() || null,
        }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Visit recorded' } }),
    );
  };
  return (
    <FormPage title="Record a visit" caption={r.data.childName} errors={errors} busy={busy} submit="Save visit" onSubmit={submit} back={sectionPath(r.childId)}>
      <DateInput name="visitedOn" label="Date of the visit" value={date} onChange={setDate} error={errors.fields.visitedOn} />
      <YesNo name="faceToFace" label="Was the visit face to face?" value={faceToFace} onChange={setFaceToFace} error={errors.fields.faceToFace} />
      <YesNo name="childSeen" label="Was the child seen?" value={seen} onChange={setSeen} error={errors.fields.childSeen} />
      {seen === 'yes' ? <YesNo name="seenAlone" label="Was the child seen alone?" value={alone} onChange={setAlone} error={errors.fields.seenAlone} /> : null}
      <TextInput name="location" label="Where the child was seen" value={location} onChange={setLocation} error={errors.fields.location} />
      <Textarea
        name="childWords"
        label="The child’s wishes and feelings, in their own words"
        value={words}
        onChange={setWords}
        error={errors.fields.childWords}
      />
    </FormPage>
  );
}

export function LacReviewPage() {
  const r = useRecord();
  const navigate = useNavigate();
  const { errors, busy, send } = useSend({
    heldOn: 'heldOn-day',
    participation: 'participation',
    childWords: 'childWords',
    iroContactOn: 'iroContactOn-day',
    chairWorkerId: 'participation',
  });
  const [held, setHeld] = useState(dateParts(todayInEngland()));
  const [participation, setParticipation] = useState('');
  const [words, setWords] = useState('');
  const [contact, setContact] = useState<DateParts>(EMPTY_DATE);
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'heldOn', held, 'The date of the review');
    if (!participation) problems.push(['participation', 'Choose how the child took part']);
    const contactRead = dateFromParts(contact, 'The date the IRO spoke with the child');
    if ('error' in contactRead) problems.push(['iroContactOn', contactRead.error]);
    send(
      problems,
      () =>
        lookedAfterApi.review(r.childId, {
          heldOn: on,
          participation,
          childWords: words.trim() || null,
          iroContactOn: 'iso' in contactRead ? contactRead.iso : null,
        }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Review recorded' } }),
    );
  };
  return (
    <FormPage
      title="Record a looked-after review"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Save review"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <DateInput name="heldOn" label="Date of the review" value={held} onChange={setHeld} error={errors.fields.heldOn} />
      <Radios
        name="participation"
        label="How the child took part"
        value={participation}
        onChange={setParticipation}
        options={Object.entries(PARTICIPATION_PLAIN).map(([value, label]) => ({ value, label }))}
        hint="What the council reports to the Department for Education about the review"
        error={errors.fields.participation}
      />
      <Textarea name="childWords" label="What the child said, in their own words" value={words} onChange={setWords} error={errors.fields.childWords} />
      <DateInput
        name="iroContactOn"
        label="When the IRO spoke with the child before the review"
        hint="Leave blank if the IRO did not"
        value={contact}
        onChange={setContact}
        error={errors.fields.iroContactOn}
      />
    </FormPage>
  );
}

export function MissingPage() {
  const r = useRecord();
  const navigate = useNavigate();
  const { errors, busy, send } = useSend({
    kind: 'kind',
    startedAt: 'startedAt-day',
    startedAtTime: 'startedAtTime',
    endedAt: 'endedAt-day',
    endedAtTime: 'endedAtTime',
    circumstances: 'circumstances',
  });
  const [kind, setKind] = useState('');
  const [startDate, setStartDate] = useState(dateParts(todayInEngland()));
  const [startTime, setStartTime] = useState('');
  const [endDate, setEndDate] = useState<DateParts>(EMPTY_DATE);
  const [endTime, setEndTime] = useState('');
  const [circumstances, setCircumstances] = useState('');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    if (!kind) problems.push(['kind', 'Say whether the child is missing or away']);
    const startedAt = readDateTime(problems, 'startedAt', startDate, startTime, 'When the child went missing');
    const endedAt = readDateTime(problems, 'endedAt', endDate, endTime, 'When the child returned', false);
    send(
      problems,
      () => lookedAfterApi.missing(r.childId, { kind, startedAt, endedAt, circumstances: circumstances.trim() || null }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Missing episode recorded' } }),
    );
  };
  return (
    <FormPage
      title="Record a missing or absent episode"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Save"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <Radios name="kind" label="Missing or away?" value={kind} onChange={setKind} options={options(MISSING_KIND)} error={errors.fields.kind} />
      <DateInput name="startedAt" label="Date the child went missing" value={startDate} onChange={setStartDate} error={errors.fields.startedAt} />
      <TextInput
        name="startedAtTime"
        label="Time the child went missing"
        hint="For example, 18:30"
        widthClass="govuk-input--width-5"
        value={startTime}
        onChange={setStartTime}
        error={errors.fields.startedAtTime}
      />
      <DateInput name="endedAt" label="Date the child returned (if they have)" value={endDate} onChange={setEndDate} error={errors.fields.endedAt} />
      <TextInput
        name="endedAtTime"
        label="Time the child returned"
        widthClass="govuk-input--width-5"
        value={endTime}
        onChange={setEndTime}
        error={errors.fields.endedAtTime}
      />
      <Textarea name="circumstances" label="What happened" value={circumstances} onChange={setCircumstances} error={errors.fields.circumstances} />
    </FormPage>
  );
}

export function MissingReturnPage() {
  const r = useRecord();
  const { missingId = '' } = useParams();
  const navigate = useNavigate();
  const { errors, busy, send } = useSend({
    endedAt: 'endedAt-day',
    endedAtTime: 'endedAtTime',
    rhiOfferedAt: 'rhiOfferedAt-day',
    rhiOfferedAtTime: 'rhiOfferedAtTime',
    rhiAccepted: 'rhiAccepted',
    rhiLearned: 'rhiLearned',
  });
  const [endDate, setEndDate] = useState<DateParts>(EMPTY_DATE);
  const [endTime, setEndTime] = useState('');
  const [offerDate, setOfferDate] = useState<DateParts>(EMPTY_DATE);
  const [offerTime, setOfferTime] = useState('');
  const [accepted, setAccepted] = useState('');
  const [learned, setLearned] = useState('');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const episode = (r.data.missing as Json[]).find((m) => m.missingId === missingId);
  if (!episode) return <ProblemPage problem={{ title: 'Not found', status: 404, detail: 'No such missing episode' }} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const endedAt = episode.endedAt ? undefined : readDateTime(problems, 'endedAt', endDate, endTime, 'When the child returned', false);
    const offeredAt = readDateTime(problems, 'rhiOfferedAt', offerDate, offerTime, 'When the interview was offered', false);
    send(
      problems,
      () =>
        lookedAfterApi.missingUpdate(r.childId, missingId, {
          version: episode.version,
          ...(endedAt !== undefined ? { endedAt } : {}),
          ...(offeredAt ? { rhiOfferedAt: offeredAt } : {}),
          ...(accepted ? { rhiAccepted: accepted === 'yes' } : {}),
          ...(learned.trim() ? { rhiLearned: learned.trim() } : {}),
        }),
      () => navigate(sectionPath(r.childId), { state: { notice: 'Missing episode updated' } }),
    );
  };
  return (
    <FormPage
      title="Record the return and the return home interview"
      caption={r.data.childName}
      errors={errors}
      busy={busy}
      submit="Save"
      onSubmit={submit}
      back={sectionPath(r.childId)}
    >
      <p className="govuk-body">
        Went missing {formatDateTime(episode.startedAt)}
        {episode.endedAt ? `; returned ${formatDateTime(episode.endedAt)}. The interview is due by ${formatDateTime(episode.rhiDueAt)}.` : '.'}
      </p>
      {episode.endedAt ? null : (
        <>
          <DateInput name="endedAt" label="Date the child returned" value={endDate} onChange={setEndDate} error={errors.fields.endedAt} />
          <TextInput
            name="endedAtTime"
            label="Time the child returned"
            widthClass="govuk-input--width-5"
            value={endTime}
            onChange={setEndTime}
            error={errors.fields.endedAtTime}
          />
        </>
      )}
      <DateInput
        name="rhiOfferedAt"
        label="Date the return home interview was offered"
        value={offerDate}
        onChange={setOfferDate}
        error={errors.fields.rhiOfferedAt}
      />
      <TextInput
        name="rhiOfferedAtTime"
        label="Time it was offered"
        widthClass="govuk-input--width-5"
        value={offerTime}
        onChange={setOfferTime}
        error={errors.fields.rhiOfferedAtTime}
      />
      <YesNo name="rhiAccepted" label="Did the child accept the interview?" value={accepted} onChange={setAccepted} error={errors.fields.rhiAccepted} />
      <Textarea name="rhiLearned" label="What was learned" value={learned} onChange={setLearned} error={errors.fields.rhiLearned} />
    </FormPage>
  );
}

// ---------------------------------------------------------------------------------------------
// The child's looked-after section

const RHI_STATE: Record<string, string> = {
  missing: 'Still missing',
  'offered-in-time': 'Offered in time',
  'offered-late': 'Offered late',
  overdue: 'Not offered: overdue',
  due: 'Due',
};

export function LookedAfterPage() {
  const r = useRecord();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  usePageTitle(r.data ? `Looked after – ${r.data.childName}` : 'Looked after');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  const d = r.data;
  const base = sectionPath(r.childId);
  const cur = d.current;
  return (
    <>
      <Link className="govuk-back-link" to={`/children/${r.childId}`}>
        Back to the child’s record
      </Link>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{d.childName}</span>
      <h1 className="govuk-heading-l">Looked after</h1>
      {d.repeatMissing ? (
        <div className="govuk-warning-text" data-testid="repeat-missing">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">Repeated missing episodes: flagged to the manager</strong>
        </div>
      ) : null}
      {d.canRecord || d.canApproveUnregistered ? (
        <ul className="govuk-list" data-testid="lac-steps">
          {d.canRecord && !cur ? (
            <li>
              <Link className="govuk-link" to={`${base}/start`}>
                Record the child becoming looked after
              </Link>
            </li>
          ) : null}
          {d.canRecord && cur ? (
            <>
              <li>
                <Link className="govuk-link" to={`${base}/change`}>
                  Record a change of placement or legal status
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/visit`}>
                  Record a visit
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/review`}>
                  Record a review
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/cease`}>
                  Record the child ceasing to be looked after
                </Link>
              </li>
            </>
          ) : null}
          {d.canRecord ? (
            <li>
              <Link className="govuk-link" to={`${base}/missing`}>
                Record a missing or absent episode
              </Link>
            </li>
          ) : null}
          {d.canApproveUnregistered ? (
            <li>
              <Link className="govuk-link" to={`${base}/approve-unregistered`}>
                Approve a placement with an unregistered provider
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      <h2 className="govuk-heading-m">Current placement</h2>
      {cur ? (
        <dl className="govuk-summary-list" data-testid="current-placement">
          <Row k="Since">{formatDate(cur.startDate)}</Row>
          <Row k="Legal status">{labelOf(LEGAL_STATUS, cur.legalStatus)}</Row>
          <Row k="Placement">{labelOf(PLACEMENT_TYPE, cur.placementType)}</Row>
          <Row k="Provider">{cur.providerName ?? cur.urn ?? 'None recorded'}</Row>
          {cur.unregisteredApproval ? (
            <Row k="Not registered for this care">
              Approved by {cur.unregisteredApproval.approvedBy} on {formatDate(cur.unregisteredApproval.approvedOn)}: {cur.unregisteredApproval.reasons}
            </Row>
          ) : null}
        </dl>
      ) : (
        <p className="govuk-body">Not looked after now.</p>
      )}

      <h2 className="govuk-heading-m">Deadlines</h2>
      <Table
        testId="lac-deadlines"
        head={['Deadline', 'Due', 'State']}
        rows={(d.deadlines as Json[]).map((o) => [RULE_LABELS[o.ruleId] ?? o.label, formatDate(o.dueDate), OBLIGATION_STATE_LABELS[o.state] ?? o.state])}
      />

      <h2 className="govuk-heading-m">Episodes</h2>
      <Table
        testId="episodes"
        head={['From', 'To', 'Reason', 'Legal status', 'Placement', 'Ended']}
        rows={(d.episodes as Json[]).map((e) => [
          formatDate(e.startDate),
          formatDate(e.endDate),
          labelOf(REASON_NEW_EPISODE, e.reasonNewEpisode),
          labelOf(LEGAL_STATUS, e.legalStatus),
          `${labelOf(PLACEMENT_TYPE, e.placementType)}${e.providerName ? ` – ${e.providerName}` : ''}`,
          e.reasonEnded ?? '',
        ])}
      />

      <h2 className="govuk-heading-m">Visits</h2>
      <Table
        testId="lac-visits"
        head={['Date', 'Seen', 'Where', 'The child’s words']}
        rows={(d.visits as Json[]).map((v) => [
          formatDate(v.visitedOn),
          v.childSeen ? (v.seenAlone ? 'Seen alone' : 'Seen') : 'Not seen',
          v.location ?? '',
          v.childWords ?? '',
        ])}
      />

      <h2 className="govuk-heading-m">Reviews</h2>
      <Table
        testId="lac-reviews"
        head={['Date', 'Chair', 'How the child took part', 'The child’s words', 'IRO saw the child']}
        rows={(d.reviews as Json[]).map((v) => [
          formatDate(v.heldOn),
          v.chair ?? '',
          PARTICIPATION_PLAIN[v.participation as keyof typeof PARTICIPATION_PLAIN] ?? v.participation,
          v.childWords ?? '',
          formatDate(v.iroContactOn) || 'No',
        ])}
      />

      <h2 className="govuk-heading-m">Missing and absent episodes</h2>
      <Table
        testId="missing-episodes"
        head={['Went', 'Returned', 'Return home interview', '']}
        rows={(d.missing as Json[]).map((m) => [
          `${formatDateTime(m.startedAt)} (${labelOf(MISSING_KIND, m.kind).toLowerCase()})`,
          formatDateTime(m.endedAt) || 'Still missing',
          `${RHI_STATE[m.rhiState] ?? m.rhiState}${m.rhiAccepted === true ? ', accepted' : m.rhiAccepted === false ? ', declined' : ''}${m.repeat ? ' – repeat' : ''}`,
          d.canRecord ? (
            <Link key="update" className="govuk-link" to={`${base}/missing/${m.missingId}`}>
              Update<span className="govuk-visually-hidden"> this episode</span>
            </Link>
          ) : (
            ''
          ),
        ])}
      />
    </>
  );
}

function Row({ k, children }: { k: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{k}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Table({ head, rows, testId }: { head: string[]; rows: ReactNode[][]; testId: string }) {
  if (!rows.length)
    return (
      <p className="govuk-body" data-testid={testId}>
        None recorded.
      </p>
    );
  return (
    <table className="govuk-table" data-testid={testId}>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((h) => (
            <th key={h} scope="col" className="govuk-table__header">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown in the server's order
          <tr key={i} className="govuk-table__row">
            {r.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={j} className="govuk-table__cell">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------
// Council-wide pages

export function ProvidersPage() {
  const { can } = useSession();
  const list = useLoad(() => lookedAfterApi.providers(), 'providers');
  const { errors, busy, send } = useSend({
    name: 'name',
    urn: 'urn',
    providerKind: 'providerKind',
    registrationStatus: 'registrationStatus',
    registeredFor: 'registeredFor',
    postcode: 'postcode',
  });
  const [p, setP] = useState({ name: '', urn: '', providerKind: '', placeProvider: '', registrationStatus: '', registeredFor: '', postcode: '' });
  usePageTitle('Providers register', hasErrors(errors));
  const set = (k: keyof typeof p) => (v: string) => setP({ ...p, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    if (!p.name.trim()) problems.push(['name', 'Enter the provider’s name']);
    if (!p.providerKind) problems.push(['providerKind', 'Choose what kind of provider it is']);
    if (!p.registrationStatus) problems.push(['registrationStatus', 'Choose its Ofsted registration']);
    send(
      problems,
      () =>
        lookedAfterApi.addProvider({
          name: p.name.trim(),
          urn: p.urn.trim() || null,
          providerKind: p.providerKind,
          placeProvider: p.placeProvider || null,
          registrationStatus: p.registrationStatus,
          registeredFor: p.registeredFor ? [p.registeredFor] : [],
          postcode: p.postcode.trim() || null,
        }),
      () => {
        setP({ name: '', urn: '', providerKind: '', placeProvider: '', registrationStatus: '', registeredFor: '', postcode: '' });
        list.reload();
      },
    );
  };
  return (
    <>
      <h1 className="govuk-heading-l">Providers register</h1>
      {list.data ? (
        <Table
          testId="providers"
          head={['Provider', 'Ofsted URN', 'Kind', 'Registration', 'Registered for']}
          rows={list.data.providers.map((x) => [
            x.name,
            x.urn ?? '',
            labelOf(PROVIDER_KIND, x.providerKind),
            labelOf(REGISTRATION_STATUS, x.registrationStatus),
            (x.registeredFor as string[]).join(', '),
          ])}
        />
      ) : (
        <Loading />
      )}
      {can('provider:manage') ? (
        <div className="govuk-grid-row">
          <form className="govuk-grid-column-two-thirds" onSubmit={submit} noValidate>
            <h2 className="govuk-heading-m">Add a provider</h2>
            <ErrorSummary items={errors.summary} />
            <TextInput name="name" label="Name" value={p.name} onChange={set('name')} error={errors.fields.name} />
            <TextInput name="urn" label="Ofsted URN" widthClass="govuk-input--width-10" value={p.urn} onChange={set('urn')} error={errors.fields.urn} />
            <Select
              name="providerKind"
              label="Kind of provider"
              value={p.providerKind}
              onChange={set('providerKind')}
              options={Object.entries(PROVIDER_KIND).map(([value, label]) => ({ value, label }))}
              placeholder="Choose"
              error={errors.fields.providerKind}
            />
            <Select
              name="placeProvider"
              label="PLACE_PROVIDER"
              value={p.placeProvider}
              onChange={set('placeProvider')}
              options={options(PLACEMENT_PROVIDER)}
              placeholder="None"
            />
            <Select
              name="registrationStatus"
              label="Ofsted registration"
              value={p.registrationStatus}
              onChange={set('registrationStatus')}
              options={Object.entries(REGISTRATION_STATUS).map(([value, label]) => ({ value, label }))}
              placeholder="Choose"
              error={errors.fields.registrationStatus}
            />
            <Select
              name="registeredFor"
              label="Registered for (placement type)"
              value={p.registeredFor}
              onChange={set('registeredFor')}
              options={options(PLACEMENT_TYPE)}
              placeholder="Nothing"
              error={errors.fields.registeredFor}
            />
            <TextInput
              name="postcode"
              label="Setting postcode"
              widthClass="govuk-input--width-10"
              value={p.postcode}
              onChange={set('postcode')}
              error={errors.fields.postcode}
            />
            <Button busy={busy}>Add provider</Button>
          </form>
        </div>
      ) : null}
    </>
  );
}

export function UnregisteredPlacementsPage() {
  const list = useLoad(() => lookedAfterApi.unregistered(), 'unregistered');
  usePageTitle('Children placed with unregistered providers');
  if (list.problem) return <ProblemPage problem={list.problem} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <h1 className="govuk-heading-l">Children placed with unregistered providers</h1>
      <p className="govuk-body">Every child placed now with a provider not registered for the care it gives, until the placement ends.</p>
      <Table
        testId="unregistered-placements"
        head={['Child', 'Provider', 'Placed', 'Approved', 'Last visit', 'Next visit due']}
        rows={list.data.placements.map((x) => [
          <Link key="c" className="govuk-link" to={sectionPath(x.childId)}>
            {x.childName}
          </Link>,
          `${x.providerName} (${labelOf(PLACEMENT_TYPE, x.placementType)})`,
          `${formatDate(x.placedOn)} (${x.daysPlaced} days)`,
          `${formatDate(x.approvedOn)} by ${x.approvedBy}`,
          formatDate(x.lastVisit) || 'None',
          `${formatDate(x.nextVisitDue)}${x.visitOverdue ? ' – overdue' : ''}`,
        ])}
      />
    </>
  );
}

export function MissingChildrenPage() {
  const list = useLoad(() => lookedAfterApi.missingChildren(), 'missing');
  usePageTitle('Missing children');
  if (list.problem) return <ProblemPage problem={list.problem} />;
  if (!list.data) return <Loading />;
  const d = list.data;
  const link = (x: Json) => (
    <Link key="child" className="govuk-link" to={sectionPath(x.childId)}>
      {x.childName}
    </Link>
  );
  return (
    <>
      <h1 className="govuk-heading-l">Missing children</h1>
      <h2 className="govuk-heading-m">Missing now</h2>
      <Table
        testId="missing-now"
        head={['Child', 'Since', 'Social worker']}
        rows={(d.missingNow as Json[]).map((x) => [link(x), formatDateTime(x.startedAt), x.socialWorker ?? 'Unallocated'])}
      />
      <h2 className="govuk-heading-m">Return home interviews not offered within 72 hours</h2>
      <Table
        testId="rhi-not-in-time"
        head={['Child', 'Returned', 'Due by', 'State']}
        rows={(d.rhiNotInTime as Json[]).map((x) => [link(x), formatDateTime(x.endedAt), formatDateTime(x.rhiDueAt), RHI_STATE[x.rhiState] ?? x.rhiState])}
      />
      <h2 className="govuk-heading-m">
        Repeated episodes ({d.repeatSetting.episodes} or more in {d.repeatSetting.days} days)
      </h2>
      <Table
        testId="repeat-flags"
        head={['Child', 'Episodes', 'Manager']}
        rows={(d.repeatFlags as Json[]).map((x) => [link(x), String(x.episodes), x.manager ?? ''])}
      />
      <h2 className="govuk-heading-m">Recent episodes</h2>
      <Table
        testId="recent-missing"
        head={['Child', 'Went', 'Returned', 'Interview']}
        rows={(d.recent as Json[]).map((x) => [
          link(x),
          formatDateTime(x.startedAt),
          formatDateTime(x.endedAt) || 'Still missing',
          RHI_STATE[x.rhiState] ?? x.rhiState,
        ])}
      />
    </>
  );
}
