/** One page for every fostering form of a household (forms.ts), and the enquiry that opens a new household. */
import { useParams } from 'react-router';
import { type HouseholdView, fosteringApi } from '../../api/fostering.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { Loading, ProblemPage } from '../../components/Notices.tsx';
import { todayInEngland } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { ENQUIRY_FIELDS, ENQUIRY_SCHEMA, FOSTERING_FORMS, type FosteringFormSpec } from './forms.ts';

export const householdPath = (householdId: string) => `/fostering/households/${householdId}`;

export function FosteringFormPage() {
  const { householdId = '', form = '' } = useParams();
  const spec = FOSTERING_FORMS[form];
  const loaded = useLoad(() => fosteringApi.household(householdId), householdId);
  if (!spec) return <ProblemPage problem={{ title: 'Not found', status: 404 }} what="page" />;
  if (loaded.problem) return <ProblemPage problem={loaded.problem} what="household" />;
  if (!loaded.data) return <Loading />;
  return <HouseholdForm key={form} spec={spec} household={loaded.data} />;
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
