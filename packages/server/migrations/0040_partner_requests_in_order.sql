-- A partner's open requests in the order their landing page lists them (soonest due first): the
-- page reads the first ten from the index instead of sorting every open request of the
-- organisation. With only (la_code, organisation_id), PostgreSQL chose a parallel scan of every
-- request and a sort on a 50,000-child council (partner.demo's organisation: 1,178 open of 21,629).
drop index partner_request_open_org;
create index partner_request_open_org on partner_request (la_code, organisation_id, respond_by, sent_on, request_id)
  where answered_on is null and withdrawn_on is null;
