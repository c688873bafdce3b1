-- A Standard Safeguarding Dataset extract loaded with `lantern import ssd` is recorded beside the
-- statutory returns' imports (its file hash makes a second load of the same files change nothing).
alter table return_import drop constraint return_import_return_type_check;
alter table return_import add constraint return_import_return_type_check check (return_type in ('cin-census', 'ssda903', 'ssd'));
