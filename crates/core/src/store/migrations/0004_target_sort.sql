-- Performance (#8): the target-date order as one key, so that a deep page of the list
-- can seek to where it starts. SQLite seeks neither on the three-part index this
-- replaces (`target_date IS NULL, target_date, id`) nor on a row value holding an
-- expression, so the key is a single text: the date, or '~' (after every date) when
-- there is none, then the id zero-padded so that text order is (date, id) order.
DROP INDEX cases_target;
CREATE INDEX cases_target ON cases(coalesce(target_date, '~') || printf('%012d', id));
