/** A missing child's return and the return home interview (the other looked-after steps are data: steps.ts). */
import { useParams } from 'react-router';
import type { FieldSpec } from '../../components/form-model.ts';
import { SpecForm } from '../../components/FormPage.tsx';
import { NotReady, ProblemPage } from '../../components/Notices.tsx';
import { formatDateTime } from '../../format.ts';
import { lookedAfterApi, sectionPath } from './api.ts';
import { useRecord } from './FormPage.tsx';

const RETURNED: FieldSpec = {
  name: 'endedAt',
  label: 'Date the child returned',
  dateLabel: 'When the child returned',
  kind: 'datetime',
  time: { label: 'Time the child returned' },
};

const INTERVIEW: FieldSpec[] = [
  {
    name: 'rhiOfferedAt',
    label: 'Date the return home interview was offered',
    dateLabel: 'When the interview was offered',
    kind: 'datetime',
    time: { label: 'Time it was offered' },
  },
  { name: 'rhiAccepted', label: 'Did the child accept the interview?', kind: 'yesno' },
  { name: 'rhiLearned', label: 'What was learned', kind: 'textarea' },
];

export function MissingReturnPage() {
  const r = useRecord();
  const { missingId = '' } = useParams();
  if (r.problem || !r.data) return <NotReady problem={r.problem} what="child" />;
  const episode = r.data.missing.find((m) => m.missingId === missingId);
  if (!episode) return <ProblemPage problem={{ title: 'Not found', status: 404, detail: 'No such missing episode' }} />;
  // The return is asked only of a child not yet back; what is not answered is not sent.
  return (
    <SpecForm
      title="Record the return and the return home interview"
      caption={r.data.childName}
      back={{ to: sectionPath(r.childId) }}
      submit="Save"
      notice="Missing episode updated"
      fields={episode.endedAt ? INTERVIEW : [RETURNED, ...INTERVIEW]}
      intro={
        <p className="govuk-body">
          Went missing {formatDateTime(episode.startedAt)}
          {episode.endedAt ? `; returned ${formatDateTime(episode.endedAt)}. The interview is due by ${formatDateTime(episode.rhiDueAt)}.` : '.'}
        </p>
      }
      body={(read) => ({
        version: episode.version,
        ...Object.fromEntries(Object.entries(read).filter(([name, v]) => v !== null || name === 'endedAt')),
      })}
      send={(body) => lookedAfterApi.missingUpdate(r.childId, missingId, body)}
    />
  );
}
