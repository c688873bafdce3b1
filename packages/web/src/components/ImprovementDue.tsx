import { Link } from 'react-router';
import { improvementApi } from '../api/performance.ts';
import { formatDate } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { useSession } from '../session.tsx';
import { ParagraphLink } from './ParagraphLink.tsx';

/**
 * Improvement-plan actions overdue or off track, on the worklist: the user's own, and for those
 * managing the plan (the director), every owner's. Nothing is shown when there are none.
 */
export function ImprovementDue() {
  const { can } = useSession();
  const view = can('improvement:manage') ? 'all' : 'mine';
  const allowed = can('improvement:read');
  const due = useLoad(() => (allowed ? improvementApi.worklist(view) : Promise.resolve({ actions: [] })), `improvement-due-${view}`);
  const actions = due.data?.actions ?? [];
  if (!actions.length) return null;
  return (
    <div className="govuk-inset-text" data-testid="improvement-due">
      <h2 className="govuk-heading-s">
        {actions.length} improvement action{actions.length === 1 ? '' : 's'} overdue or off track{view === 'all' ? '' : ' of yours'}
      </h2>
      <ul className="govuk-list">
        {actions.slice(0, 5).map((a) => (
          <li key={a.actionId}>
            <Link className="govuk-link" to={`/improvement/actions/${a.actionId}`}>
              {a.title}
            </Link>{' '}
            — {a.ownerName}, due {formatDate(a.dueDate)}
            {a.status === 'off-track' ? ', off track' : ''}
          </li>
        ))}
      </ul>
      <ParagraphLink to="/improvement">The improvement plan</ParagraphLink>
    </div>
  );
}
