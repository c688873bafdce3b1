/** Statutory returns for the analyst: the DfE's returns, and Ofsted's Annex A as at a date, downloaded as a workbook. */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, DateInput } from '../../components/fields.tsx';
import { dateFromParts, dateParts, formatDate } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

export function ReturnsPage() {
  const { can } = useSession();
  const [asOf, setAsOf] = useState(dateParts(yesterday()));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  usePageTitle('Returns', !!error);

  async function download(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const d = dateFromParts(asOf, 'The as-of date');
    if ('error' in d || !d.iso) return setError('error' in d ? d.error : 'Enter the as-of date');
    setError(undefined);
    setBusy(true);
    try {
      const res = await fetch(`/api/returns/annex-a?asOf=${d.iso}`, { credentials: 'same-origin' });
      if (!res.ok) {
        const problem = (await res.json().catch(() => null)) as { errors?: { message: string }[]; title?: string } | null;
        return setError(problem?.errors?.[0]?.message ?? problem?.title ?? `The workbook could not be made (${res.status})`);
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `annex-a-${d.iso}.xlsx`;
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(d.iso);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <ErrorSummary items={[{ href: '#asOf-day', text: error }]} />}
      <h1 className="govuk-heading-l">Returns</h1>
      <h2 className="govuk-heading-m">DfE returns</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/returns/cin-census">
            Children in need census
          </Link>
          : produce and validate the XML return, or check another system's file
        </li>
        <li>
          <Link className="govuk-link" to="/returns/ssda903">
            Children looked after (SSDA903)
          </Link>
          : produce the CSV tables for a year and validate them by the DfE's rules, check another system's files, or import the council's earlier returns
        </li>
        {can('dfe-feed:read') ? (
          <li>
            <Link className="govuk-link" to="/returns/dfe-feed">
              DfE daily feed
            </Link>
            : the children’s social care data sent to the DfE each day, and the children it did not accept
          </li>
        ) : null}
      </ul>
      <h2 className="govuk-heading-m">Ofsted Annex A</h2>
      <p className="govuk-body">
        The eleven child-level lists Ofsted asks for at the start of an inspection, one sheet a list, drawn from the case record up to the as-of date (usually
        the day before the inspection begins). Lists 1–9 cover the six months before it; adoption the twelve. Every child in the workbook is recorded in the
        audit trail.
      </p>
      <form onSubmit={download} noValidate>
        <DateInput
          name="asOf"
          label="As-of date"
          hint="For example, 30 11 2026"
          value={asOf}
          onChange={setAsOf}
          error={error}
          legendClass="govuk-fieldset__legend--s"
        />
        <Button busy={busy}>{busy ? 'Making the workbook…' : 'Download Annex A workbook'}</Button>
      </form>
      {done && (
        <p className="govuk-body" role="status" data-testid="annex-a-done">
          Annex A as at {formatDate(done)} downloaded.
        </p>
      )}
    </>
  );
}
