-- Privacy (#7): who looked at which patient's record, and what the patient agreed to.

-- Views and exports of a patient's record. Ids and actions only, never personal
-- data, so the log outlives an erased patient as the trace the law asks for.
CREATE TABLE access_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    patient_id INTEGER NOT NULL,
    case_id    INTEGER,
    action     TEXT NOT NULL
);
CREATE INDEX access_log_patient ON access_log(patient_id, at);

-- Consent as given, with its scope; withdrawal is recorded, never deleted.
CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    patient_id   INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    given_on     TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    note         TEXT,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    withdrawn_on TEXT,
    withdrawn_by TEXT
);
CREATE INDEX consents_patient ON consents(patient_id);

-- An erased patient's name must leave the search index at once, not at the next
-- merge of its segments.
INSERT INTO case_search_fts (case_search_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO case_search_short (case_search_short, rank) VALUES ('secure-delete', 1);
