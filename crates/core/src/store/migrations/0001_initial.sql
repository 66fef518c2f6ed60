-- Kakehashi schema 1. Enum columns hold stable kebab-case ids, never display text.
-- Instants are RFC 3339 UTC text; dates are YYYY-MM-DD.

CREATE TABLE patients (
    id                   INTEGER PRIMARY KEY,
    family_name          TEXT NOT NULL,
    given_name           TEXT NOT NULL,
    family_name_kana     TEXT,
    given_name_kana      TEXT,
    name_order           TEXT NOT NULL CHECK (name_order IN ('family-first', 'given-first')),
    birth_date           TEXT,
    sex                  TEXT,
    nationality          TEXT,
    home_region          TEXT,
    home_zone            TEXT,
    preferred_language   TEXT,
    interpreter_language TEXT,
    phone                TEXT,
    email                TEXT,
    emergency_contact    TEXT,
    passport_number      TEXT,
    passport_expiry      TEXT,
    insurance            TEXT,
    dietary_notes        TEXT,
    consent_given_on     TEXT,
    consent_scope        TEXT,
    consent_withdrawn_on TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

CREATE TABLE providers (
    id             INTEGER PRIMARY KEY,
    name_en        TEXT NOT NULL,
    name_fr        TEXT NOT NULL,
    name_ja        TEXT NOT NULL,
    country        TEXT NOT NULL CHECK (country IN ('CA', 'JP')),
    city           TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    specialties    TEXT NOT NULL DEFAULT '[]',
    accreditations TEXT NOT NULL DEFAULT '[]',
    languages      TEXT NOT NULL DEFAULT '[]',
    desk_contact   TEXT
);

-- Per-year counters for case references; rows are only ever incremented.
CREATE TABLE case_ref_counters (
    year     INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
);

CREATE TABLE cases (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    patient_id     INTEGER NOT NULL REFERENCES patients(id),
    direction      TEXT NOT NULL CHECK (direction IN ('ca-to-jp', 'jp-to-ca')),
    specialty      TEXT NOT NULL,
    treatment      TEXT,
    provider_id    INTEGER REFERENCES providers(id),
    physician      TEXT,
    status         TEXT NOT NULL,
    priority       TEXT NOT NULL,
    opened_on      TEXT NOT NULL,
    target_date    TEXT,
    companions     INTEGER NOT NULL DEFAULT 0,
    estimate_minor INTEGER,
    currency       TEXT CHECK (currency IN ('CAD', 'JPY')),
    deposit_minor  INTEGER,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX cases_patient ON cases(patient_id);
-- The rowid again, in an index: pages of the newest-first list skip through this narrow
-- index rather than the wide table rows (0.8 ms instead of 6 ms for the last page of 100k).
CREATE INDEX cases_newest ON cases(id);
CREATE INDEX cases_status ON cases(status, id);
CREATE INDEX cases_provider ON cases(provider_id);

CREATE TABLE timeline_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT,
    zone        TEXT NOT NULL,
    title       TEXT,
    status_from TEXT,
    status_to   TEXT
);
CREATE INDEX timeline_case ON timeline_events(case_id, starts_at);

CREATE TABLE documents (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    state   TEXT NOT NULL,
    note    TEXT
);
CREATE INDEX documents_case ON documents(case_id);

CREATE TABLE tasks (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title   TEXT NOT NULL,
    due_on  TEXT,
    done    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_case ON tasks(case_id);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    written_at TEXT NOT NULL,
    channel    TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX notes_case ON notes(case_id);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Search (see search.rs): normalised text per case, in a trigram index for terms of
-- three characters or more and a word index of short-query tokens for shorter ones.
CREATE TABLE case_search (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    names   TEXT NOT NULL,
    other   TEXT NOT NULL,
    short   TEXT NOT NULL
);
CREATE VIRTUAL TABLE case_search_fts USING fts5(
    names, other, content = 'case_search', content_rowid = 'case_id', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE case_search_short USING fts5(
    short, content = 'case_search', content_rowid = 'case_id',
    tokenize = 'unicode61 remove_diacritics 0', detail = 'none'
);
CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN
    INSERT INTO case_search_fts (rowid, names, other) VALUES (new.case_id, new.names, new.other);
    INSERT INTO case_search_short (rowid, short) VALUES (new.case_id, new.short);
END;
CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN
    INSERT INTO case_search_fts (case_search_fts, rowid, names, other) VALUES ('delete', old.case_id, old.names, old.other);
    INSERT INTO case_search_short (case_search_short, rowid, short) VALUES ('delete', old.case_id, old.short);
END;
CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN
    INSERT INTO case_search_fts (case_search_fts, rowid, names, other) VALUES ('delete', old.case_id, old.names, old.other);
    INSERT INTO case_search_short (case_search_short, rowid, short) VALUES ('delete', old.case_id, old.short);
    INSERT INTO case_search_fts (rowid, names, other) VALUES (new.case_id, new.names, new.other);
    INSERT INTO case_search_short (rowid, short) VALUES (new.case_id, new.short);
END;
