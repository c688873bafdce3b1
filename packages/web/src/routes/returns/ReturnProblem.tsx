/** Why a return could not be made, checked or imported: the GOV.UK error summary with the one message. */
export function ReturnProblem({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{error}</p>
      </div>
    </div>
  );
}
