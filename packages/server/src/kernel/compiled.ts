/**
 * A query read on every request, built and compiled by Kysely once per shape rather than once per
 * request. Building and compiling the child's record (its access check, family, addresses and
 * allocations) was a fifth of the server's CPU on each opening of a record; the text it compiles
 * to depends only on the shape (the user's role, say), and each request differs only in values.
 *
 *   const sessionQuery = compiledOnce((db, v: { laCode: string; tokenHash: string }) => db.selectFrom(…).where('s.la_code', '=', v.laCode)…);
 *   const rows = await runPrepared(db, sessionQuery(db, 'session', { laCode, tokenHash }));
 *
 * The builder is called once per shape (and database) with a stand-in for each value, which must
 * reach the query only as a parameter: one written into the text throws on the first call, and
 * the builder must not test or change a value (`if (v.workerId)`) — what changes the query's
 * text belongs in the shape.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

type Values = Record<string, unknown>;
type Slot = { value: unknown } | { key: string };
type Template = { compiled: CompiledQuery; slots: Slot[] };

const STAND_IN = '\u0001lantern-value:';

export function compiledOnce<V extends Values, O>(build: (db: Kysely<Database>, values: V, shape: string) => Compilable<O>) {
  // Per database: a test process opens many, and each compiles its own (the dialects agree today).
  const byDb = new WeakMap<Kysely<Database>, Map<string, Template>>();
  return (db: Kysely<Database>, shape: string, values: V): Compilable<O> => {
    let templates = byDb.get(db);
    if (!templates) {
      templates = new Map();
      byDb.set(db, templates);
    }
    let template = templates.get(shape);
    if (!template) {
      const keys = Object.keys(values);
      const standIns = Object.fromEntries(keys.map((k) => [k, `${STAND_IN}${k}\u0001`])) as unknown as V;
      const compiled = build(db, standIns, shape).compile();
      if (compiled.sql.includes(STAND_IN)) throw new Error('compiledOnce: a value was written into the query’s text; make it part of the shape');
      const slots = compiled.parameters.map(
        (p): Slot => (typeof p === 'string' && p.startsWith(STAND_IN) ? { key: p.slice(STAND_IN.length, -1) } : { value: p }),
      );
      template = { compiled, slots };
      templates.set(shape, template);
    }
    const { compiled, slots } = template;
    const parameters = slots.map((s) => ('key' in s ? values[s.key] : s.value));
    return { compile: () => ({ ...compiled, parameters }) as CompiledQuery<O> };
  };
}
