-- The head of service's "children in care proceedings" reads each case's next hearing. Hearings
-- were indexed by child only, so each of the 658 open cases at 20,000 children read every
-- hearing of the council: 945 ms at the 95th percentile (`npm run bench -- landing`).
create index court_hearing_proceedings on court_hearing (la_code, proceedings_id, held_on);
