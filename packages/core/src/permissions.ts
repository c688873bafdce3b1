/**
 * Who may do what. A user's role says what kind of action they may take; the scope says
 * whose records: every child in the council, only the children they or their team hold,
 * or only the children they are the IRO for. Anything not listed is denied.
 */

export const ROLES = {
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  iro: 'Independent reviewing officer',
  'iro-manager': 'IRO manager',
  'head-of-service': 'Head of service or director',
  'performance-analyst': 'Performance analyst',
  administrator: 'Administrator',
  partner: 'Partner agency (police, health, school, housing…)',
  'legal-adviser': 'The council’s legal adviser',
  'supervising-social-worker': 'Supervising social worker (fostering)',
  'fostering-team-manager': 'Fostering team manager',
  'information-governance': 'Information governance officer',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as [Role, ...Role[]];

export type Action =
  | 'child:search'
  | 'child:read'
  | 'child:create'
  | 'child:update'
  | 'chronology:write'
  | 'allocation:manage'
  | 'workforce:read'
  | 'workforce:manage'
  | 'user:manage'
  /** Approve (or refuse) an administrator's request for a role reaching restricted records, or to bind a login to a worker: the second person. */
  | 'access:approve'
  | 'audit:read'
  /** Record steps of the pathway: contacts, referrals, assessments, enquiries, conferences, visits, plans. */
  | 'casework:record'
  /** A manager's authorisation: assessments. */
  | 'casework:authorise'
  /** Close a child-in-need episode (a manager's recorded decision). */
  | 'case:close'
  /** Worklists: own (mine), team (my team's), council (the whole service). */
  | 'worklist:read'
  /** Council settings such as local timescales. */
  | 'settings:manage'
  /** The register of partner agencies and their people. */
  | 'partner:read'
  | 'partner:manage'
  /** The housing list and the partner indicators: how partners answer, attend and rehouse. */
  | 'partner:oversee'
  /** A partner user answering the requests addressed to their own organisation. */
  | 'partner-request:answer'
  /** The providers register: read it, and add or correct providers and their Ofsted registration. */
  | 'provider:read'
  | 'provider:manage'
  /** The director's recorded approval of a placement with a provider not registered for that care. */
  | 'placement:approve-unregistered'
  /** Oversight lists across children: unregistered placements, missing children. */
  | 'looked-after:oversee'
  /** Adoption records (AD1, placed for adoption): sensitive, so only the team holding the case and the head of service. */
  | 'adoption:read'
  | 'adoption:record'
  /** Statutory returns (CIN census...): produce a return, validate it, download it. */
  | 'returns:produce'
  /** Load a council's existing returns as the history of its children. */
  | 'returns:import'
  /** Record a practitioner's supervision, with the direction given on each child discussed. */
  | 'supervision:record'
  /** Read supervision records (the notes; a child's directions show on the child's record). */
  | 'supervision:read'
  /** Sign off a new starter's induction items; set ASYE and protected caseloads. */
  | 'induction:manage'
  /** A manager's recorded decision or oversight on a child's record, with reasons and evidence. */
  | 'oversight:record'
  /** Audit a case against the council's questions, and moderate another auditor's audit. */
  | 'case-audit:record'
  /** Mark a case audit's action done with the evidence: own (actions the user owns), team (their team's or those they supervise), council. */
  | 'audit-action:complete'
  /** A worker's absences (sickness, leave, training) for the workforce census: team (their own team's or those they supervise) or council. */
  | 'absence:record'
  /** Management reports on the workforce: churn, team turnover, audits over time, the census. */
  | 'workforce:report'
  /** Indicators and dashboards: council, team (the user's team and its workers). Without child:read, aggregates only with small counts suppressed. */
  | 'performance:read'
  /** Load published comparator figures; freeze closed months' indicator values. */
  | 'performance:manage'
  /** The improvement plan: inspections, recommendations, actions, the board pack. */
  | 'improvement:read'
  /** Record inspections and recommendations; add, assign and change any action. */
  | 'improvement:manage'
  /** Update an action's status and evidence: own (actions the user owns) or council (any). */
  | 'improvement:update'
  /** The landing page: what the user must do next (own work; team: their team's too; council: the service's). */
  | 'work:read'
  /** Route a referred child to a team (the front door's referral decision). */
  | 'case:route'
  /** Ask another team to take a case; accept or decline a case offered to the user's team. */
  | 'transfer:request'
  | 'transfer:decide'
  /** Allocate a child's independent reviewing officer. */
  | 'iro:allocate'
  /** Legal planning, pre-proceedings and court proceedings: restricted to the team holding the case, the head of service, the child's IRO and the council's legal adviser. */
  | 'legal:read'
  | 'legal:record'
  /** Early help: name the lead professional and team around the family, the assessment, reviews, the end. */
  | 'early-help:record'
  /** Step a closed child in need episode down to early help (a manager's decision). */
  | 'early-help:step-down'
  /** The fostering service's households: members, checks, assessments, visits, reviews, allegations, the register and matching. */
  | 'fostering:read'
  | 'fostering:record'
  /** The agency decision maker: approve a household (or not) after panel, approve a connected person temporarily. */
  | 'fostering:decide'
  /** A carer's approval terms and contact details, without the household's assessments: the team of a child placed there. */
  | 'carer:read'
  /** The section 20 drift list: children accommodated under section 20 for long periods. */
  | 'section-20:oversee'
  /** Subject access requests: record one, extend it with a reason; review the redaction marks and release the copy. */
  | 'sar:record'
  | 'sar:release'
  /** The DfE daily feed's runs and the children it could not send (the system, not a child's record). */
  | 'dfe-feed:read';

/**
 * council: any child of the council (restricted children excepted, see below);
 * team: children allocated to the user or to anyone in the user's team, or not yet allocated;
 * own: children the user is currently allocated to (for an IRO, as their IRO).
 */
export type Scope = 'council' | 'team' | 'own';

export const PERMISSIONS: Readonly<Record<Role, Partial<Record<Action, Scope>>>> = {
  'social-worker': {
    'child:search': 'council',
    'child:read': 'council',
    'child:create': 'council',
    'child:update': 'team',
    'chronology:write': 'team',
    'workforce:read': 'council',
    'casework:record': 'team',
    'worklist:read': 'team',
    'partner:read': 'council',
    'provider:read': 'council',
    'adoption:read': 'team',
    'adoption:record': 'team',
    'supervision:read': 'own',
    'audit-action:complete': 'own',
    'work:read': 'own',
    'legal:read': 'team',
    'legal:record': 'team',
    'early-help:record': 'team',
    'carer:read': 'team',
  },
  'team-manager': {
    'child:search': 'council',
    'child:read': 'council',
    'child:create': 'council',
    'child:update': 'team',
    'chronology:write': 'team',
    'allocation:manage': 'team',
    'workforce:read': 'council',
    'casework:record': 'team',
    'casework:authorise': 'team',
    'case:close': 'team',
    'worklist:read': 'team',
    'partner:read': 'council',
    'provider:read': 'council',
    'provider:manage': 'council',
    'looked-after:oversee': 'team',
    'adoption:read': 'team',
    'adoption:record': 'team',
    'supervision:record': 'team',
    'supervision:read': 'team',
    'induction:manage': 'team',
    'oversight:record': 'team',
    'case-audit:record': 'council',
    'workforce:report': 'council',
    'performance:read': 'team',
    'improvement:read': 'council',
    'improvement:update': 'own',
    'audit-action:complete': 'team',
    'absence:record': 'team',
    'work:read': 'team',
    // The front door routes a referral to a team; a manager offers a case to another team and decides on cases offered to theirs.
    'case:route': 'team',
    'transfer:request': 'team',
    'transfer:decide': 'team',
    'legal:read': 'team',
    'legal:record': 'team',
    'early-help:record': 'team',
    'early-help:step-down': 'team',
    'carer:read': 'team',
  },
  iro: {
    'child:search': 'own',
    'child:read': 'own',
    'chronology:write': 'own',
    'workforce:read': 'council',
    // IROs and conference chairs record conferences and reviews for the children they review.
    'casework:record': 'own',
    'worklist:read': 'own',
    'partner:read': 'council',
    'provider:read': 'council',
    // The child's IRO reviews the adoption plan.
    'adoption:read': 'own',
    'supervision:read': 'own',
    'audit-action:complete': 'own',
    'work:read': 'own',
    // The child's IRO follows the court timetable (it shapes the care plan) but records no legal step.
    'legal:read': 'own',
    'carer:read': 'own',
  },
  'iro-manager': {
    // Manages the independent reviewing service: allocates IROs, sees every child who needs one,
    // supervises the IROs; reviews children as an IRO too.
    'child:search': 'council',
    'child:read': 'council',
    'chronology:write': 'own',
    'workforce:read': 'council',
    'casework:record': 'own',
    'worklist:read': 'team',
    'partner:read': 'council',
    'provider:read': 'council',
    'adoption:read': 'own',
    'looked-after:oversee': 'council',
    'supervision:record': 'team',
    'supervision:read': 'team',
    'audit-action:complete': 'own',
    'work:read': 'team',
    'iro:allocate': 'council',
  },
  'head-of-service': {
    'child:search': 'council',
    'child:read': 'council',
    'allocation:manage': 'council',
    'workforce:read': 'council',
    'audit:read': 'council',
    'access:approve': 'council',
    'casework:authorise': 'council',
    'case:close': 'council',
    'worklist:read': 'council',
    'settings:manage': 'council',
    'partner:read': 'council',
    'partner:manage': 'council',
    'partner:oversee': 'council',
    'provider:read': 'council',
    'provider:manage': 'council',
    'placement:approve-unregistered': 'council',
    'looked-after:oversee': 'council',
    'adoption:read': 'council',
    'returns:produce': 'council',
    'supervision:record': 'council',
    'supervision:read': 'council',
    'induction:manage': 'council',
    'oversight:record': 'council',
    'case-audit:record': 'council',
    'workforce:report': 'council',
    'performance:read': 'council',
    'performance:manage': 'council',
    'improvement:read': 'council',
    'improvement:manage': 'council',
    'improvement:update': 'council',
    'audit-action:complete': 'council',
    'absence:record': 'council',
    'work:read': 'council',
    'case:route': 'council',
    'transfer:request': 'council',
    'transfer:decide': 'council',
    'iro:allocate': 'council',
    // Chairs the legal planning (gateway) meeting and decides on proceedings.
    'legal:read': 'council',
    'legal:record': 'council',
    'early-help:step-down': 'council',
    // The agency decision maker, and the one who watches section 20 drift (the High Court's lesson).
    'fostering:read': 'council',
    'fostering:decide': 'council',
    'carer:read': 'council',
    'section-20:oversee': 'council',
    'sar:record': 'council',
    'sar:release': 'council',
  },
  'performance-analyst': {
    // Analysts correct data before returns are sent, so they read records but change none.
    'child:search': 'council',
    'child:read': 'council',
    'workforce:read': 'council',
    'worklist:read': 'council',
    'partner:read': 'council',
    'partner:oversee': 'council',
    'provider:read': 'council',
    'looked-after:oversee': 'council',
    'returns:produce': 'council',
    'returns:import': 'council',
    'dfe-feed:read': 'council',
    'workforce:report': 'council',
    'performance:read': 'council',
    'performance:manage': 'council',
    'improvement:read': 'council',
    'improvement:update': 'own',
    'work:read': 'council',
  },
  administrator: {
    // Administrators run the system, not cases: no child's record is open to them.
    'workforce:read': 'council',
    'workforce:manage': 'council',
    'user:manage': 'council',
    'audit:read': 'council',
    'settings:manage': 'council',
    'dfe-feed:read': 'council',
    'partner:read': 'council',
    'partner:manage': 'council',
    'provider:read': 'council',
    'provider:manage': 'council',
    'induction:manage': 'council',
    'workforce:report': 'council',
    // Aggregates only (no case access): the figures a board or lead member sees, small counts suppressed.
    'performance:read': 'council',
    'improvement:read': 'council',
    'absence:record': 'council',
    'work:read': 'own',
  },
  partner: {
    // Someone from another agency: only the open requests addressed to their organisation, and
    // of those children only what the request shares. No child, worklist or search route.
    'partner-request:answer': 'own',
    'work:read': 'own',
  },
  'legal-adviser': {
    // The council's lawyer: finds a child, reads who they are and their legal record, and records
    // legal steps; no casework, worklists or other parts of the record.
    'child:search': 'council',
    'child:read': 'council',
    'legal:read': 'council',
    'legal:record': 'council',
    'work:read': 'own',
  },
  'supervising-social-worker': {
    // Supports and supervises the council's foster carers; reaches carers, not children's case records.
    'fostering:read': 'council',
    'fostering:record': 'council',
    'carer:read': 'council',
    'workforce:read': 'council',
    'work:read': 'own',
  },
  'fostering-team-manager': {
    'fostering:read': 'council',
    'fostering:record': 'council',
    'fostering:decide': 'council',
    'carer:read': 'council',
    'workforce:read': 'council',
    'work:read': 'team',
  },
  'information-governance': {
    // Answers subject access requests: finds the child, reads the whole record to copy it,
    // reviews what must be redacted, releases the copy. No casework.
    'child:search': 'council',
    'child:read': 'council',
    'sar:record': 'council',
    'sar:release': 'council',
    'work:read': 'own',
  },
};

/** The scope a role has for an action, or null when the action is denied. */
export function scopeFor(role: Role, action: Action): Scope | null {
  return PERMISSIONS[role]?.[action] ?? null;
}

/** Restricted records (e.g. adoption) are open only to those holding the case and these roles. */
export const ROLES_SEEING_RESTRICTED: readonly Role[] = ['head-of-service'];

/**
 * Granting a role that reaches restricted records, or binding a login to a worker (whose cases it
 * then holds and writes as), takes an administrator's request and a head of service's approval.
 */
export function grantNeedsApproval(grant: { role?: Role | null; workerId?: string | null }): boolean {
  return (!!grant.role && ROLES_SEEING_RESTRICTED.includes(grant.role)) || !!grant.workerId;
}

/**
 * Roles from outside the council. What they may not use does not exist for them: a refused
 * route answers 404, as for a child they may not know of, never 403.
 */
export const ROLES_OUTSIDE_COUNCIL: readonly Role[] = ['partner'];
