/** One page for every fostering form of a household (forms.ts), and the enquiry that opens a new household. */
import { type HouseholdView, fosteringApi } from '../../api/fostering.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { FormRoute } from '../../components/FormRoute.tsx';
import { todayInEngland } from '../../format.ts';
import { ENQUIRY_FIELDS, ENQUIRY_SCHEMA, FOSTERING_FORMS, type FosteringFormSpec } from './forms.ts';

export const householdPath = (householdId: string) => `/fostering/households/${householdId}`;

export function FosteringFormPage() {
  return (
    <FormRoute
      forms={FOSTERING_FORMS}
      param="householdId"
      what="household"
      load={fosteringApi.household}
      render={(spec, household) => <HouseholdForm spec={spec} household={household} />}
    />
  );
}

function HouseholdForm({ spec, household }: { spec: FosteringFormSpec; household: HouseholdView }) {
  const dateField = spec.fields.find((f) => f.kind === 'date')?.name;
  return (
    <SpecForm
      title={spec.title}
      submit={spec.submit}
      notice={spec.notice}
      fields={spec.fields}
      schema={spec.schema}
      caption={household.name}
      pageTitle={`${spec.title}: ${household.name}`}
      back={{ to: householdPath(household.householdId), hidden: `to ${household.name}` }}
      initial={dateField ? { [dateField]: todayInEngland() } : {}}
      reason={spec.whyNot?.(household) ?? null}
      body={(read) => {
        const body = { ...read, ...spec.fixed, ...(spec.versioned ? { version: household.version } : {}) };
        return spec.toBody ? spec.toBody(body) : body;
      }}
      send={(body) => fosteringApi.send(household.householdId, spec.path, body)}
    />
  );
}

/** A new household: the enquiry from a prospective foster carer. */
export function NewHouseholdPage() {
  return (
    <SpecForm
      title="Record an enquiry from a prospective foster carer"
      submit="Save the enquiry"
      notice="Enquiry recorded. Record the application when it comes."
      fields={ENQUIRY_FIELDS}
      schema={ENQUIRY_SCHEMA}
      back={{ to: '/fostering', hidden: 'to foster carers' }}
      initial={{ enquiryOn: todayInEngland(), kind: 'mainstream' }}
      send={(body) => fosteringApi.enquiry(body)}
      next={(made) => householdPath((made as { householdId: string }).householdId)}
    />
  );
}
