/** Coming into care, a change of placement or legal status, ceasing, and the director's approval of an unregistered provider. */
import { CATEGORY_OF_NEED, LEGAL_STATUS, REASON_PLACE_CHANGE } from '@lantern/core/looked-after';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { DateInput, Select, TextInput, YesNo } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { dateParts, labelOf, todayInEngland } from '../../format.ts';
import { type Problems, readDate, useSend } from '../../components/forms.ts';
import { StepFormPage } from './StepFormPage.tsx';
import { STEPS } from './steps.ts';
import { lookedAfterApi, options, sectionPath } from './api.ts';
import { FormPage, NO_PLACEMENT, PlacementFields, placementAnchors, placementBody, providerProblems, useRecord } from './FormPage.tsx';

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
    const date = readDate(problems, 'startDate', startDate, {
      what: 'the date the child became looked after',
      label: 'The date the child became looked after',
      future: true,
    });
    if (!legalStatus) problems.push(['legalStatus', 'Choose the legal status']);
    if (!need) problems.push(['categoryOfNeed', 'Choose the category of need']);
    if (!placement.placementType) problems.push(['placementType', 'Choose the placement type']);
    problems.push(...providerProblems(placement, legalStatus, ''));
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
      <PlacementFields value={placement} onChange={setPlacement} errors={errors} prefix="" legalStatus={legalStatus} />
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
    const on = readDate(problems, 'date', date, { what: 'the date of the change', label: 'The date of the change', future: true });
    const move = moves === 'yes';
    if (!legalStatus && !move) problems.push(['legalStatus', 'Choose a new legal status, or say the placement changes']);
    if (move && !placement.placementType) problems.push(['placement.placementType', 'Choose the new placement type']);
    if (move) problems.push(...providerProblems(placement, legalStatus || current.legalStatus, 'placement.'));
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
          <PlacementFields value={placement} onChange={setPlacement} errors={errors} prefix="placement." legalStatus={legalStatus || current.legalStatus} />
        </>
      ) : null}
    </FormPage>
  );
}

export const CeaseCarePage = () => <StepFormPage spec={STEPS.cease} />;
export const ApproveUnregisteredPage = () => <StepFormPage spec={STEPS.approve} />;
