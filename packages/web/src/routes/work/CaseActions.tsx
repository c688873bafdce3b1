/** The day's work's forms for this child, offered only to those who may use them: transfers, the IRO, work sent to a manager. */
import { Link } from 'react-router';
import { type ChildDueView, workApi } from '../../api/work.ts';
import { useLoad } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

export function CaseActions({ childId, name, data }: { childId: string; name: string; data: ChildDueView }) {
  const { can } = useSession();
  const requests = useLoad(() => workApi.decisionRequests(childId), `requests:${childId}`).data?.requests ?? [];
  const s = data.status;
  const open = data.transfer?.status === 'requested';
  const links: [string, string][] = [];
  if (open && can('transfer:decide')) links.push(['transfer-decision', 'Answer the transfer offered to your team']);
  if (!open && can('transfer:request') && (s.team || s.inNeed)) links.push(['transfer', 'Ask another team to take the case']);
  if (can('iro:allocate') && (s.lookedAfter || s.protectionPlan || s.iro)) links.push(['iro', s.iro ? 'Change the IRO' : 'Allocate an IRO']);
  if (can('casework:record') && s.inNeed) links.push(['send-closure', 'Send a closure or step-down to your manager']);
  if (can('casework:record') && s.inNeed) links.push(['send-plan', 'Send a plan to your manager to authorise']);
  for (const r of requests) {
    if (r.status === 'requested' && r.mayDecide)
      links.push([`decide?request=${r.requestId}`, `Decide: ${r.what.toLowerCase()}, sent by ${r.sentBy ?? 'a worker'}`]);
    if (r.status === 'returned' && can('casework:record'))
      links.push([
        `${r.kind === 'plan' ? 'send-plan' : 'send-closure'}?request=${r.requestId}`,
        `${r.what} returned by ${r.decidedBy ?? 'your manager'}: change it and send it again`,
      ]);
  }
  if (links.length === 0) return null;
  return (
    <ul className="govuk-list" data-testid="case-actions">
      {links.map(([form, text]) => (
        <li key={form}>
          <Link className="govuk-link" to={`/children/${childId}/work/${form}`}>
            {text}
            <span className="govuk-visually-hidden"> for {name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
