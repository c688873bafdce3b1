import { describe, expect, it } from 'vitest';
import { tablesNamed } from '../../src/kernel/obligation-reads.ts';

describe('the tables a deadline rule reads', () => {
  it('names each table after from and join, not a subquery or a column', () => {
    const statement = `select v.child_id, p.from_date from (select * from "cin_plan" p join visit v on v.child_id = p.child_id
      left join care_period cp on true where exists (select 1 from person b)) x`;
    expect([...tablesNamed(statement)].sort()).toEqual(['care_period', 'cin_plan', 'person', 'visit']);
  });

  it('names the first table of a parenthesised join, so a visit re-derives the plan visits that read it that way', () => {
    const statement = `select 1 from cp_plan p join (visit v left join person b on b.person_id = v.child_id) on v.child_id = p.child_id
      join lateral (select 1 from core_group g) g on true`;
    expect([...tablesNamed(statement)].sort()).toEqual(['core_group', 'cp_plan', 'person', 'visit']);
  });
});
