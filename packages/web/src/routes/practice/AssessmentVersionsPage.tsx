/** Every version of a written assessment: who saved it, when, where it was, what changed; each readable in full. */
import { ASSESSMENT_RECORD_STATUS } from '@lantern/core/practice';
import { useParams } from 'react-router';
import { practiceApi } from '../../api/practice.ts';
import { NotReady } from '../../components/Notices.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { Back } from './common.tsx';
import { ASSESSMENT_FIELDS } from './forms.ts';
import { Details } from '../../components/Details.tsx';

export function AssessmentVersionsPage() {
  const { childId = '', assessmentId = '' } = useParams();
  const loaded = useLoad(() => practiceApi.assessmentVersions(childId, assessmentId), `${childId}/${assessmentId}`);
  usePageTitle('Versions of the assessment');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="assessment" />;
  const versions = [...loaded.data.versions].reverse();
  return (
    <>
      <Back to={`/children/${childId}/assessments/${assessmentId}`}>Back to the assessment</Back>
      <h1 className="govuk-heading-l">Versions of the assessment</h1>
      {versions.length === 0 ? <p className="govuk-body">Nothing has been written yet.</p> : null}
      {versions.map((v) => (
        <div className="lantern-record" key={v.version} data-testid="assessment-version">
          <h2 className="govuk-heading-s">
            Version {v.version}: {ASSESSMENT_RECORD_STATUS[v.status as keyof typeof ASSESSMENT_RECORD_STATUS] ?? v.status}
          </h2>
          <p className="govuk-body-s lantern-secondary">
            {formatDateTime(v.changedAt)}
            {v.changedBy ? `, by ${v.changedBy}` : ''}
          </p>
          {v.returnReasons && v.status === 'returned' ? <p className="govuk-body">Why it was returned: {v.returnReasons}</p> : null}
          <p className="govuk-body">
            {v.changedSections.length ? `Changed: ${v.changedSections.map((s) => s.label.toLowerCase()).join('; ')}` : 'No words changed.'}
          </p>
          <Details summary={`Read version ${v.version}`}>
            {ASSESSMENT_FIELDS.filter((f) => f.kind === 'textarea').map((f) => (
              <div key={f.name}>
                <h3 className="govuk-heading-s">{f.label}</h3>
                <p className="govuk-body lantern-pre-line">{v.sections[f.name] || 'Not written.'}</p>
              </div>
            ))}
          </Details>
        </div>
      ))}
    </>
  );
}
