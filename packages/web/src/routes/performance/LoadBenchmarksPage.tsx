import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { problemOf } from '../../api/client.ts';
import { performanceApi } from '../../api/performance.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { ProblemPage, SuccessBanner } from '../../components/Notices.tsx';
import { plural } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

const COLUMNS = ['time_period', 'geographic_level', 'region_code', 'region_name', 'new_la_code', 'la_name', 'indicator', 'value'];
const NEIGHBOUR_COLUMNS = ['la_code', 'neighbour_la_code', 'rank'];

type CsvForm = {
  title: string;
  intro: ReactNode;
  /** What the file is, as its label says it: "CSV file of published figures". */
  label: string;
  hint: ReactNode;
  button: string;
  /** Sends the file's text; says what was loaded. */
  send: (csv: string) => Promise<ReactNode>;
};

/**
 * A published file loaded whole. The server refuses the whole file if any line breaks a rule
 * and names each line, so every one of them is listed here, each linking to the file box.
 */
function LoadCsvPage({ form }: { form: CsvForm }) {
  const { can } = useSession();
  const [params] = useSearchParams();
  const back = params.get('indicator');
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [loaded, setLoaded] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(form.title, hasErrors(errors));
  if (!can('performance:manage'))
    return (
      <ProblemPage
        problem={{ title: 'You cannot do this', status: 403, detail: 'Only the head of service or a performance analyst loads published figures.' }}
      />
    );

  const fail = (messages: string[]) => {
    setLoaded(null);
    setErrors({ summary: messages.map((text) => ({ text, href: '#csv' })), fields: { csv: messages[0] as string } });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return fail([`Select a ${form.label}`]);
    if (!/\.csv$/i.test(chosen.name)) return fail(['The selected file must be a CSV']);
    const csv = await chosen.text();
    if (!csv.trim()) return fail(['The selected file is empty']);
    setBusy(true);
    try {
      setLoaded(await form.send(csv));
      setErrors(NO_ERRORS);
    } catch (error) {
      const p = problemOf(error);
      fail(p.errors?.length ? p.errors.map((e) => e.message) : [p.detail ?? p.title]);
    } finally {
      setBusy(false);
    }
  };

  const error = errors.fields.csv;
  const label = `${form.label[0]?.toUpperCase()}${form.label.slice(1)}`;
  return (
    <>
      <Link className="govuk-back-link" to={back ? `/performance/${encodeURIComponent(back)}` : '/performance'}>
        {back ? 'Back to the indicator' : 'Performance'}
      </Link>
      {hasErrors(errors) ? <ErrorSummary items={errors.summary} /> : null}
      {loaded ? <SuccessBanner>{loaded}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">{form.title}</h1>
      <p className="govuk-body">{form.intro}</p>
      <form onSubmit={submit} noValidate>
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="csv">
            {label}
          </label>
          <div id="csv-hint" className="govuk-hint">
            {form.hint}
          </div>
          {error ? (
            <p id="csv-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          <input
            ref={file}
            id="csv"
            name="csv"
            type="file"
            accept=".csv,text/csv"
            className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
            aria-describedby={error ? 'csv-hint csv-error' : 'csv-hint'}
          />
        </div>
        <Button busy={busy}>{form.button}</Button>
      </form>
      {loaded && back ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/performance/${encodeURIComponent(back)}`}>
            See the indicator against the published figures
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** Published figures for England, the regions and other councils, in the shape of the DfE's local-authority tables. */
export function LoadBenchmarksPage() {
  const [params] = useSearchParams();
  const indicator = params.get('indicator');
  return (
    <LoadCsvPage
      form={{
        title: 'Load published figures',
        intro: (
          <>
            England’s, the regions’ and other councils’ figures, to compare this council with. Each line is one area’s figure for one indicator and year, as in
            the DfE’s local-authority tables. A figure already loaded for the same area, indicator and year is replaced. The council’s statistical neighbours
            are chosen from the councils loaded here:{' '}
            <Link className="govuk-link" to={`/performance/benchmarks/neighbours${indicator ? `?indicator=${encodeURIComponent(indicator)}` : ''}`}>
              load the statistical neighbours
            </Link>
            .
          </>
        ),
        label: 'CSV file of published figures',
        hint: (
          <>
            With the columns {COLUMNS.join(', ')}. The year as 202425 or 2024-25; the level National, Regional or Local authority; the indicator as Lantern’s
            id, for example re-referrals-12m.
          </>
        ),
        button: 'Load the figures',
        send: async (csv) => {
          const loaded = await performanceApi.loadBenchmarks(csv);
          return (
            <>
              {plural(loaded.values, 'figure', 'figures')} loaded for {plural(loaded.comparators, 'area', 'areas')}
              {loaded.skipped ? `; ${plural(loaded.skipped, 'figure', 'figures')} not published (c, x, z, low) left out` : ''}.
            </>
          );
        },
      }}
    />
  );
}

/** The council's statistical neighbours as published (the CIPFA-style list), replacing the list held. */
export function LoadNeighboursPage() {
  return (
    <LoadCsvPage
      form={{
        title: 'Load the statistical neighbours',
        intro:
          'The councils most like this one, as published, ranked 1 to 10; an indicator then shows their average beside this council’s figure. The file replaces the list held. Only the rows for this council are read, and each neighbour’s published figures must be loaded first.',
        label: 'CSV file of statistical neighbours',
        hint: `With the columns ${NEIGHBOUR_COLUMNS.join(', ')}: this council’s ONS code, the neighbour’s ONS code, and its rank from 1 (most similar) to 10.`,
        button: 'Load the neighbours',
        send: async (csv) => `${plural((await performanceApi.loadNeighbours(csv)).neighbours, 'statistical neighbour', 'statistical neighbours')} loaded.`,
      }}
    />
  );
}
