-- Indexes the performance indicators read by. Several indicators count one rule's deadlines
-- falling due in a period across the whole council (visits, reviews, management oversight in
-- time); the obligation table's key leads with the child, so each read every deadline the council
-- has (two million rows for 50,000 children). The permanence indicator looks up each child's plans.
create index obligation_rule_due on obligation (la_code, rule_id, due_date);
create index permanence_plan_child on permanence_plan (la_code, child_id, agreed_on);
