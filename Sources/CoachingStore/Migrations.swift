import GRDB

/// The database schema, as named forward-only migrations.
///
/// A migration, once released, is never edited: a change is a new one
/// appended here, and the store test migrates from every earlier version.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 staff, priorities, cycles and their records") { db in
            try db.execute(
                sql: """
                    CREATE TABLE staff (
                        code TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        subject TEXT NOT NULL DEFAULT '',
                        roles TEXT NOT NULL DEFAULT '',
                        email TEXT,
                        early_career_year INTEGER CHECK (early_career_year IN (1, 2)),
                        left_on TEXT,
                        pin_hash TEXT,
                        failed_logins INTEGER NOT NULL DEFAULT 0,
                        locked_until TEXT,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    );
                    CREATE TABLE priority (
                        code TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        detail TEXT NOT NULL DEFAULT '',
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE cycle (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        coachee TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE,
                        coach TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE,
                        observer TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE,
                        priority TEXT REFERENCES priority(code) ON UPDATE CASCADE,
                        focus TEXT NOT NULL DEFAULT '',
                        stage TEXT NOT NULL,
                        started_on TEXT NOT NULL,
                        stage_since TEXT NOT NULL,
                        closed_on TEXT,
                        CHECK (coachee <> coach AND coachee <> observer AND coach <> observer)
                    );
                    CREATE INDEX cycle_stage ON cycle(stage);
                    CREATE INDEX cycle_coachee ON cycle(coachee);
                    CREATE INDEX cycle_coach ON cycle(coach);
                    CREATE INDEX cycle_observer ON cycle(observer);
                    CREATE TABLE cycle_stage_move (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
                        stage TEXT NOT NULL,
                        moved_on TEXT NOT NULL,
                        moved_by TEXT
                    );
                    CREATE INDEX cycle_stage_move_cycle ON cycle_stage_move(cycle_id);
                    CREATE TABLE agreement (
                        cycle_id INTEGER PRIMARY KEY REFERENCES cycle(id) ON DELETE CASCADE,
                        goals TEXT NOT NULL,
                        priority TEXT REFERENCES priority(code) ON UPDATE CASCADE,
                        coachee_commitments TEXT NOT NULL DEFAULT '',
                        coach_commitments TEXT NOT NULL DEFAULT '',
                        meeting_pattern TEXT NOT NULL DEFAULT '',
                        duration_weeks INTEGER NOT NULL DEFAULT 6,
                        coachee_confirmed_on TEXT,
                        coach_confirmed_on TEXT,
                        updated_at TEXT NOT NULL
                    );
                    CREATE TABLE session_proforma (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
                        author TEXT NOT NULL,
                        held_on TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        goal TEXT NOT NULL DEFAULT '',
                        reality TEXT NOT NULL DEFAULT '',
                        options TEXT NOT NULL DEFAULT '',
                        will TEXT NOT NULL DEFAULT '',
                        tactics TEXT NOT NULL DEFAULT '',
                        habits TEXT NOT NULL DEFAULT '',
                        shared_with_observer INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL
                    );
                    CREATE INDEX session_proforma_cycle ON session_proforma(cycle_id, held_on);
                    CREATE TABLE agreed_action (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        session_id INTEGER NOT NULL REFERENCES session_proforma(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        action TEXT NOT NULL,
                        who TEXT NOT NULL DEFAULT '',
                        by_when TEXT
                    );
                    CREATE INDEX agreed_action_session ON agreed_action(session_id);
                    CREATE TABLE observation (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
                        author TEXT NOT NULL,
                        held_on TEXT NOT NULL,
                        lesson_class TEXT NOT NULL DEFAULT '',
                        subject TEXT NOT NULL DEFAULT '',
                        look_fors TEXT NOT NULL DEFAULT '',
                        seen_and_heard TEXT NOT NULL DEFAULT '',
                        questions TEXT NOT NULL DEFAULT '',
                        created_at TEXT NOT NULL
                    );
                    CREATE INDEX observation_cycle ON observation(cycle_id);
                    CREATE TABLE impact_statement (
                        cycle_id INTEGER PRIMARY KEY REFERENCES cycle(id) ON DELETE CASCADE,
                        goal TEXT NOT NULL DEFAULT '',
                        practice TEXT NOT NULL DEFAULT '',
                        change_in_teaching TEXT NOT NULL DEFAULT '',
                        pupil_outcomes_before TEXT NOT NULL DEFAULT '',
                        pupil_outcomes_after TEXT NOT NULL DEFAULT '',
                        went_well TEXT NOT NULL DEFAULT '',
                        could_have_gone_better TEXT NOT NULL DEFAULT '',
                        next_steps TEXT NOT NULL DEFAULT '',
                        author TEXT NOT NULL,
                        submitted_on TEXT NOT NULL
                    );
                    CREATE TABLE goal (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        cycle_id INTEGER REFERENCES cycle(id) ON DELETE CASCADE,
                        owner TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE ON DELETE CASCADE,
                        text TEXT NOT NULL,
                        priority TEXT REFERENCES priority(code) ON UPDATE CASCADE,
                        status TEXT NOT NULL,
                        set_on TEXT NOT NULL
                    );
                    CREATE INDEX goal_owner ON goal(owner);
                    CREATE INDEX goal_cycle ON goal(cycle_id);
                    CREATE INDEX goal_priority ON goal(priority, status);
                    CREATE TABLE cpd_activity (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        owner TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE ON DELETE CASCADE,
                        held_on TEXT NOT NULL,
                        title TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        hours REAL NOT NULL CHECK (hours >= 0),
                        priority TEXT REFERENCES priority(code) ON UPDATE CASCADE,
                        reflection TEXT NOT NULL DEFAULT ''
                    );
                    CREATE INDEX cpd_activity_owner ON cpd_activity(owner, held_on);
                    """)
        }
        migrator.registerMigration("v2 drafts, audit log and print outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE draft_field (
                        staff TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE ON DELETE CASCADE,
                        form TEXT NOT NULL,
                        context TEXT NOT NULL DEFAULT '',
                        field TEXT NOT NULL,
                        value TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        PRIMARY KEY (staff, form, context, field)
                    );
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        actor TEXT,
                        terminal TEXT NOT NULL,
                        action TEXT NOT NULL,
                        record_kind TEXT,
                        record_id TEXT,
                        detail TEXT NOT NULL DEFAULT ''
                    );
                    CREATE INDEX audit_log_actor ON audit_log(actor, at);
                    CREATE INDEX audit_log_at ON audit_log(at);
                    CREATE TABLE print_job (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        requested_at TEXT NOT NULL,
                        requested_by TEXT,
                        terminal TEXT NOT NULL,
                        document TEXT NOT NULL,
                        record_id TEXT,
                        parameters TEXT NOT NULL DEFAULT '{}',
                        printer TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'queued',
                        cups_job_id INTEGER,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at TEXT,
                        last_error TEXT,
                        updated_at TEXT NOT NULL
                    );
                    CREATE INDEX print_job_state ON print_job(state, next_attempt_at);
                    """)
        }
        // A job being handed to CUPS is claimed by one process, so that the
        // daemon and a `print` command never send the same job twice.
        migrator.registerMigration("v3 print job claims") { db in
            try db.execute(sql: "ALTER TABLE print_job ADD COLUMN claimed_by TEXT")
        }
        // The monitoring reports read dates, stages and statuses only: covering
        // indexes let them count without reading a record's text.
        migrator.registerMigration("v4 report indexes") { db in
            try db.execute(
                sql: """
                    CREATE INDEX cycle_report ON cycle(started_on, closed_on);
                    CREATE INDEX session_proforma_report ON session_proforma(cycle_id, shared_with_observer, held_on);
                    CREATE INDEX agreement_report ON agreement(cycle_id, coachee_confirmed_on, coach_confirmed_on);
                    CREATE INDEX impact_statement_report ON impact_statement(submitted_on, cycle_id);
                    CREATE INDEX goal_report ON goal(set_on, status, priority, owner, cycle_id);
                    CREATE INDEX cpd_activity_report ON cpd_activity(held_on, owner, kind, priority, hours);
                    """)
        }
        return migrator
    }
}
