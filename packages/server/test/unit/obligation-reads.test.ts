import { describe, expect, it } from 'vitest';
import { tablesNamed } from '../../src/kernel/obligation-reads.ts';

describe('the tables a deadline rule reads', () => {
  it('names each table after from and join, not a subquery or a column', () => {
    const statement = `select v.child_id, p.from_date from (select * from "cin_plan" p join visit v on v.child_id = p.child_id
      left join care_period cp on true where exists (select 1 from person b)) x`;
    expect([...tablesNamed(statement)].sort()).toEqual(['care_period', 'cin_plan', 'person', 'visit']);
  });
});
