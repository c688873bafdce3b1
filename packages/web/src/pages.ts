/**
 * Which pages a role may open: a page whose data the role may not read says so at once (see
 * RequireSession), rather than loading forever or offering a form the server will refuse.
 * Each page needs any one of the permissions listed; pages not listed are open to every user.
 */
const PAGES: [RegExp, string[]][] = [
  [/^\/work$/, ['worklist:read']],
  [/^\/children\/new$/, ['child:create']],
  // Legal records: the team holding the case, the head of service, the child's IRO, the legal adviser.
  [/^\/children\/[^/]+\/legal(\/|$)/, ['legal:read']],
  // A child's early help: the page for anyone who reads children; its forms for those who record them.
  [/^\/children\/[^/]+\/early-help\/record\/step-down$/, ['early-help:step-down']],
  [/^\/children\/[^/]+\/early-help\/record\//, ['early-help:record']],
  [/^\/children\/[^/]+\/foster-carers$/, ['carer:read']],
  // Subject access requests: the head of service and information governance.
  [/^\/children\/[^/]+\/subject-access-requests(\/|$)/, ['sar:record']],
  [/^\/children\//, ['child:read']],
  [/^\/subject-access-requests$/, ['sar:record']],
  [/^\/(uasc|care-leavers)$/, ['child:search']],
  [/^\/fostering\/households\/[^/]+\/record\/decision$/, ['fostering:decide']],
  [/^\/fostering\/(new|households\/[^/]+\/record\/)/, ['fostering:record']],
  [/^\/fostering(\/|$)/, ['fostering:read']],
  [/^\/returns\/dfe-feed$/, ['dfe-feed:read']],
  [/^\/returns(\/|$)/, ['returns:produce']],
  [/^\/providers$/, ['provider:read']],
  [/^\/looked-after\//, ['looked-after:oversee']],
  [/^\/children-looked-after$/, ['looked-after:oversee', 'child:search', 'provider:read', 'fostering:read']],
  [/^\/partner(\/|$)/, ['partner-request:answer']],
  [/^\/partners\/register$/, ['partner:manage', 'partner:read']],
  [/^\/partners$/, ['partner:oversee']],
  [/^\/teams(\/|$)/, ['workforce:read']],
  [/^\/workforce$/, ['workforce:report']],
  [/^\/teams-and-workforce$/, ['workforce:read', 'workforce:report']],
  [/^\/workers\//, ['supervision:read', 'workforce:read']],
  [/^\/performance\/benchmarks\//, ['performance:manage']],
  [/^\/performance(\/|$)/, ['performance:read']],
  [/^\/users(\/|$)/, ['user:manage']],
  [/^\/access-requests$/, ['access:approve']],
  [/^\/improvement\/(inspections|recommendations)\//, ['improvement:manage']],
  [/^\/improvement(\/|$)/, ['improvement:read']],
];

/** Whether a user with these permissions may open the page at this path. */
export function mayOpen(pathname: string, can: (permission: string) => boolean): boolean {
  const rule = PAGES.find(([path]) => path.test(pathname));
  return !rule || rule[1].some(can);
}
