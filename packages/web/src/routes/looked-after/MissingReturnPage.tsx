/** A missing child's return and the return home interview (the other looked-after steps are data: steps.ts). */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DateInput, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { type DateParts, EMPTY_DATE, formatDateTime } from '../../format.ts';
import { type Problems, readDateTime, useSend } from '../../components/forms.ts';
import { lookedAfterApi, sectionPath } from './api.ts';
import { FormPage, useRecord } from './FormPage.tsx';

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
  const episode = r.data.missing.find((m) => m.missingId === missingId);
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
