-- The access log's hash chain (store/chain.rs): each row's link to the one before.
-- Rows already written are linked by the program right after this step.
ALTER TABLE access_log ADD COLUMN chain BLOB;
