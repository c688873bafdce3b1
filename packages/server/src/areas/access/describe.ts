import { DEFAULT_CHILD_ID_PREFIX } from '@lantern/core/identifiers';
import { PERMISSIONS, ROLES } from '@lantern/core/permissions';
import type { FastifyInstance } from 'fastify';
import type { CurrentUser } from '../../kernel/context.ts';

export { sessionView } from '@lantern/core/views/session';

export async function describeUser(fastify: FastifyInstance, user: CurrentUser) {
  const council = await fastify.store.db.selectFrom('local_authority').select('name').where('la_code', '=', user.laCode).executeTakeFirst();
  // The prefix new children's ids are given (see nextLaChildId), so the search hint shows ids as the council's look.
  const prefix = await fastify.store.db
    .selectFrom('council_setting')
    .select('value')
    .where('la_code', '=', user.laCode)
    .where('key', '=', 'child-id-prefix')
    .executeTakeFirst();
  return {
    user: {
      ...user,
      roleLabel: ROLES[user.role],
      councilName: council?.name ?? user.laCode,
      childIdExample: `${typeof prefix?.value === 'string' ? prefix.value : DEFAULT_CHILD_ID_PREFIX}000123`,
      permissions: Object.keys(PERMISSIONS[user.role] ?? {}),
    },
  };
}
