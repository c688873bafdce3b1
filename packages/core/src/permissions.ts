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
  /** Indicators and dashboards: council, team (the user's team and its workers). Without child:read, aggregates only with small counts suppressed. */
  | 'performance:read'
  /** Load published comparator figures; freeze closed months' indicator values. */
  | 'performance:manage'
  /** The improvement plan: inspections, recommendations, actions, the board pack. */
  | 'improvement:read'
  /** Record inspections and recommendations; add, assign and change any action. */
  | 'improvement:manage'
  /** Update an action's status and evidence: own (actions the user owns) or council (any). */
  | 'improvement:update';

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
    'performance:read': 'team',
    'improvement:read': 'council',
    'improvement:update': 'own',
  },
  iro: {
    'child:search': 'own',
    'child:read': 'own',
    'chronology:write': 'own',
    'workforce:read': 'council',
    // IROs and conference chairs record conferences and reviews for the children they review.
    'casework:record': 'own',
    'worklist:read': 'own',
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
    'performance:read': 'council',
    'performance:manage': 'council',
    'improvement:read': 'council',
    'improvement:manage': 'council',
    'improvement:update': 'council',
  },
  'performance-analyst': {
    // Analysts correct data before returns are sent, so they read records but change none.
    'child:search': 'council',
    'child:read': 'council',
    'workforce:read': 'council',
    'worklist:read': 'council',
    'performance:read': 'council',
    'performance:manage': 'council',
    'improvement:read': 'council',
    'improvement:update': 'own',
  },
  administrator: {
    // Administrators run the system, not cases: no child's record is open to them.
    'workforce:read': 'council',
    'workforce:manage': 'council',
    'user:manage': 'council',
    'audit:read': 'council',
    'settings:manage': 'council',
    // Aggregates only (no case access): the figures a board or lead member sees, small counts suppressed.
    'performance:read': 'council',
    'improvement:read': 'council',
  },
};

/** The scope a role has for an action, or null when the action is denied. */
export function scopeFor(role: Role, action: Action): Scope | null {
  return PERMISSIONS[role]?.[action] ?? null;
}

/** Restricted records (e.g. adoption) are open only to those holding the case and these roles. */
export const ROLES_SEEING_RESTRICTED: readonly Role[] = ['head-of-service'];
