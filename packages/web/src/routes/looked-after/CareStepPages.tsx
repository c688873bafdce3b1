/** Coming into care, a change of placement or legal status, ceasing, and the director's approval of an unregistered provider. */
import { CATEGORY_OF_NEED, LEGAL_STATUS, PLACEMENT_TYPE, REASON_CEASED, REASON_PLACE_CHANGE, REGISTRATION_STATUS } from '@lantern/core/looked-after';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { DateInput, Select, Textarea, TextInput, YesNo } from '../../components/fields.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { dateParts, labelOf, todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { type Problems, readDate, useSend } from '../../components/forms.ts';
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

export function CeaseCarePage() {
  const r = useRecord();
  const navigate = useNavigate();
  const { errors, busy, send } = useSend({ endDate: 'endDate-day', reasonEnded: 'reasonEnded' });
  const [date, setDate] = useState(dateParts(todayInEngland()));
  const [reason, setReason] = useState('');
  if (r.problem) return <ProblemPage problem={r.problem} what="child" />;
  if (!r.data) return <Loading />;
  // A child not looked after has no care to end: said, rather than loading for ever.
  if (!r.data.current) return <ProblemPage problem={{ title: 'Not looked after', status: 409, detail: 'The child is not looked after.' }} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const on = readDate(problems, 'endDate', date, { what: 'the date care ended', label: 'The date care ended', future: true });
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
    const on = readDate(problems, 'approvedOn', date, { what: 'the date of approval', label: 'The date of approval', future: true });
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
