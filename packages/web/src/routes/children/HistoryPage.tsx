import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { Loading, NotReady } from '../../components/Notices.tsx';
import { fullName } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { AddCaseNoteForm } from './AddCaseNoteForm.tsx';
import { ChronologySearch } from '../practice/ChronologySearch.tsx';
import { Chronology } from './Chronology.tsx';
import { PageSection } from '../../components/PageSection.tsx';

/** The child's history: the chronology, newest first, and a case note added to it. */
export function HistoryPage() {
  const { childId = '' } = useParams();
  const record = useLoad(() => api.children.get(childId), childId);
  const chronology = useLoad(() => api.children.chronology(childId), childId);
  const name = record.data ? fullName(record.data.child) : 'Child';
  usePageTitle(`History – ${name}`);
  if (record.problem || !record.data) return <NotReady problem={record.problem} what="child" />;
  return (
    <>
      <span className="govuk-caption-l">History</span>
      <h1 className="govuk-heading-l">{name}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${childId}`}>
          Back to {name}’s page
        </Link>
      </p>
      <PageSection id="chronology-heading" heading="Chronology">
        {record.data.canAddNote ? <AddCaseNoteForm childId={childId} onAdded={chronology.reload} /> : null}
        <ChronologySearch childId={childId} />
        {chronology.problem ? (
          <p className="govuk-body">The chronology could not be loaded: {chronology.problem.detail ?? chronology.problem.title}</p>
        ) : chronology.data ? (
          <Chronology entries={chronology.data.entries} />
        ) : (
          <Loading />
        )}
      </PageSection>
    </>
  );
}
