/**
 * Deadlines (obligations) as a practitioner reads them: the state as a GOV.UK tag, and the kind
 * of rule behind each, so a council's own policy is never shown as if it were the law.
 */
import type { ObligationView } from '../api/types.ts';
import { capitalise, formatDate, plural } from '../format.ts';
import { TableHead } from './TableHead.tsx';
import { Details } from './Details.tsx';

const STATE: Record<string, { text: string; tag: string }> = {
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  due: { text: 'Due', tag: 'govuk-tag--blue' },
  'met-on-time': { text: 'Met on time', tag: 'govuk-tag--green' },
  'met-late': { text: 'Met late', tag: 'govuk-tag--orange' },
  ended: { text: 'No longer needed', tag: 'govuk-tag--grey' },
};

export function ObligationStateTag({ state }: { state: string }) {
  const s = STATE[state] ?? { text: capitalise(state.replace(/-/g, ' ')), tag: 'govuk-tag--grey' };
  return <strong className={`govuk-tag ${s.tag} lantern-nowrap`}>{s.text}</strong>;
}

/** The kind of rule: law, statutory guidance, or the council's own policy. */
export const RULE_KIND: Record<string, { label: string; hint: string }> = {
  statute: { label: 'Law', hint: 'Set by an Act or regulations' },
  guidance: { label: 'Statutory guidance', hint: 'Working Together and other guidance the council must follow unless it has good reason not to' },
  policy: { label: 'Council policy', hint: 'Set by the council’s own procedures, not by law' },
};

export function ruleKindLabel(kind: string): string {
  return RULE_KIND[kind]?.label ?? capitalise(kind);
}

const ORDER: Record<string, number> = { overdue: 0, due: 1, 'met-late': 2, 'met-on-time': 2, ended: 3 };

/** Overdue first (longest overdue first), then due soonest first, then those met, latest first. */
export function sortObligations(list: ObligationView[]): ObligationView[] {
  return [...list].sort((a, b) => {
    const rank = (ORDER[a.state] ?? 4) - (ORDER[b.state] ?? 4);
    if (rank !== 0) return rank;
    if (a.state === 'overdue' || a.state === 'due') return a.dueDate.localeCompare(b.dueDate);
    return (b.metOn ?? b.endedOn ?? b.dueDate).localeCompare(a.metOn ?? a.endedOn ?? a.dueDate);
  });
}

/** '3 days overdue', or the date it was met or ended. */
function stateDetail(o: ObligationView): string {
  if (o.state === 'overdue') return `${plural(o.daysOverdue, 'day', 'days')} overdue`;
  if (o.metOn) return `Met ${formatDate(o.metOn)}`;
  if (o.endedOn) return `Ended ${formatDate(o.endedOn)}`;
  return '';
}

/**
 * A child's deadlines: those still to meet (overdue first), then, folded away, those met or no
 * longer needed. Each with what must happen, by when, where it stands and the kind of rule.
 */
export function ChildObligations({ obligations }: { obligations: ObligationView[] }) {
  if (obligations.length === 0) return <p className="govuk-body">There are no deadlines for this child now.</p>;
  const sorted = sortObligations(obligations);
  const open = sorted.filter((o) => o.state === 'overdue' || o.state === 'due');
  const done = sorted.filter((o) => o.state !== 'overdue' && o.state !== 'due');
  return (
    <div data-testid="deadlines">
      {open.length ? <ObligationTable rows={open} caption="Deadlines still to meet, overdue first" /> : <p className="govuk-body">Nothing is due now.</p>}
      {done.length ? (
        <Details summary={`Deadlines met or no longer needed (${done.length})`}>
          <ObligationTable rows={done} caption="Deadlines met or no longer needed, latest first" />
        </Details>
      ) : null}
    </div>
  );
}

function ObligationTable({ rows, caption }: { rows: ObligationView[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <TableHead columns={['What must happen', 'Due', 'State', 'Rule', 'Responsible']} />
      <tbody className="govuk-table__body">
        {rows.map((o) => (
          <tr className="govuk-table__row" key={`${o.ruleId}-${o.startDate}-${o.dueDate}`} data-rule={o.ruleId} data-state={o.state}>
            <th scope="row" className="govuk-table__header lantern-cell-normal">
              {o.label}
              <span className="govuk-body-s lantern-block lantern-secondary">{capitalise(o.what)}</span>
            </th>
            <td className="govuk-table__cell lantern-nowrap">{formatDate(o.dueDate)}</td>
            <td className="govuk-table__cell">
              <ObligationStateTag state={o.state} />
              {stateDetail(o) ? <span className="govuk-body-s lantern-block lantern-secondary">{stateDetail(o)}</span> : null}
            </td>
            <td className="govuk-table__cell">{ruleKindLabel(o.kind)}</td>
            <td className="govuk-table__cell">{o.responsibleWorker ?? o.responsibleTeam ?? <span className="lantern-secondary">Not allocated</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "2 overdue, 3 due" for a summary line. */
export function countsText(counts: { overdue: number; due: number }): string {
  return `${counts.overdue} overdue, ${counts.due} due`;
}
