/**
 * The administrator's users, and the separation of duties around them: a role that reaches
 * restricted records, or a login bound to a worker (whose cases it then holds and writes as),
 * is an administrator's request that takes effect only when a head of service approves it.
 * No one changes their own role or disables themselves. Every change ends the user's sessions
 * where it changes what they may do.
 */
import { grantNeedsApproval, ROLES, type Role } from '@lantern/core/permissions';
import { accessDecision, newUser, passwordReset, userChange } from '@lantern/core/schemas';
import { accessRequestsView, grantRequested as requested, usersView } from '@lantern/core/views/access';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, passwordWeakness } from '../../kernel/auth/passwords.ts';
import { endSessionsOf } from '../../kernel/auth/sessions.ts';
import { clearUsername, lockedUsernames } from '../../kernel/auth/throttle.ts';
import type { Actor } from '../../kernel/context.ts';
import type { AppUser } from '../../kernel/db/schema.ts';
import { routes } from '../../kernel/http/routes.ts';
import { forbidden, Problem } from '../../kernel/http/problem.ts';
import { change, type Ledger } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';

const userId = z.object({ userId: z.uuid() });

async function strongEnough(password: string, about: string[], field: string) {
  const weak = await passwordWeakness(password, about);
  if (weak) throw new Problem(400, 'Invalid request', weak, [{ field, rule: 'password-strength', message: weak }]);
}

const userOf = (ledger: Ledger, id: string): Promise<AppUser> => ledger.find('app_user', { user_id: id }, 'user');

async function workerExists(ledger: Ledger, workerId: string) {
  if (!(await ledger.row('worker', { worker_id: workerId })))
    throw new Problem(400, 'Invalid request', 'No such worker', [{ field: 'workerId', rule: 'exists', message: 'Choose a worker of this council' }]);
}

const notYourself = (actor: Actor, id: string, what: string) => {
  if (actor.user.userId === id) throw forbidden(`No one ${what} their own account: ask another administrator`);
};

/** Notes a request for the head of service; the grant itself waits for their approval. */
async function requestGrant(
  ledger: Ledger,
  actor: Actor,
  user: { user_id: string; username: string },
  grant: { role: Role; workerId: string | null },
  newUser: boolean,
) {
  if (await ledger.row('access_request', { user_id: user.user_id, status: 'pending' }))
    throw new Problem(409, 'Conflict', 'This user already has a request waiting for the head of service', [
      { field: 'role', rule: 'one-pending-request', message: 'Wait for the head of service’s decision' },
    ]);
  const { request_id: requestId } = await insertNew(
    ledger,
    'access_request',
    {
      user_id: user.user_id,
      new_user: newUser,
      role: grant.role,
      worker_id: grant.workerId,
      requested_by: actor.user.userId,
    },
    { detail: { username: user.username, role: grant.role, workerId: grant.workerId } },
  );
  return requestId;
}

export async function userRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['administration']);
  const db = () => fastify.store.db;

  route.get('/api/users', { permission: 'user:manage', summary: 'The council’s users', answer: usersView }, async (req) => {
    const rows = await db().selectFrom('app_user').selectAll().where('la_code', '=', req.actor().user.laCode).orderBy('username').execute();
    const locked = await lockedUsernames(
      db(),
      rows.map((u) => u.username),
    );
    return {
      users: rows.map((u) => ({
        userId: u.user_id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        roleLabel: ROLES[u.role as Role] ?? u.role,
        workerId: u.worker_id,
        email: u.email,
        disabled: !!u.disabled_at,
        awaitingApproval: u.awaiting_approval,
        passwordResetRequired: u.password_reset_required,
        locked: locked.has(u.username),
      })),
    };
  });

  route.post(
    '/api/users',
    {
      permission: 'user:manage',
      summary: 'Add a user (a role reaching restricted records, or a worker binding, waits for the head of service’s approval)',
      body: newUser,
      created: requested.extend({ userId: z.uuid() }),
    },
    async (req) => {
      const actor = req.actor();
      const body = req.body;
      if (!body.password && !body.email && !body.oidcSubject)
        throw new Problem(400, 'Invalid request', 'Give a password, or the email or subject the identity provider knows them by', [
          { field: 'password', rule: 'required', message: 'Enter a password, or an email for signing in with the council account' },
        ]);
      if (body.password) await strongEnough(body.password, [body.username, body.displayName], 'password');
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      const id = randomUUID();
      const needsApproval = grantNeedsApproval({ role: body.role, workerId: body.workerId ?? null });
      const requestId = await change(db(), actor, async (ledger) => {
        if (await ledger.row('app_user', { username: body.username }))
          throw new Problem(409, 'Conflict', 'That username is taken', [{ field: 'username', rule: 'username-unique', message: 'Choose another username' }]);
        if (body.workerId) await workerExists(ledger, body.workerId);
        // Until approved, the account holds nothing: no worker, and it cannot sign in.
        await ledger.insert(
          'app_user',
          {
            la_code: ledger.laCode,
            user_id: id,
            username: body.username,
            display_name: body.displayName,
            role: body.role,
            worker_id: needsApproval ? null : (body.workerId ?? null),
            password_hash: passwordHash,
            email: body.email?.toLowerCase() ?? null,
            oidc_subject: body.oidcSubject ?? null,
            awaiting_approval: needsApproval,
          },
          { recordType: 'user', detail: { username: body.username, role: body.role, awaitingApproval: needsApproval } },
        );
        return needsApproval
          ? requestGrant(ledger, actor, { user_id: id, username: body.username }, { role: body.role, workerId: body.workerId ?? null }, true)
          : null;
      });
      return { userId: id, requestId, awaitingApproval: needsApproval };
    },
  );

  route.patch(
    '/api/users/:userId',
    {
      permission: 'user:manage',
      summary: 'Change a user’s role, worker or sign-in identity (a grant reaching restricted records or a worker waits for approval)',
      params: userId,
      body: userChange,
      answer: requested,
    },
    async (req) => {
      const actor = req.actor();
      const body = req.body;
      if (body.role !== undefined || body.workerId !== undefined) notYourself(actor, req.params.userId, 'changes the role or worker of');
      return change(db(), actor, async (ledger) => {
        const u = await userOf(ledger, req.params.userId);
        const role = (body.role ?? u.role) as Role;
        const workerId = body.workerId === undefined ? u.worker_id : body.workerId;
        const grantChanges = role !== u.role || workerId !== u.worker_id;
        if (workerId && workerId !== u.worker_id) await workerExists(ledger, workerId);
        const needsApproval = grantChanges && grantNeedsApproval({ role: role !== u.role ? role : null, workerId: workerId !== u.worker_id ? workerId : null });
        const identity = {
          ...(body.email !== undefined ? { email: body.email?.toLowerCase() ?? null } : {}),
          ...(body.oidcSubject !== undefined ? { oidc_subject: body.oidcSubject } : {}),
        };
        const grant = grantChanges && !needsApproval ? { role, worker_id: workerId } : {};
        if (Object.keys(identity).length || Object.keys(grant).length) {
          await ledger.update('app_user', { user_id: u.user_id }, { ...identity, ...grant }, { recordType: 'user', detail: { role, workerId } });
        }
        // What they may do changed: their sessions end, so the next request is made under the new role.
        if (Object.keys(grant).length) await endSessionsOf(ledger.db, u.la_code, u.user_id);
        if (!needsApproval) return { requestId: null, awaitingApproval: false };
        return { requestId: await requestGrant(ledger, actor, u, { role, workerId }, false), awaitingApproval: true };
      });
    },
  );

  const accountAction = (
    path: string,
    summary: string,
    what: string,
    apply: (u: AppUser, body: { temporaryPassword?: string }) => Promise<Partial<AppUser>>,
    body?: typeof passwordReset,
  ) =>
    route.post(
      path,
      { permission: 'user:manage', summary, params: userId, ...(body ? { body } : {}), answer: z.object({ sessionsEnded: z.number() }) },
      async (req) => {
        const actor = req.actor();
        notYourself(actor, req.params.userId, what);
        return change(db(), actor, async (ledger) => {
          const u = await userOf(ledger, req.params.userId);
          const changes = await apply(u, (req.body ?? {}) as { temporaryPassword?: string });
          await ledger.update('app_user', { user_id: u.user_id }, changes as never, {
            recordType: 'user',
            detail: { [path.split('/').pop() as string]: true },
          });
          return { sessionsEnded: await endSessionsOf(ledger.db, u.la_code, u.user_id) };
        });
      },
    );

  accountAction('/api/users/:userId/disable', 'Disable an account: it cannot sign in, and its sessions end', 'disables', async () => ({
    disabled_at: new Date(),
  }));
  accountAction('/api/users/:userId/enable', 'Enable a disabled account again', 'enables', async () => ({ disabled_at: null }));
  accountAction(
    '/api/users/:userId/password-reset',
    'Reset a password: a temporary one the person must replace at their next sign-in',
    'resets the password of',
    async (u, body) => {
      await strongEnough(body.temporaryPassword as string, [u.username, u.display_name], 'temporaryPassword');
      return { password_hash: await hashPassword(body.temporaryPassword as string), password_reset_required: true };
    },
    passwordReset,
  );

  route.post(
    '/api/users/:userId/unlock',
    {
      permission: 'user:manage',
      summary: 'Unlock an account locked after repeated failed sign-ins',
      params: userId,
      answer: z.object({ unlocked: z.boolean() }),
    },
    async (req) =>
      change(db(), req.actor(), async (ledger) => {
        const u = await userOf(ledger, req.params.userId);
        const unlocked = await clearUsername(ledger.db, u.username);
        ledger.audit({ action: 'sign-in-unlocked', recordType: 'user', recordId: u.user_id, detail: { username: u.username, unlocked } });
        return { unlocked };
      }),
  );

  route.get(
    '/api/access-requests',
    {
      permission: 'access:approve',
      summary: 'Requests waiting for the head of service: roles reaching restricted records, worker bindings',
      answer: accessRequestsView,
    },
    async (req) => {
      const rows = await db()
        .selectFrom('access_request as r')
        .innerJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'r.la_code').onRef('u.user_id', '=', 'r.user_id'))
        .innerJoin('app_user as by', (j) => j.onRef('by.la_code', '=', 'r.la_code').onRef('by.user_id', '=', 'r.requested_by'))
        .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'r.la_code').onRef('w.worker_id', '=', 'r.worker_id'))
        .select([
          'r.request_id',
          'r.user_id',
          'u.username',
          'u.display_name',
          'r.new_user',
          'u.role as current_role',
          'r.role',
          'r.worker_id',
          'w.given_name',
          'w.family_name',
          'by.display_name as by_name',
          'r.requested_at',
          'r.version',
        ])
        .where('r.la_code', '=', req.actor().user.laCode)
        .where('r.status', '=', 'pending')
        .orderBy('r.requested_at')
        .execute();
      return {
        requests: rows.map((r) => ({
          requestId: r.request_id,
          userId: r.user_id,
          username: r.username,
          displayName: r.display_name,
          newUser: r.new_user,
          currentRole: r.current_role,
          currentRoleLabel: ROLES[r.current_role as Role] ?? r.current_role,
          role: r.role,
          roleLabel: ROLES[r.role as Role] ?? r.role,
          workerId: r.worker_id,
          workerName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
          requestedBy: r.by_name,
          requestedAt: r.requested_at.toISOString(),
          version: r.version,
        })),
      };
    },
  );

  route.post(
    '/api/access-requests/:requestId/decision',
    {
      permission: 'access:approve',
      summary: 'Approve or refuse an administrator’s request (the second person)',
      params: z.object({ requestId: z.uuid() }),
      body: accessDecision,
      answer: z.object({ status: z.enum(['approved', 'refused']) }),
    },
    async (req) => {
      const actor = req.actor();
      return change(db(), actor, async (ledger) => {
        const r = await ledger.find('access_request', { request_id: req.params.requestId }, 'request');
        if (r.status !== 'pending') throw new Problem(409, 'Conflict', `This request was already ${r.status}`);
        if (r.requested_by === actor.user.userId || r.user_id === actor.user.userId)
          throw forbidden('A request is decided by someone other than who asked, and never by the person it is for');
        const status = req.body.decision === 'approve' ? ('approved' as const) : ('refused' as const);
        await ledger.update(
          'access_request',
          { request_id: r.request_id },
          { status, decided_by: actor.user.userId, decided_at: new Date() },
          { fromVersion: req.body.fromVersion },
        );
        if (status === 'approved') {
          await ledger.update(
            'app_user',
            { user_id: r.user_id },
            { role: r.role, worker_id: r.worker_id, awaiting_approval: false },
            { recordType: 'user', detail: { approvedRequest: r.request_id } },
          );
          await endSessionsOf(ledger.db, r.la_code, r.user_id);
        }
        return { status };
      });
    },
  );
}
