import Foundation
import GRDB

/// The register's tables, one versioned migration each (docs/register.md documents them).
/// A database made by an older release is brought up to date when it is opened; a migration
/// once released is never edited, only followed by another.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: meetings, people, actions, threads, search") { db in
            try db.execute(sql: v1)
        }
        return m
    }

    /// Tables whose rows are read from the files, in the order a document's rows are written.
    static let v1 = """
    CREATE TABLE source_files (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      source_file TEXT NOT NULL,
      source_sha256 TEXT NOT NULL,
      pages INTEGER NOT NULL,
      method TEXT NOT NULL,
      ocr_confidence REAL,
      producer TEXT,
      diagnostics INTEGER NOT NULL
    );
    CREATE INDEX source_files_source_sha256 ON source_files(source_sha256);
    CREATE INDEX source_files_path ON source_files(path);

    CREATE TABLE bodies (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      basis TEXT NOT NULL,
      note TEXT
    );

    CREATE TABLE meetings (
      id INTEGER PRIMARY KEY,
      source_file_id INTEGER NOT NULL UNIQUE REFERENCES source_files(id) ON DELETE CASCADE,
      body_id INTEGER REFERENCES bodies(id),
      own_body_key TEXT NOT NULL,
      own_body_name TEXT NOT NULL,
      own_body_basis TEXT NOT NULL,
      title TEXT,
      organisation TEXT,
      date TEXT,
      sort_date TEXT,
      date_basis TEXT NOT NULL,
      start_time TEXT,
      end_time TEXT,
      venue TEXT,
      chair TEXT,
      next_date TEXT,
      next_text TEXT,
      is_action_log INTEGER NOT NULL
    );
    CREATE INDEX meetings_body ON meetings(body_id, sort_date);
    CREATE INDEX meetings_own_body_key ON meetings(own_body_key);

    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      body_id INTEGER REFERENCES bodies(id) ON DELETE CASCADE
    );

    CREATE TABLE attendance (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      list TEXT NOT NULL,
      name TEXT NOT NULL,
      role TEXT,
      initials TEXT,
      grp TEXT,
      status TEXT,
      arrived TEXT,
      left_at TEXT,
      substitute_for TEXT,
      interests TEXT,
      page INTEGER,
      person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      match TEXT
    );
    CREATE INDEX attendance_meeting ON attendance(meeting_id);
    CREATE INDEX attendance_person ON attendance(person_id);

    CREATE TABLE items (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      list TEXT NOT NULL,
      number TEXT,
      title TEXT,
      text TEXT NOT NULL,
      page INTEGER,
      matters_arising INTEGER NOT NULL
    );
    CREATE INDEX items_meeting ON items(meeting_id);
    CREATE INDEX items_parent ON items(parent_id);

    CREATE TABLE motions (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      item TEXT,
      text TEXT NOT NULL,
      mover TEXT,
      seconder TEXT,
      mover_name TEXT,
      seconder_name TEXT,
      mover_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      seconder_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      mover_match TEXT,
      seconder_match TEXT,
      result TEXT,
      votes_for INTEGER,
      votes_against INTEGER,
      abstentions INTEGER,
      unanimous INTEGER,
      page INTEGER
    );
    CREATE INDEX motions_meeting ON motions(meeting_id);
    CREATE INDEX motions_mover ON motions(mover_id);
    CREATE INDEX motions_seconder ON motions(seconder_id);

    CREATE TABLE votes (
      id INTEGER PRIMARY KEY,
      motion_id INTEGER NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      name TEXT NOT NULL,
      vote TEXT NOT NULL,
      person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      match TEXT
    );
    CREATE INDEX votes_motion ON votes(motion_id);
    CREATE INDEX votes_person ON votes(person_id);

    CREATE TABLE decisions (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      item TEXT,
      text TEXT NOT NULL,
      motion_id INTEGER REFERENCES motions(id) ON DELETE SET NULL,
      page INTEGER,
      origin TEXT NOT NULL
    );
    CREATE INDEX decisions_meeting ON decisions(meeting_id);

    CREATE TABLE action_threads (
      id INTEGER PRIMARY KEY,
      body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
      first_meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      last_meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      origin_date TEXT,
      ref TEXT,
      description TEXT NOT NULL,
      owners TEXT NOT NULL,
      owner_action_id INTEGER NOT NULL,
      due TEXT,
      due_end TEXT,
      status TEXT NOT NULL,
      status_meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      updates INTEGER NOT NULL
    );
    CREATE INDEX action_threads_body ON action_threads(body_id, status);

    CREATE TABLE actions (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      ref TEXT,
      item TEXT,
      description TEXT NOT NULL,
      owners TEXT NOT NULL,
      due TEXT,
      due_text TEXT,
      status TEXT,
      page INTEGER,
      matters_arising INTEGER NOT NULL,
      thread_id INTEGER REFERENCES action_threads(id) ON DELETE SET NULL,
      role TEXT
    );
    CREATE INDEX actions_meeting ON actions(meeting_id);
    CREATE INDEX actions_thread ON actions(thread_id);

    CREATE TABLE action_owners (
      id INTEGER PRIMARY KEY,
      action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      owner TEXT NOT NULL,
      owner_name TEXT,
      person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      match TEXT
    );
    CREATE INDEX action_owners_action ON action_owners(action_id);
    CREATE INDEX action_owners_person ON action_owners(person_id);

    CREATE TABLE action_updates (
      id INTEGER PRIMARY KEY,
      thread_id INTEGER NOT NULL REFERENCES action_threads(id) ON DELETE CASCADE,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
      item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      status TEXT NOT NULL,
      status_changed INTEGER NOT NULL,
      status_text TEXT,
      note TEXT,
      page INTEGER,
      rule TEXT NOT NULL,
      score REAL,
      reason TEXT NOT NULL
    );
    CREATE INDEX action_updates_thread ON action_updates(thread_id, seq);
    CREATE INDEX action_updates_meeting ON action_updates(meeting_id);

    CREATE TABLE ambiguities (
      id INTEGER PRIMARY KEY,
      body_id INTEGER REFERENCES bodies(id) ON DELETE CASCADE,
      meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      mention TEXT NOT NULL,
      candidates TEXT NOT NULL,
      context TEXT NOT NULL
    );
    CREATE INDEX ambiguities_body ON ambiguities(body_id);

    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      target_id INTEGER NOT NULL,
      page INTEGER,
      text TEXT NOT NULL
    );
    CREATE INDEX search_docs_meeting ON search_docs(meeting_id);
    CREATE VIRTUAL TABLE search USING fts5(
      text, content='search_docs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search(search, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    """
}
