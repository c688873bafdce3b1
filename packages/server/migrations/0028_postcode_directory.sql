-- The ONS Postcode Directory (issue 17), loaded by `lantern reference postcodes load FILE`, for the
-- SSDA903 placement facts the DfE derives from it (PL_LA, PL_LOCATION, PL_DISTANCE) and the rules
-- on them. National reference data, the same for every council, so like calendar_day it carries no
-- la_code and is not under the council wall; `ons_la_code` is the council the postcode is in.
-- postcode is in capitals without spaces ("HR12AA"); easting/northing are OS grid metres, null
-- where the directory has none.
create table postcode_directory (
  postcode text primary key,
  ons_la_code text not null default '',
  easting integer,
  northing integer
);
