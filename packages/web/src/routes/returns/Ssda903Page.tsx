import { type FormEvent, useState } from 'react';
import { api, type Ssda903Check, type Ssda903Import, type Ssda903Run, type UploadedCsv } from '../../api/client.ts';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { ProduceForm } from './ProduceForm.tsx';
import { ProblemSummary } from '../../components/Notices.tsx';
import { RuleFailures } from './RuleFailures.tsx';
import { useReturnAction } from './useReturnAction.ts';
import { RecordsTable } from '../../components/RecordsTable.tsx';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const YEARS = [
  { year: 2026, label: '2025 to 2026 (year ending 31 March 2026)' },
  { year: 2027, label: '2026 to 2027 (year ending 31 March 2027)' },
];

/** The chosen CSV files as name and text: the server recognises each table by its columns. */
async function chosenFiles(form: HTMLFormElement, input: string): Promise<UploadedCsv[]> {
  const files = [...((form.elements.namedItem(input) as HTMLInputElement).files ?? [])];
  return Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * The SSDA903 return: produce it from the case record, see what the DfE's rules find, download its
 * tables; check another system's CSV files; import the council's earlier returns.
 */
export function Ssda903Page() {
  usePageTitle('SSDA903 return');
  const [year, setYear] = useState(2026);
  const [run, setRun] = useState<Ssda903Run | null>(null);
  const [checked, setChecked] = useState<Ssda903Check | null>(null);
  const [imported, setImported] = useState<Ssda903Import | null>(null);
  const { busy, error, act } = useReturnAction();
  const { can } = useSession();

  function produce(e: FormEvent) {
    e.preventDefault();
    void act(
      'run',
      async () => {
        setChecked(null);
        setRun(await api.returns.runSsda903(year));
      },
      'The return could not be produced',
    );
  }

  async function check(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const files = await chosenFiles(e.currentTarget, 'ssda903-files');
    await act(
      'check',
      async () => {
        setRun(null);
        setChecked(await api.returns.validateSsda903(year, files));
      },
      'The files could not be checked',
      files.length ? null : 'Choose the SSDA903 CSV files to check',
    );
  }

  async function load(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const files = await chosenFiles(e.currentTarget, 'ssda903-import-files');
    await act(
      'import',
      async () => setImported(await api.returns.importSsda903(year, files)),
      'The files could not be imported',
      files.length ? null : 'Choose the council’s SSDA903 CSV files to import',
    );
  }

  return (
    <>
      <span className="govuk-caption-l">Statutory returns</span>
      <h1 className="govuk-heading-l">Children looked after (SSDA903)</h1>
      {error ? <ProblemSummary>{error}</ProblemSummary> : null}
      <p className="govuk-body">
        Every child looked after in the year, and every care leaver with a birthday contact in it, one CSV file a table with the DfE’s columns. Every child in
        the return is recorded in the audit trail.
      </p>
      <ProduceForm id="ssda903-year" years={YEARS} year={year} onYear={setYear} onSubmit={produce} busy={busy} />
      <form onSubmit={check} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="ssda903-files">
            Or check SSDA903 CSV files from another system
          </label>
          <div id="ssda903-files-hint" className="govuk-hint">
            Choose all the return’s files at once. Each is recognised by its columns, whatever it is called.
          </div>
          <input
            id="ssda903-files"
            name="ssda903-files"
            type="file"
            multiple
            accept=".csv,text/csv"
            className="govuk-file-upload"
            aria-describedby="ssda903-files-hint"
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy !== null}>
          {busy === 'check' ? 'Checking the files…' : 'Check the files'}
        </button>
      </form>
      {run && <RunResult run={run} />}
      {checked && <CheckResult check={checked} />}
      {can('returns:import') && (
        <form onSubmit={load} noValidate>
          <h2 className="govuk-heading-m">Import the council’s earlier returns</h2>
          <p className="govuk-body">
            Each child, episode of care, review, missing episode and health check in the return, for the collection year chosen above, becomes part of the
            child’s history. Importing the same files twice changes nothing; another council’s return is refused.
          </p>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="ssda903-import-files">
              SSDA903 CSV files
            </label>
            <input id="ssda903-import-files" name="ssda903-import-files" type="file" multiple accept=".csv,text/csv" className="govuk-file-upload" />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy !== null}>
            {busy === 'import' ? 'Importing…' : 'Import the return'}
          </button>
          {imported && <ImportResult imported={imported} />}
        </form>
      )}
    </>
  );
}

/** What the DfE's rules found in a return made or checked. */
function RulesFound({ errors, rules }: { errors: number; rules: Ssda903Run['rules'] }) {
  return (
    <>
      <h3 className="govuk-heading-s">What the DfE’s rules found</h3>
      {errors === 0 ? <p className="govuk-body">No errors: every rule checked passed.</p> : <RuleFailures rules={rules} />}
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
        <SummaryRow label="Children">{run.children.toLocaleString('en-GB')}</SummaryRow>
        <SummaryRow label="Rules checked">
          {run.rulesRun.toLocaleString('en-GB')}
          {run.rulesNotRun > 0 && ` (${run.rulesNotRun.toLocaleString('en-GB')} need last year’s return or Ofsted’s provider list, or are not yet in Lantern)`}
        </SummaryRow>
        <SummaryRow label="Errors" testId="ssda903-errors">
          {run.errors.toLocaleString('en-GB')}
        </SummaryRow>
      </dl>
      <RecordsTable
        caption={`The tables${run.errors > 0 ? ': correct the errors below before they are submitted to the DfE' : ''}`}
        columns={[
          { label: 'Table', heads: true, cell: (t) => t.table },
          { label: 'Rows', numeric: true, cell: (t) => t.rows.toLocaleString('en-GB') },
          {
            label: 'File',
            cell: (t) => (
              <a className="govuk-link" href={`/api/returns/ssda903/runs/${encodeURIComponent(run.runId)}/tables/${encodeURIComponent(t.table)}`} download>
                Download {t.table} (CSV)
              </a>
            ),
          },
        ]}
        rows={run.tables}
        rowKey={(t) => t.table}
      />
      <RulesFound errors={run.errors} rules={run.rules} />
    </section>
  );
}

function CheckResult({ check }: { check: Ssda903Check }) {
  return (
    <section aria-labelledby="ssda903-check">
      <h2 className="govuk-heading-m" id="ssda903-check">
        The files checked: {check.year - 1} to {check.year}
      </h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Children">{check.children.toLocaleString('en-GB')}</SummaryRow>
        <SummaryRow label="Rules checked">{check.rulesRun.toLocaleString('en-GB')}</SummaryRow>
        <SummaryRow label="Errors" testId="ssda903-check-errors">
          {check.errors.toLocaleString('en-GB')}
        </SummaryRow>
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Each file and the table it is</caption>
        <TableHead columns={['File', 'Table', { label: 'Rows', numeric: true }]} />
        <tbody className="govuk-table__body">
          {check.files.map((f) => (
            <tr className="govuk-table__row" key={f.file}>
              <th scope="row" className="govuk-table__header">
                {f.file}
              </th>
              <td className="govuk-table__cell">{f.table}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{f.rows.toLocaleString('en-GB')}</td>
            </tr>
          ))}
          {check.ignored.map((f) => (
            <tr className="govuk-table__row" key={f.file}>
              <th scope="row" className="govuk-table__header">
                {f.file}
              </th>
              <td className="govuk-table__cell" colSpan={2}>
                Not read: {f.reason}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RulesFound errors={check.errors} rules={check.rules} />
    </section>
  );
}

function ImportResult({ imported }: { imported: Ssda903Import }) {
  const written = Object.entries(imported.written).filter(([, n]) => n > 0);
  return (
    <div className="govuk-inset-text" role="status" data-testid="ssda903-imported">
      {imported.alreadyImported ? (
        <p className="govuk-body">These files were imported before: nothing changed.</p>
      ) : (
        <>
          <p className="govuk-body">
            {imported.children.toLocaleString('en-GB')} children read.{written.length === 0 && ' Nothing new was written.'}
          </p>
          {written.length > 0 && (
            <dl className="govuk-summary-list govuk-summary-list--no-border">
              {written.map(([table, n]) => (
                <div className="govuk-summary-list__row" key={table}>
                  <dt className="govuk-summary-list__key">{table.replace(/_/g, ' ')}</dt>
                  <dd className="govuk-summary-list__value">{n.toLocaleString('en-GB')}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
      {imported.notPlaced.length > 0 && (
        <>
          <p className="govuk-body">Not placed in the record ({imported.notPlaced.length.toLocaleString('en-GB')}):</p>
          <ul className="govuk-list govuk-list--bullet">
            {imported.notPlaced.slice(0, 50).map((n) => (
              <li key={`${n.table}|${n.row}`}>
                {n.child ?? 'A child'} ({n.table} row {n.row}): {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
