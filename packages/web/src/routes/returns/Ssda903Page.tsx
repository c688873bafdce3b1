import { type FormEvent, useState } from 'react';
import { api, problemOf, type Ssda903Run } from '../../api/client.ts';
import { usePageTitle } from '../../hooks.ts';
import { RuleFailures } from './RuleFailures.tsx';

const YEARS = [
  { year: 2026, label: '2025 to 2026 (year ending 31 March 2026)' },
  { year: 2027, label: '2026 to 2027 (year ending 31 March 2027)' },
];

/** The SSDA903 return: produce it from the case record, see what the DfE's rules find, download its tables. */
export function Ssda903Page() {
  usePageTitle('SSDA903 return');
  const [year, setYear] = useState(2026);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<Ssda903Run | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function produce(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setRun(await api.returns.runSsda903(year));
    } catch (err) {
      const p = problemOf(err);
      setError(p.errors?.[0]?.message ?? p.detail ?? 'The return could not be produced');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <span className="govuk-caption-l">Statutory returns</span>
      <h1 className="govuk-heading-l">Children looked after (SSDA903)</h1>
      {error && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{error}</p>
          </div>
        </div>
      )}
      <p className="govuk-body">
        Every child looked after in the year, and every care leaver with a birthday contact in it, one CSV file a table with the DfE’s columns. Every child in
        the return is recorded in the audit trail.
      </p>
      <form onSubmit={produce} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="ssda903-year">
            Collection year
          </label>
          <select id="ssda903-year" className="govuk-select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {YEARS.map((y) => (
              <option key={y.year} value={y.year}>
                {y.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button" disabled={busy}>
          {busy ? 'Producing the return…' : 'Produce and validate the return'}
        </button>
      </form>
      {run && <RunResult run={run} />}
    </>
  );
}

function RunResult({ run }: { run: Ssda903Run }) {
  return (
    <section aria-labelledby="ssda903-result">
      <h2 className="govuk-heading-m" id="ssda903-result">
        The {run.year - 1} to {run.year} return
      </h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Children</dt>
          <dd className="govuk-summary-list__value">{run.children.toLocaleString('en-GB')}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Rules checked</dt>
          <dd className="govuk-summary-list__value">
            {run.rulesRun.toLocaleString('en-GB')}
            {run.rulesNotRun > 0 &&
              ` (${run.rulesNotRun.toLocaleString('en-GB')} need last year’s return or Ofsted’s provider list, or are not yet in Lantern)`}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Errors</dt>
          <dd className="govuk-summary-list__value" data-testid="ssda903-errors">
            {run.errors.toLocaleString('en-GB')}
          </dd>
        </div>
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">
          The tables{run.errors > 0 ? ': correct the errors below before they are submitted to the DfE' : ''}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Table
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Rows
            </th>
            <th scope="col" className="govuk-table__header">
              File
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {run.tables.map((t) => (
            <tr className="govuk-table__row" key={t.table}>
              <th scope="row" className="govuk-table__header">
                {t.table}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{t.rows.toLocaleString('en-GB')}</td>
              <td className="govuk-table__cell">
                <a className="govuk-link" href={`/api/returns/ssda903/runs/${encodeURIComponent(run.runId)}/tables/${encodeURIComponent(t.table)}`} download>
                  Download {t.table} (CSV)
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="govuk-heading-s">What the DfE’s rules found</h3>
      {run.errors === 0 ? <p className="govuk-body">No errors: every rule checked passed.</p> : <RuleFailures rules={run.rules} />}
    </section>
  );
}
