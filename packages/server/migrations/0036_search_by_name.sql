-- Finding a child by the beginning of a name, under row-level security.
-- The application reads `person` as a role under row-level security (0026), and PostgreSQL lets
-- only leakproof operators use an index ahead of the council policy. lower() and LIKE are not
-- leakproof, so the expression indexes of 0001 served only the owner: the app's search read every
-- person in the council (1.7 s at 50,000 children). The lower-case names are kept as columns, and
-- searched with the leakproof pattern comparisons (~>=~ and ~<~) on text_pattern_ops indexes.
alter table person
  add column family_name_key text generated always as (lower(family_name)) stored,
  add column given_name_key text generated always as (lower(given_name)) stored;
create index person_family_name_key on person (la_code, family_name_key text_pattern_ops);
create index person_given_name_key on person (la_code, given_name_key text_pattern_ops);
drop index person_family_name;
drop index person_given_name;
