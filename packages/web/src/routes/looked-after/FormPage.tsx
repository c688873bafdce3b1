/** What the looked-after forms share: the page around a form, the child's record, and a placement's fields. */
import { PLACEMENT_PROVIDER, PLACEMENT_TYPE, REGISTRATION_STATUS } from '@lantern/core/looked-after';
import { placementNeeds, placementProblems } from '@lantern/core/looked-after';
import { useParams } from 'react-router';
import type { FormErrors } from '../../components/errors.ts';
import { Select } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import type { FieldSpec } from '../../components/form-model.ts';
import { FormShell } from '../../components/FormPage.tsx';
import { labelOf } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import type { Problems } from '../../components/forms.ts';
import { fosteringApi } from '../../api/fostering.ts';
import { useSession } from '../../session.tsx';
import { lookedAfterApi, options } from './api.ts';

/** The page around a looked-after form (the shared shell, its back link to the child's record). */
export function FormPage({ back, ...rest }: Omit<Parameters<typeof FormShell>[0], 'back'> & { back: string }) {
  return <FormShell {...rest} back={{ to: back }} />;
}

/** The child's looked-after record, loaded for a form. */
export function useRecord() {
  const { childId = '' } = useParams();
  const loaded = useLoad(() => lookedAfterApi.record(childId), childId);
  return { childId, ...loaded };
}

export type PlacementState = {
  placementType: string;
  placementProvider: string;
  providerId: string;
  urn: string;
  placementPostcode: string;
  intendedUntil18: string;
  fosterHouseholdId: string;
};
export const NO_PLACEMENT: PlacementState = {
  placementType: '',
  placementProvider: '',
  providerId: '',
  urn: '',
  placementPostcode: '',
  intendedUntil18: '',
  fosterHouseholdId: '',
};

/** SSDA903 foster placements (U1–U6): the ones that may name an in-house carer household. */
const FOSTER_PLACEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

/** The council's own approved carers whose terms fit the child with a free place (for the child's social worker). */
function InHouseCarers({ name, value, onChange, error }: { name: string; value: string; onChange: (v: string) => void; error: string | undefined }) {
  const { childId = '' } = useParams();
  const { can } = useSession();
  const carers = useLoad(() => (can('carer:read') ? fosteringApi.carersFor(childId) : Promise.resolve(null)), childId);
  if (!carers.data) return null;
  return (
    <Select
      name={name}
      label="In-house foster carers (the council’s own)"
      hint={`Approved households whose terms fit ${carers.data.child.name} and have a free place today. Leave as None for an agency’s or another council’s carers.`}
      value={value}
      onChange={onChange}
      options={carers.data.fits.map((h) => ({ value: h.householdId, label: `${h.name} (${h.reference}): ${h.termsText ?? ''}` }))}
      placeholder="None"
      error={error}
    />
  );
}

export function PlacementFields({
  value,
  onChange,
  errors,
  prefix,
  legalStatus,
}: {
  value: PlacementState;
  onChange: (v: PlacementState) => void;
  errors: FormErrors;
  prefix: string;
  legalStatus: string;
}) {
  const providers = useLoad(() => lookedAfterApi.providers(), 'providers');
  const fields: FieldSpec[] = [
    { name: 'placementType', label: 'Placement type', kind: 'select', options: options(PLACEMENT_TYPE) },
    {
      name: 'providerId',
      label: 'Provider (from the providers register)',
      hint: placementNeeds(value.placementType, legalStatus).hint,
      kind: 'select',
      options: (providers.data?.providers ?? []).map((p) => ({
        value: p.providerId,
        label: `${p.name}${p.urn ? ` (${p.urn})` : ''} – ${labelOf(REGISTRATION_STATUS, p.registrationStatus)}`,
      })),
      placeholder: 'None',
    },
    {
      name: 'placementProvider',
      label: 'Who provides the placement (PLACE_PROVIDER)',
      kind: 'select',
      options: options(PLACEMENT_PROVIDER),
      placeholder: 'None',
    },
    { name: 'urn', label: 'Ofsted URN, if no provider is chosen', kind: 'text', width: 'govuk-input--width-10' },
    { name: 'placementPostcode', label: 'Placement postcode', kind: 'text', width: 'govuk-input--width-10' },
    { name: 'fosterHouseholdId', label: 'In-house foster carers', kind: 'custom' },
    { name: 'intendedUntil18', label: 'Is the placement intended to last until the child is 18?', kind: 'yesno' },
  ];
  const set = (k: string) => (v: string) => onChange({ ...value, [k]: v });
  return (
    <FormFields
      fields={fields}
      values={value}
      errors={errors.fields}
      prefix={prefix}
      onChange={(k, v) => set(k)(v as string)}
      custom={{
        fosterHouseholdId: FOSTER_PLACEMENTS.includes(value.placementType) ? (
          <InHouseCarers
            name={`${prefix}fosterHouseholdId`}
            value={value.fosterHouseholdId}
            onChange={set('fosterHouseholdId')}
            error={errors.fields[`${prefix}fosterHouseholdId`]}
          />
        ) : null,
      }}
    />
  );
}

export const placementBody = (p: PlacementState) => ({
  placementType: p.placementType || undefined,
  placementProvider: p.placementProvider || null,
  providerId: p.providerId || null,
  urn: p.urn.trim() || null,
  placementPostcode: p.placementPostcode.trim() || null,
  intendedUntil18: p.intendedUntil18 === 'yes',
  fosterHouseholdId: FOSTER_PLACEMENTS.includes(p.placementType) ? p.fosterHouseholdId || null : null,
});

/** The SSDA903 rules on who provides the placement, checked before saving as the server will check them. */
export function providerProblems(p: PlacementState, legalStatus: string, prefix: string): Problems {
  if (!p.placementType) return [];
  const facts = { ...placementBody(p), placementType: p.placementType, legalStatus, homePostcode: 'unchecked here' };
  return placementProblems(facts, prefix)
    .filter((x) => x.field === `${prefix}placementProvider` || x.field === `${prefix}urn`)
    .map((x) => [x.field, x.message]);
}

export const placementAnchors = (prefix: string) =>
  Object.fromEntries(
    ['placementType', 'providerId', 'placementProvider', 'urn', 'placementPostcode', 'fosterHouseholdId'].map((f) => [`${prefix}${f}`, `${prefix}${f}`]),
  );
