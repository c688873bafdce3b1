/** A looked-after child's visits, reviews and missing episodes. */
import { MISSING_KIND } from '@lantern/core/looked-after';
import { PARTICIPATION_PLAIN } from '@lantern/core/meetings';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DateInput, Radios, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, dateFromParts, dateParts, EMPTY_DATE, formatDateTime, todayInEngland } from '../../format.ts';
import { type Problems, readDate, readDateTime, useSend } from '../../components/forms.ts';
import { type Json, lookedAfterApi, options, sectionPath } from './api.ts';
import { FormPage, useRecord } from './FormPage.tsx';

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
    const on = readDate(problems, 'visitedOn', date, { what: 'the date of the visit', label: 'The date of the visit', future: true });
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
    const on = readDate(problems, 'heldOn', held, { what: 'the date of the review', label: 'The date of the review', future: true });
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
