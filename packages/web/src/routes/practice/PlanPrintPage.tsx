/**
 * The plan for the family, in plain English: their names, what will change, who will do what
 * and by when, and what happens if things do not change. Printed, or saved as a PDF, from the
 * browser's print; the site's header and links are left off the paper.
 */
import { useParams } from 'react-router';
import { type FamilyAction, practiceApi } from '../../api/practice.ts';
import { Button } from '../../components/fields.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { Back, plansPath } from './common.tsx';

const PRINT_CSS = `@media print {
  .govuk-header, .govuk-footer, .govuk-phase-banner, .govuk-skip-link, .lantern-no-print, nav { display: none !important; }
  .lantern-family-plan { font-size: 14pt; }
}`;

export function PlanPrintPage() {
  const { childId = '', planDocumentId = '' } = useParams();
  const loaded = useLoad(() => practiceApi.forFamily(childId, planDocumentId), `${childId}/${planDocumentId}`);
  usePageTitle(loaded.data ? `${loaded.data.title} – ${loaded.data.childName}` : 'The plan');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="plan" />;
  const p = loaded.data;
  const forWhom = [p.childName, ...p.familyNames].join(', ');
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="lantern-no-print">
        <Back to={`${plansPath(childId)}/${planDocumentId}`}>Back to the plan</Back>
        <Button type="button" onClick={() => window.print()}>
          Print, or save as a PDF
        </Button>
      </div>
      <article className="lantern-family-plan" data-testid="family-plan">
        <h1 className="govuk-heading-l">
          {p.title}: {p.childName}
        </h1>
        <p className="govuk-body">
          This plan is for {forWhom}. We agreed it together on {formatDate(p.agreedOn)}.
          {p.socialWorker ? ` ${p.childGivenName}’s social worker is ${p.socialWorker}.` : ''}
        </p>
        {p.outcomes.map((o, i) => (
          <section key={o.text}>
            <h2 className="govuk-heading-m">
              {i + 1}. {o.text}
            </h2>
            <p className="govuk-body">We will know this has happened when: {o.measure}</p>
            <Steps actions={o.actions} />
          </section>
        ))}
        {p.otherActions.length ? (
          <section>
            <h2 className="govuk-heading-m">Other things we will do</h2>
            <Steps actions={p.otherActions} />
          </section>
        ) : null}
        <h2 className="govuk-heading-m">If things do not change</h2>
        <p className="govuk-body lantern-pre-line">{p.contingency}</p>
        {p.placementPlan ? (
          <>
            <h2 className="govuk-heading-m">Where {p.childGivenName} lives</h2>
            <p className="govuk-body lantern-pre-line">{p.placementPlan}</p>
          </>
        ) : null}
      </article>
    </>
  );
}

function Steps({ actions }: { actions: FamilyAction[] }) {
  if (!actions.length) return null;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {actions.map((a) => (
        <li key={`${a.what}${a.who}`}>
          {a.who} will {a.what.charAt(0).toLowerCase()}
          {a.what.slice(1)} by {formatDate(a.dueOn)}.{a.done ? ' This is done.' : ''}
        </li>
      ))}
    </ul>
  );
}
