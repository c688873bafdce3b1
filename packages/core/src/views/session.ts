/** What the session routes send back: the signed-in user, their role and what it allows (the server's schema, the web app's type). */
import { z } from 'zod';
import { userRef } from '../fields.ts';

export const sessionUser = z.object({
  ...userRef,
  role: z.string(),
  roleLabel: z.string(),
  laCode: z.string(),
  councilName: z.string(),
  childIdExample: z.string().describe('An id in the form the council’s child ids take, for hints'),
  workerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionView = z.object({ user: sessionUser });
