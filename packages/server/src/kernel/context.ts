import type { Action, Role } from '@lantern/core/permissions';

/** The signed-in user, as every service sees them. */
export type CurrentUser = {
  userId: string;
  laCode: string;
  username: string;
  displayName: string;
  role: Role;
  workerId: string | null;
  teamId: string | null;
  /** For a partner user, the partner organisation they belong to. */
  partnerOrganisationId?: string | null;
};

/** Who is acting and from where: what the audit trail records with every read and write. */
export type Actor = {
  user: CurrentUser;
  ip: string | null;
  userAgent: string | null;
  /** The HTTP request acting (its x-request-id), carried into the audit row to join it to the log. */
  requestId?: string | null;
  /** The permission of the route acting: what the ledger checks a step on a child's case against. */
  permission?: Action;
};
