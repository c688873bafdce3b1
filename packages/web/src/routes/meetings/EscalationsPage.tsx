/** Open IRO concerns: the council's for the head of service, else those you raised or must answer. */
import type { Escalation } from '../../api/meetings.ts';
import { meetingsApi } from '../../api/meetings.ts';
import { NotReady } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { EscalationSummary } from './MeetingsPage.tsx';

export function EscalationsPage() {
  usePageTitle('IRO concerns (dispute resolution)');
  const list = useLoad(() => meetingsApi.openEscalations(), 'open');
  if (list.problem || !list.data) return <NotReady problem={list.problem} />;
  return (
    <>
      <h1 className="govuk-heading-l">IRO concerns (dispute resolution)</h1>
      <p className="govuk-body">
        Concerns raised by independent reviewing officers that are not yet resolved. Each stage — team manager, service manager, head of service, director — is
        due an answer within the council’s time.
      </p>
      {list.data.length === 0 ? <p className="govuk-body">No concerns are open.</p> : null}
      {list.data.map((e) => {
        const escalation: Escalation = {
          escalationId: e.escalation_id,
          raisedOn: e.raised_on,
          raisedByName: e.raised_by_name,
          raisedByWorkerId: '',
          concern: e.concern,
          stage: e.stage,
          resolvedOn: null,
          resolution: null,
          version: 0,
          stages: e.stages,
        };
        return <EscalationSummary key={e.escalation_id} childId={e.child_id} escalation={escalation} childName={e.child_name} />;
      })}
    </>
  );
}
