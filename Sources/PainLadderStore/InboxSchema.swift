import GRDB

/// Migration "v8-inbox": the clinician's inbox. `inbox_item` holds each clinician-facing
/// event the reminder job handed out (one per reminder key); `inbox_event` its state changes
/// (acknowledged with who, when and a note; resolved by a decision), append-only like the
/// journal. An item changes only when the job next hands it out again (`renotify_at`, with a
/// partial index so a run reads only the items due), which an acknowledgement or a decision
/// clears.
///
/// A decision (a plan version whose `decision` names a kind) resolves every item of its
/// course not yet resolved, in its own transaction (the trigger below): the event keeps the
/// plan version, whose audit row says who decided and why.
enum InboxSchema {
    static func v8(_ db: Database) throws {
        let instant = StoreTime.instantGlob
        try db.execute(sql: """
            CREATE TABLE inbox_item (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
                category TEXT NOT NULL,
                kind TEXT NOT NULL,
                patient_id TEXT NOT NULL REFERENCES patient(id),
                course_id INTEGER NOT NULL REFERENCES course(id),
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                opened_at TEXT NOT NULL CHECK (opened_at GLOB '\(instant)'),
                message TEXT NOT NULL,
                reminder TEXT NOT NULL CHECK (json_valid(reminder) AND json_type(reminder) = 'object'),
                renotified INTEGER NOT NULL DEFAULT 0 CHECK (renotified >= 0),
                renotify_at TEXT CHECK (renotify_at GLOB '\(instant)')
            ) STRICT;
            CREATE INDEX inbox_item_renotify_due ON inbox_item(renotify_at) WHERE renotify_at IS NOT NULL;
            CREATE INDEX inbox_item_by_patient ON inbox_item(patient_id, id);
            CREATE INDEX inbox_item_by_course ON inbox_item(course_id);
            -- The reminder job reads a course's red-flag reports recorded since its window
            -- (they have no dose slot, so the slot index does not find them).
            CREATE INDEX journal_red_flag_by_course ON journal_entry(course_id, recorded_at)
                WHERE kind = 'side-effect' AND instr(detail, '"red-flag"') > 0;

            CREATE TABLE inbox_event (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES inbox_item(id),
                state TEXT NOT NULL CHECK (state IN ('acknowledged', 'resolved')),
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                actor TEXT NOT NULL,
                note TEXT,
                plan_version_id INTEGER REFERENCES plan_version(id),
                CHECK ((state = 'resolved') = (plan_version_id IS NOT NULL)),
                UNIQUE (item_id, state)
            ) STRICT;
            """)
        for g in guards { try db.execute(sql: g.sql) }
    }

    /// The guarding triggers (checked by `verify` once the tables exist) and the resolution.
    static let guards: [TamperGuards.Guard] = [
        // An item keeps what it says; only its re-notification schedule moves.
        .init(name: "inbox_item_fixed", sql: """
            CREATE TRIGGER inbox_item_fixed BEFORE UPDATE ON inbox_item WHEN NEW.id IS NOT OLD.id \
            OR NEW.key IS NOT OLD.key OR NEW.category IS NOT OLD.category OR NEW.kind IS NOT OLD.kind \
            OR NEW.patient_id IS NOT OLD.patient_id OR NEW.course_id IS NOT OLD.course_id OR NEW.at IS NOT OLD.at \
            OR NEW.opened_at IS NOT OLD.opened_at OR NEW.message IS NOT OLD.message OR NEW.reminder IS NOT OLD.reminder OR NEW.renotified < OLD.renotified \
            BEGIN SELECT RAISE(ABORT, 'an inbox item keeps what it says'); END
            """),
        TamperGuards.noDelete("inbox_item_no_delete", "inbox_item", "inbox items are kept"),
        TamperGuards.noReplace("inbox_item_no_replace", "inbox_item", "id = NEW.id OR key = NEW.key", "inbox items are kept"),
        // An entry corrected or undone is not repeated (its item stays open for the clinician;
        // a correction still above the maximum opens an item of its own).
        .init(name: "inbox_entry_superseded", sql: """
            CREATE TRIGGER inbox_entry_superseded AFTER INSERT ON journal_entry WHEN NEW.supersedes IS NOT NULL BEGIN
                UPDATE inbox_item SET renotify_at = NULL
                 WHERE key = 'clinician:c' || NEW.course_id || ':e' || NEW.supersedes AND renotify_at IS NOT NULL;
            END
            """),
    ] + TamperGuards.appendOnly("inbox_event", "inbox_event", key: "id = NEW.id OR (item_id = NEW.item_id AND state = NEW.state)",
                                "inbox states are append-only") + [
        .init(name: "inbox_resolved_by_decision", sql: """
            CREATE TRIGGER inbox_resolved_by_decision AFTER INSERT ON plan_version
                WHEN json_extract(NEW.decision, '$.kind') IS NOT NULL BEGIN
                INSERT INTO inbox_event (item_id, state, at, actor, note, plan_version_id)
                    SELECT i.id, 'resolved', NEW.created_at, NEW.author, NULL, NEW.id FROM inbox_item i
                     WHERE i.course_id = NEW.course_id
                       AND NOT EXISTS (SELECT 1 FROM inbox_event e WHERE e.item_id = i.id AND e.state = 'resolved');
                UPDATE inbox_item SET renotify_at = NULL WHERE course_id = NEW.course_id AND renotify_at IS NOT NULL;
            END
            """),
    ]
}
