-- obligation_due (0003: la_code, due_date, the open deadlines) repeats obligation_open_owners' key and
-- condition (0021), which carries the team, rule and worker besides: any read the first can serve, the
-- second serves in the same order. At 50,000 children no read used it (every landing page, worklist,
-- the metrics and the command line's list, each plan logged by auto_explain), and every open deadline
-- written kept it up; with it gone those plans are unchanged.
drop index if exists obligation_due;
