import { type FormEvent, useState } from 'react';
import { api, type CinCensusImport, type CinCensusRun } from '../../api/client.ts';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { ProduceForm } from './ProduceForm.tsx';
import { ProblemSummary } from '../../components/Notices.tsx';
import { RuleFailures } from './RuleFailures.tsx';
import { useReturnAction } from './useReturnAction.ts';
import { SummaryRow } from '../../components/SummaryRow.tsx';

const YEARS = [
  { year: 2026, label: '2025 to 2026 (reference date 31 March 2026)' },
  { year: 2025, label: '2024 to 2025 (reference date 31 March 2025)' },
];

/** The CIN census: produce it from the case record, see what the DfE's rules find, download it. */
export function CinCensusPage() {
  usePageTitle('CIN census');
  const [year, setYear] = useState(2026);
  const { busy, error, act } = useReturnAction();
  const [run, setRun] = useState<{ run: CinCensusRun; uploaded: string | null } | null>(null);
  const [imported, setImported] = useState<CinCensusImport | null>(null);
  const { can } = useSession();

  function produce(e: FormEvent) {
    e.preventDefault();
    void act('run', async () => setRun({ run: await api.returns.runCinCensus(year), uploaded: null }), 'The return could not be produced');
  }

  const chosenFile = (form: HTMLFormElement, input: string) => (form.elements.namedItem(input) as HTMLInputElement).files?.[0];

  async function check(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = chosenFile(e.currentTarget, 'census-file');
    await act(
      'check',
      async () => setRun({ run: await api.returns.validateCinCensus(await (file as File).text()), uploaded: (file as File).name }),
      'The file could not be checked',
      file ? null : 'Choose a CIN census XML file to check',
    );
  }

  async function load(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = chosenFile(e.currentTarget, 'import-file');
    await act(
      'import',
      async () => setImported(await api.returns.importCinCensus(await (file as File).text(), (file as File).name)),
      'The file could not be imported',
      file ? null : 'Choose the council’s CIN census XML file to import',
    );
  }

  return (
    <>
      <span className="govuk-caption-l">Statutory returns</span>
      <h1 className="govuk-heading-l">Children in need census</h1>
      {error ? <ProblemSummary>{error}</ProblemSummary> : null}
      <ProduceForm id="census-year" years={YEARS} year={year} onYear={setYear} onSubmit={produce} busy={busy} />
      <form onSubmit={check} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="census-file">
            Or check a CIN census file from another system
          </label>
          <input id="census-file" name="census-file" type="file" accept=".xml,application/xml,text/xml" className="govuk-file-upload" />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy !== null}>
          {busy === 'check' ? 'Checking the file…' : 'Check the file'}
        </button>
      </form>
      {run && <RunResult run={run.run} uploaded={run.uploaded} />}
      {can('returns:import') && (
        <form onSubmit={load} noValidate>
          <h2 className="govuk-heading-m">Import the council’s earlier returns</h2>
          <p className="govuk-body">
            Each child, episode, assessment, enquiry and plan in the return becomes part of the child’s history. Importing the same file twice changes nothing;
            a file that does not match the schema is refused whole.
          </p>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="import-file">
              CIN census XML file
            </label>
            <input id="import-file" name="import-file" type="file" accept=".xml,application/xml,text/xml" className="govuk-file-upload" />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy !== null}>
            {busy === 'import' ? 'Importing…' : 'Import the return'}
          </button>
          {imported && (
            <div className="govuk-inset-text" role="status">
              {imported.alreadyImported
                ? 'This file was imported before: nothing changed.'
                : `${imported.children.toLocaleString('en-GB')} children read; written: ${
                    Object.entries(imported.written)
                      .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k.replace(/_/g, ' ')}`)
                      .join(', ') || 'nothing new'
                  }.`}
              {imported.notPlaced.length > 0 && (
                <ul className="govuk-list govuk-list--bullet">
                  {imported.notPlaced.slice(0, 50).map((n) => (
                    <li key={`${n.childId}|${n.row}|${n.reason}`}>
                      {n.childId ?? 'A child'} {n.row ? `(${n.row})` : ''}: {n.reason}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </form>
      )}
    </>
  );
}

function RunResult({ run, uploaded }: { run: CinCensusRun; uploaded: string | null }) {
  const period = `${run.year - 1} to ${run.year}`;
  return (
    <section aria-labelledby="census-result">
      <h2 className="govuk-heading-m" id="census-result">
        {uploaded ? `${uploaded}: ${period}` : `The ${period} return`}
      </h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Children">{run.children.toLocaleString('en-GB')}</SummaryRow>
        <SummaryRow label="XML schema">{run.schemaValid ? 'Valid' : 'Not valid'}</SummaryRow>
        <SummaryRow label="Errors" testId="census-errors">
          {run.errors.toLocaleString('en-GB')}
        </SummaryRow>
        <SummaryRow label="Queries">{run.queries.toLocaleString('en-GB')}</SummaryRow>
      </dl>
      {!uploaded && (
        <p className="govuk-body">
          <a className="govuk-link" href={`/api/returns/cin-census/runs/${encodeURIComponent(run.runId)}/file`} download>
            Download the return (XML)
          </a>
          {run.errors > 0 && ' — correct the errors below before it is submitted to the DfE'}
        </p>
      )}
      <RuleFailures rules={run.rules} />
    </section>
  );
}
