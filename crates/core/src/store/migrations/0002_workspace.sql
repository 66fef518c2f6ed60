-- Kakehashi schema 2: the coordinator's workspace (case editing, filters, dashboard).

-- Over 90 days in Japan needs a certificate of eligibility; see documents.rs.
ALTER TABLE cases ADD COLUMN expected_stay_days INTEGER;
-- When a task was ticked off, for the record; NULL while open.
ALTER TABLE tasks ADD COLUMN done_at TEXT;

-- Each filter of the case list pages newest first through its own index.
DROP INDEX cases_provider;
CREATE INDEX cases_provider ON cases(provider_id, id);
CREATE INDEX cases_specialty ON cases(specialty, id);
CREATE INDEX cases_priority ON cases(priority, id);
CREATE INDEX cases_direction ON cases(direction, id);
CREATE INDEX cases_target ON cases(target_date, id);
CREATE INDEX patients_name ON patients(family_name, given_name);

-- The dashboard: open tasks by due date, events by start, documents waited for.
CREATE INDEX tasks_open_due ON tasks(due_on) WHERE done = 0;
CREATE INDEX timeline_upcoming ON timeline_events(starts_at) WHERE kind <> 'status-change';
CREATE INDEX documents_state ON documents(state, case_id);
