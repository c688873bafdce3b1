/**
 * Who may do what. A user's role says what kind of action they may take; the scope says
 * whose records: every child in the council, only the children they or their team hold,
 * or only the children they are the IRO for. Anything not listed is denied.
 */

export const ROLES = {
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  iro: 'Independent reviewing officer',
  'head-of-service': 'Head of service or director',
  'performance-analyst': 'Performance analyst',
  administrator: 'Administrator',
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
  /** Management reports on the workforce: churn, team turnover, audits over time, the census. */
  | 'workforce:report';

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
    'supervision:read': 'own',
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
    'supervision:record': 'team',
    'supervision:read': 'team',
    'induction:manage': 'team',
    'oversight:record': 'team',
    'case-audit:record': 'council',
    'workforce:report': 'council',
  },
  iro: {
    'child:search': 'own',
    'child:read': 'own',
    'chronology:write': 'own',
    'workforce:read': 'council',
    // IROs and conference chairs record conferences and reviews for the children they review.
    'casework:record': 'own',
    'worklist:read': 'own',
    'supervision:read': 'own',
  },
  'head-of-service': {
    'child:search': 'council',
    'child:read': 'council',
    'allocation:manage': 'council',
    'workforce:read': 'council',
    'audit:read': 'council',
    'casework:authorise': 'council',
    'case:close': 'council',
    'worklist:read': 'council',
    'settings:manage': 'council',
    'supervision:record': 'council',
    'supervision:read': 'council',
    'induction:manage': 'council',
    'oversight:record': 'council',
    'case-audit:record': 'council',
    'workforce:report': 'council',
  },
  'performance-analyst': {
    // Analysts correct data before returns are sent, so they read records but change none.
    'child:search': 'council',
    'child:read': 'council',
    'workforce:read': 'council',
    'worklist:read': 'council',
    'workforce:report': 'council',
  },
  administrator: {
    // Administrators run the system, not cases: no child's record is open to them.
    'workforce:read': 'council',
    'workforce:manage': 'council',
    'user:manage': 'council',
    'audit:read': 'council',
    'settings:manage': 'council',
    'induction:manage': 'council',
    'workforce:report': 'council',
  },
};

/** The scope a role has for an action, or null when the action is denied. */
export function scopeFor(role: Role, action: Action): Scope | null {
  return PERMISSIONS[role]?.[action] ?? null;
}

/** Restricted records (e.g. adoption) are open only to those holding the case and these roles. */
export const ROLES_SEEING_RESTRICTED: readonly Role[] = ['head-of-service'];
