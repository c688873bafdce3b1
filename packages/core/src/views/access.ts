/**
 * What the administration routes send back (the council's users, the access requests waiting for
 * the head of service): the server's response schemas and the web app's types, written once.
 */
import { z } from 'zod';
import { userRef } from '../fields.ts';

export const userView = z.object({
  ...userRef,
  role: z.string(),
  roleLabel: z.string(),
  workerId: z.uuid().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  awaitingApproval: z.boolean(),
  passwordResetRequired: z.boolean(),
  locked: z.boolean().describe('Locked after repeated failed sign-ins'),
});
export type UserView = z.infer<typeof userView>;
export const usersView = z.object({ users: z.array(userView) });

/** A grant asked for: a role reaching restricted records, or a login bound to a worker. */
export const accessRequestView = z.object({
  requestId: z.uuid(),
  ...userRef,
  newUser: z.boolean(),
  currentRole: z.string(),
  currentRoleLabel: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  workerId: z.uuid().nullable(),
  workerName: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  version: z.number(),
});
export type AccessRequestView = z.infer<typeof accessRequestView>;
export const accessRequestsView = z.object({ requests: z.array(accessRequestView) });

/** What adding or changing a user answers: whether it waits for the head of service. */
export const grantRequested = z.object({ requestId: z.uuid().nullable(), awaitingApproval: z.boolean() });
export type GrantRequested = z.infer<typeof grantRequested>;
