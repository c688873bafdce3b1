import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { ChildSearchResult } from '../../api/types.ts';
import { Loading, NoAccess, ProblemSummary } from '../../components/Notices.tsx';
import { formatAge, formatBirth, fullName, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { TableHead } from '../../components/TableHead.tsx';

function noAccessText(roleLabel: string | undefined) {
  return `Your role${roleLabel ? `, ${roleLabel},` : ''} does not include finding or reading children’s records. If you need this for your work, ask your manager.`;
}

/** Find a child by name, LA child id, UPN, NHS number or date of birth. */
export function FindChildPage() {
  const { can, user } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  usePageTitle('Find a child');

  if (!can('child:search')) {
    return <NoAccess title="Find a child">You do not have access to children’s records. {noAccessText(user?.roleLabel)}</NoAccess>;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    setParams(value ? { q: value } : {});
  };

  return (
    <>
      <h1 className="govuk-heading-l">Find a child</h1>
      <search>
        <form onSubmit={submit} noValidate className="lantern-search">
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="q">
              Search by name, LA child id, UPN, NHS number or date of birth
            </label>
            <div id="q-hint" className="govuk-hint">
              For example, Smith, Amy Smith, {user?.childIdExample ?? 'a child’s id'}, or a date of birth as 12/03/2015
            </div>
            <div className="lantern-search__row">
              <input
                className="govuk-input lantern-search__input"
                id="q"
                name="q"
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-describedby="q-hint"
                spellCheck={false}
                autoComplete="off"
              />
              <button type="submit" className="govuk-button lantern-search__button">
                Search
              </button>
            </div>
          </div>
        </form>
      </search>
      {q ? <SearchResults q={q} /> : null}
    </>
  );
}

function SearchResults({ q }: { q: string }) {
  const { user } = useSession();
  const { data, problem, loading } = useLoad(() => api.children.search(q), q);
  if (problem) {
    if (problem.status === 403) return <p className="govuk-body">You do not have access to children’s records. {noAccessText(user?.roleLabel)}</p>;
    return <ProblemSummary title="The search did not work">{problem.detail ?? problem.title}</ProblemSummary>;
  }
  if (!data || loading) return <Loading />;
  const { results, total } = data;
  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-m" id="results-heading" aria-live="polite">
        {total === 0 ? 'No children found' : `${plural(total, 'child', 'children')} found`}
      </h2>
      {total === 0 ? (
        <p className="govuk-body">Check the spelling, or search by another detail, such as the date of birth.</p>
      ) : (
        <>
          {total > results.length ? (
            <p className="govuk-body">Showing the first {results.length}. Add more to your search, such as a given name, to find the child you want.</p>
          ) : null}
          <ResultsTable results={results} />
        </>
      )}
    </section>
  );
}

function ResultsTable({ results }: { results: ChildSearchResult[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Children matching your search</caption>
      <TableHead columns={['Name', 'LA child id', 'Date of birth', 'Age', 'Allocated worker', 'Team']} />
      <tbody className="govuk-table__body">
        {results.map((r) => (
          <tr className="govuk-table__row" key={r.childId}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/children/${r.childId}`}>
                {fullName(r)}
              </Link>
            </th>
            <td className="govuk-table__cell">{r.laChildId}</td>
            <td className="govuk-table__cell">{formatBirth(r)}</td>
            <td className="govuk-table__cell">{r.dateOfBirth ? formatAge(r.dateOfBirth) : r.expectedDateOfBirth ? 'Unborn' : ''}</td>
            <td className="govuk-table__cell">{r.allocatedWorker ?? <span className="lantern-secondary">Not allocated</span>}</td>
            <td className="govuk-table__cell">{r.team ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
