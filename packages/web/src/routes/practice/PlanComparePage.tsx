/** Two versions of a plan compared: what changed, in words. */
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { practiceApi } from '../../api/practice.ts';
import { Button, Select } from '../../components/fields.tsx';
import { Loading, NotReady } from '../../components/Notices.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { Back, plansPath } from './common.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Dates inside the change's words read as dates. */
const words = (text: string | null) => (text ?? '—').replace(/\d{4}-\d{2}-\d{2}/g, (d) => (ISO.test(d) ? formatDate(d) : d));

export function PlanComparePage() {
  const { childId = '', planDocumentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const from = Number(params.get('from') ?? 1);
  const to = Number(params.get('to') ?? 2);
  const plan = useLoad(() => practiceApi.plan(childId, planDocumentId), `${childId}/${planDocumentId}`);
  const compared = useLoad(() => practiceApi.compare(childId, planDocumentId, from, to), `${planDocumentId}/${from}/${to}`);
  const [choice, setChoice] = useState({ from: String(from), to: String(to) });
  usePageTitle('Compare versions of the plan');
  if (plan.problem || !plan.data) return <NotReady problem={plan.problem} what="plan" />;
  const versions = plan.data.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}, ${formatDateTime(v.changedAt)}` }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ from: choice.from, to: choice.to });
  };
  return (
    <>
      <Back to={`${plansPath(childId)}/${planDocumentId}`}>Back to the plan</Back>
      <span className="govuk-caption-l">{plan.data.childName}</span>
      <h1 className="govuk-heading-l">Compare versions of the {plan.data.kindLabel.toLowerCase()}</h1>
      <form onSubmit={onSubmit} className="lantern-inline-form">
        <Select name="from" label="From" options={versions} value={choice.from} onChange={(v) => setChoice((c) => ({ ...c, from: v }))} />
        <Select name="to" label="To" options={versions} value={choice.to} onChange={(v) => setChoice((c) => ({ ...c, to: v }))} />
        <Button secondary>Compare</Button>
      </form>
      {compared.problem ? (
        <p className="govuk-body">
          {versions.length < 2 ? 'This plan has one version so far: nothing to compare yet.' : (compared.problem.detail ?? compared.problem.title)}
        </p>
      ) : null}
      {compared.data ? (
        compared.data.changes.length === 0 ? (
          <p className="govuk-body">Nothing changed between these versions.</p>
        ) : (
          <table className="govuk-table" data-testid="plan-changes">
            <caption className="govuk-table__caption govuk-table__caption--m">
              What changed from version {from} to version {to}
            </caption>
            <TableHead columns={['Change', 'Before', 'After']} />
            <tbody className="govuk-table__body">
              {compared.data.changes.map((c) => (
                <tr className="govuk-table__row" key={`${c.what}|${c.from}|${c.to}`}>
                  <td className="govuk-table__cell">{c.what}</td>
                  <td className="govuk-table__cell">{words(c.from)}</td>
                  <td className="govuk-table__cell">{words(c.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : compared.problem ? null : (
        <Loading />
      )}
    </>
  );
}
