/**
 * What a statutory return's validation rule reports, and the one way rules are run. Shared
 * shape for every return (CIN census, SSDA903): a failure names the rule, the DfE's message,
 * the child, where in the return (module and row) and the fields involved.
 */

/** ERROR blocks submission; QUERY asks the council to amend or explain (a warning). */
export type RuleSeverity = 'error' | 'query';

export type ReturnFailure = {
  code: string;
  severity: RuleSeverity;
  message: string;
  /** The child's LA child id as written in the return, or null for a file-level failure. */
  childId: string | null;
  /** The module (table) of the return, e.g. "Assessments". */
  module: string;
  /** Where in the child's return: e.g. "CINdetails 2 / Assessments 1"; null for the child or file. */
  row: string | null;
  fields: string[];
  /** The line in the source file, when the parser knew it. */
  line?: number | null;
};

/** Where one rule found a problem; the runner fills in the rule's code, message and severity. */
export type RuleHit = { row?: string | null; module?: string; fields?: string[]; line?: number | null };

export type RuleDefinition = {
  code: string;
  severity: RuleSeverity;
  module: string;
  fields: string[];
  message: string;
};

export function failureOf(rule: RuleDefinition, childId: string | null, hit: RuleHit): ReturnFailure {
  return {
    code: rule.code,
    severity: rule.severity,
    message: rule.message,
    childId,
    module: hit.module ?? rule.module,
    row: hit.row ?? null,
    fields: hit.fields ?? rule.fields,
    line: hit.line ?? null,
  };
}
