/**
 * kernel/db/schema.ts is written by hand; this keeps it the migrated database's twin: every table
 * and view, every column, the kind of value it gives and whether it can be null. After writing a
 * migration, `npm run schema` prints what to add.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseShape, declaredShape, differences, type Shape } from '../../scripts/schema-shape.ts';
import type { Store } from '../../src/kernel/db/store.ts';
import { openTestStore } from '../helpers/db.ts';

let store: Store;
let actual: Shape;
let declared: Shape;
beforeAll(async () => {
  store = await openTestStore();
  actual = await databaseShape(store.db);
  declared = declaredShape();
});
afterAll(() => store?.close());

describe('schema.ts against the migrated database', () => {
  it('declares every table, column, kind of value and null as the migrations made them', () => {
    expect(actual.size).toBeGreaterThan(60);
    expect(differences(declared, actual)).toEqual([]);
  });

  it('reads both sides as Kysely and the stores give them: dates as strings, timestamps as Dates, counts as numbers', () => {
    for (const shape of [declared, actual]) {
      const person = shape.get('person')?.columns;
      expect(person?.get('date_of_birth')).toEqual({ kind: 'string', nullable: true });
      expect(person?.get('is_child')).toEqual({ kind: 'boolean', nullable: false });
      expect(shape.get('audit_event')?.columns.get('occurred_at')).toEqual({ kind: 'Date', nullable: false });
      expect(shape.get('audit_event')?.columns.get('audit_id')?.kind).toBe('number');
      expect(shape.get('person')?.columns.get('disabilities')).toEqual({ kind: 'string[]', nullable: false });
    }
  });

  it('names each kind of drift: a missing table or column, another kind of value, a different null', () => {
    const drifted: Shape = new Map([...declared].map(([name, t]) => [name, { view: t.view, columns: new Map(t.columns) }]));
    drifted.delete('pep');
    const person = drifted.get('person')?.columns;
    person?.delete('la_child_id');
    person?.set('date_of_birth', { kind: 'Date', nullable: true });
    person?.set('given_name', { kind: 'string', nullable: true });
    person?.set('nickname', { kind: 'string', nullable: true });
    expect(differences(drifted, actual)).toEqual([
      'pep: a table in the database, missing from schema.ts',
      'person.date_of_birth: schema.ts says Date, the database gives string',
      'person.given_name: never null in the database, schema.ts allows null',
      'person.la_child_id: in the database (string or null), missing from schema.ts',
      'person.nickname: in schema.ts, not in the database',
    ]);
  });
});
