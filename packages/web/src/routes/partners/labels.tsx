import { PARTNER_REQUEST_STATE, type PartnerRequestState } from '@lantern/core/partners';

const TAG: Record<PartnerRequestState, string> = {
  awaiting: 'govuk-tag--blue',
  'reminder-due': 'govuk-tag--yellow',
  'overdue-escalated': 'govuk-tag--red',
  answered: 'govuk-tag--green',
  'answered-late': 'govuk-tag--orange',
  withdrawn: 'govuk-tag--grey',
};

/** Where a request stands, as a GOV.UK tag. */
export function RequestStateTag({ state }: { state: string }) {
  const s = state as PartnerRequestState;
  return (
    <strong className={`govuk-tag ${TAG[s] ?? 'govuk-tag--grey'}`} data-state={state}>
      {PARTNER_REQUEST_STATE[s] ?? state}
    </strong>
  );
}

export const AGENCY_LABEL: Record<string, string> = {
  police: 'Police',
  health: 'Health',
  education: 'Education',
  housing: 'Housing',
  probation: 'Probation',
  'youth-justice': 'Youth justice',
  other: 'Voluntary and other',
};
