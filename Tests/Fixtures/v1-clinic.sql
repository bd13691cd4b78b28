-- A PainLadder database as the first schema version ("v1", store commit 1d27d9c) wrote it:
-- two patients (one updated), a course held then resumed with an override, a course stopped,
-- their plan versions and the audit trail. Made by make-v1-fixture.swift (see README.md) and
-- `sqlite3 v1.sqlite .dump`. `.dump` does not carry header fields, so the application id
-- ("PLDR", which marks the file as PainLadder's) is set first by hand.
PRAGMA application_id = 1347175506;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1');
CREATE TABLE patient (
    id TEXT NOT NULL PRIMARY KEY CHECK (length(id) > 0),
    name TEXT,
    birth_date TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    weight_kg REAL,
    serum_creatinine REAL,
    serum_creatinine_unit TEXT,
    creatinine_clearance REAL,
    hepatic_impairment INTEGER NOT NULL CHECK (hepatic_impairment IN (0, 1)),
    frail INTEGER NOT NULL CHECK (frail IN (0, 1)),
    pregnancy_potential INTEGER NOT NULL CHECK (pregnancy_potential IN (0, 1)),
    diagnosis TEXT NOT NULL,
    conditions TEXT NOT NULL CHECK (json_valid(conditions) AND json_type(conditions) = 'array'),
    medicines TEXT NOT NULL CHECK (json_valid(medicines) AND json_type(medicines) = 'array'),
    created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    updated_at TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CHECK ((serum_creatinine IS NULL) = (serum_creatinine_unit IS NULL))
) STRICT;
INSERT INTO patient VALUES('P001','Ann O''Neill "Annie"; née Müller','1958-04-12','female','Europe/London',68.499999999999999999,88.0,'umol/L',52.0,0,0,0,'diabetic-peripheral-neuropathy','[]','["codeine","sertraline"]','2026-01-05T09:00:00.000Z','2026-02-01T10:00:00.000Z');
INSERT INTO patient VALUES('P002',NULL,'1949-11-30','male','America/New_York',NULL,NULL,NULL,45.0,0,1,0,'post-herpetic-neuralgia','[]','[]','2026-01-05T09:30:00.000Z','2026-01-05T09:30:00.000Z');
CREATE TABLE course (
    id INTEGER PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient(id),
    drug TEXT NOT NULL,
    variant TEXT NOT NULL,
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status TEXT NOT NULL,
    outcome TEXT,
    created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    created_by TEXT NOT NULL
) STRICT;
INSERT INTO course VALUES(1,'P001','amitriptyline','standard','2026-01-06','titrating',NULL,'2026-01-05T10:00:00.000Z','dr.rao');
INSERT INTO course VALUES(2,'P002','gabapentin','standard','2026-01-08','stopped','not-tolerated','2026-01-07T14:00:00.000Z','nurse.lee');
CREATE TABLE plan_version (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES course(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    replaces_id INTEGER REFERENCES plan_version(id),
    created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    hold_reason TEXT,
    next_review_date TEXT CHECK (next_review_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    overrides TEXT NOT NULL CHECK (json_valid(overrides) AND json_type(overrides) = 'array'),
    schedule TEXT NOT NULL CHECK (json_valid(schedule) AND json_type(schedule) = 'object'),
    UNIQUE (course_id, version),
    UNIQUE (replaces_id),
    CHECK ((version = 1) = (replaces_id IS NULL))
) STRICT;
INSERT INTO plan_version VALUES(1,1,1,NULL,'2026-01-05T10:00:00.000Z','dr.rao','course started','2026-01-06',NULL,'2026-01-20','[]','{"cautions":[{"drug":"amitriptyline","kind":"caution","message":"start low in older people","rule":"older-adult","sources":["S37"],"status":"confirmed"}],"drug":"amitriptyline","maximumDailyDose":{"sources":["S13"],"status":"confirmed","value":60},"offLabel":false,"steps":[{"administrations":[{"doseMg":10,"time":"22:00","units":[{"count":1,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":1,"startDate":"2026-01-06"},{"administrations":[{"doseMg":20,"time":"22:00","units":[{"count":2,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":2,"startDate":"2026-01-13"},{"administrations":[{"doseMg":30,"time":"22:00","units":[{"count":3,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":3,"startDate":"2026-01-20"},{"administrations":[{"doseMg":40,"time":"22:00","units":[{"count":4,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":4,"startDate":"2026-01-27"},{"administrations":[{"doseMg":50,"time":"22:00","units":[{"count":5,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":5,"startDate":"2026-02-03"},{"administrations":[{"doseMg":60,"time":"22:00","units":[{"count":6,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":true,"minimumDays":7,"number":6,"startDate":"2026-02-10"}],"usualTarget":{"sources":["S11"],"status":"local","value":50},"variant":"standard"}');
INSERT INTO plan_version VALUES(2,1,2,1,'2026-01-16T11:00:00.000Z','painladder (hold rule)','moderate drowsiness reported on 2026-01-16: step-ups wait for a clinician''s review','2026-01-16','moderate drowsiness reported on 2026-01-16: step-ups wait for a clinician''s review','2026-01-20','[]','{"cautions":[{"drug":"amitriptyline","kind":"caution","message":"start low in older people","rule":"older-adult","sources":["S37"],"status":"confirmed"}],"drug":"amitriptyline","maximumDailyDose":{"sources":["S13"],"status":"confirmed","value":60},"offLabel":false,"steps":[{"administrations":[{"doseMg":10,"time":"22:00","units":[{"count":1,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":1,"startDate":"2026-01-06"},{"administrations":[{"doseMg":20,"time":"22:00","units":[{"count":2,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":2,"startDate":"2026-01-13"},{"administrations":[{"doseMg":30,"time":"22:00","units":[{"count":3,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":3,"startDate":"2026-01-20"},{"administrations":[{"doseMg":40,"time":"22:00","units":[{"count":4,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":4,"startDate":"2026-01-27"},{"administrations":[{"doseMg":50,"time":"22:00","units":[{"count":5,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":5,"startDate":"2026-02-03"},{"administrations":[{"doseMg":60,"time":"22:00","units":[{"count":6,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":true,"minimumDays":7,"number":6,"startDate":"2026-02-10"}],"usualTarget":{"sources":["S11"],"status":"local","value":50},"variant":"standard"}');
INSERT INTO plan_version VALUES(3,1,3,2,'2026-01-20T15:00:00.000Z','dr.rao','reviewed: continue','2026-01-20',NULL,'2026-02-17','[{"at":"2026-01-20T15:00:00.000Z","by":"dr.rao","limit":"minimumInterval","reason":"tolerating well"}]','{"cautions":[{"drug":"amitriptyline","kind":"caution","message":"start low in older people","rule":"older-adult","sources":["S37"],"status":"confirmed"}],"drug":"amitriptyline","maximumDailyDose":{"sources":["S13"],"status":"confirmed","value":60},"offLabel":false,"steps":[{"administrations":[{"doseMg":10,"time":"22:00","units":[{"count":1,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":1,"startDate":"2026-01-06"},{"administrations":[{"doseMg":20,"time":"22:00","units":[{"count":2,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":2,"startDate":"2026-01-13"},{"administrations":[{"doseMg":30,"time":"22:00","units":[{"count":3,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":3,"startDate":"2026-01-20"},{"administrations":[{"doseMg":40,"time":"22:00","units":[{"count":4,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":4,"startDate":"2026-01-27"},{"administrations":[{"doseMg":50,"time":"22:00","units":[{"count":5,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":false,"minimumDays":7,"number":5,"startDate":"2026-02-03"},{"administrations":[{"doseMg":60,"time":"22:00","units":[{"count":6,"strength":{"form":"tablet","mg":10}}]}],"beyondTarget":true,"minimumDays":7,"number":6,"startDate":"2026-02-10"}],"usualTarget":{"sources":["S11"],"status":"local","value":50},"variant":"standard"}');
INSERT INTO plan_version VALUES(4,2,1,NULL,'2026-01-07T14:00:00.000Z','nurse.lee','course started','2026-01-08',NULL,'2026-01-22','[]','{"cautions":[{"drug":"gabapentin","kind":"caution","message":"start low in older people","rule":"older-adult","sources":["S37"],"status":"confirmed"}],"drug":"gabapentin","maximumDailyDose":{"sources":["S13"],"status":"confirmed","value":2700},"offLabel":false,"steps":[{"administrations":[{"doseMg":300,"time":"08:00","units":[{"count":1,"strength":{"form":"capsule","mg":300}}]},{"doseMg":300,"time":"14:00","units":[{"count":1,"strength":{"form":"capsule","mg":300}}]},{"doseMg":300,"time":"22:00","units":[{"count":1,"strength":{"form":"capsule","mg":300}}]}],"beyondTarget":false,"minimumDays":7,"number":1,"startDate":"2026-01-08"},{"administrations":[{"doseMg":600,"time":"08:00","units":[{"count":2,"strength":{"form":"capsule","mg":300}}]},{"doseMg":600,"time":"14:00","units":[{"count":2,"strength":{"form":"capsule","mg":300}}]},{"doseMg":600,"time":"22:00","units":[{"count":2,"strength":{"form":"capsule","mg":300}}]}],"beyondTarget":false,"minimumDays":7,"number":2,"startDate":"2026-01-15"},{"administrations":[{"doseMg":900,"time":"08:00","units":[{"count":3,"strength":{"form":"capsule","mg":300}}]},{"doseMg":900,"time":"14:00","units":[{"count":3,"strength":{"form":"capsule","mg":300}}]},{"doseMg":900,"time":"22:00","units":[{"count":3,"strength":{"form":"capsule","mg":300}}]}],"beyondTarget":true,"minimumDays":7,"number":3,"startDate":"2026-01-22"}],"usualTarget":{"sources":["S11"],"status":"local","value":1800},"variant":"standard"}');
INSERT INTO plan_version VALUES(5,2,2,4,'2026-01-22T16:00:00.000Z','nurse.lee','not tolerated: dizziness','2026-01-22',NULL,NULL,'[]','{"cautions":[{"drug":"gabapentin","kind":"caution","message":"start low in older people","rule":"older-adult","sources":["S37"],"status":"confirmed"}],"drug":"gabapentin","maximumDailyDose":{"sources":["S13"],"status":"confirmed","value":2700},"offLabel":false,"steps":[{"administrations":[{"doseMg":300,"time":"08:00","units":[{"count":1,"strength":{"form":"capsule","mg":300}}]},{"doseMg":300,"time":"14:00","units":[{"count":1,"strength":{"form":"capsule","mg":300}}]},{"doseMg":300,"time":"22:00","units":[{"count":1,"strength":{"form":"capsule","mg":300}}]}],"beyondTarget":false,"minimumDays":7,"number":1,"startDate":"2026-01-08"},{"administrations":[{"doseMg":600,"time":"08:00","units":[{"count":2,"strength":{"form":"capsule","mg":300}}]},{"doseMg":600,"time":"14:00","units":[{"count":2,"strength":{"form":"capsule","mg":300}}]},{"doseMg":600,"time":"22:00","units":[{"count":2,"strength":{"form":"capsule","mg":300}}]}],"beyondTarget":false,"minimumDays":7,"number":2,"startDate":"2026-01-15"},{"administrations":[{"doseMg":900,"time":"08:00","units":[{"count":3,"strength":{"form":"capsule","mg":300}}]},{"doseMg":900,"time":"14:00","units":[{"count":3,"strength":{"form":"capsule","mg":300}}]},{"doseMg":900,"time":"22:00","units":[{"count":3,"strength":{"form":"capsule","mg":300}}]}],"beyondTarget":true,"minimumDays":7,"number":3,"startDate":"2026-01-22"}],"usualTarget":{"sources":["S11"],"status":"local","value":1800},"variant":"standard"}');
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patient(id),
    course_id INTEGER REFERENCES course(id),
    detail TEXT NOT NULL CHECK (json_valid(detail))
) STRICT;
INSERT INTO audit VALUES(1,'2026-01-05T09:00:00.000Z','dr.rao','patient.add','P001',NULL,'{"patient":{"birthDate":"1958-04-12","conditions":[],"diagnosis":"diabetic-peripheral-neuropathy","frail":false,"hepaticImpairment":false,"id":"P001","medicines":["codeine"],"name":"Ann O''Neill \"Annie\"; née Müller","pregnancyPotential":false,"serumCreatinine":{"unit":"umol/L","value":88},"sex":"female","timeZone":"Europe/London","weightKg":68.5}}');
INSERT INTO audit VALUES(2,'2026-01-05T09:30:00.000Z','dr.rao','patient.add','P002',NULL,'{"patient":{"birthDate":"1949-11-30","conditions":[],"creatinineClearance":45,"diagnosis":"post-herpetic-neuralgia","frail":true,"hepaticImpairment":false,"id":"P002","medicines":[],"pregnancyPotential":false,"sex":"male","timeZone":"America/New_York"}}');
INSERT INTO audit VALUES(3,'2026-01-05T10:00:00.000Z','dr.rao','course.start','P001',1,'{"drug":"amitriptyline","planVersionID":1,"reason":"course started","startDate":"2026-01-06","status":"titrating","variant":"standard"}');
INSERT INTO audit VALUES(4,'2026-01-16T11:00:00.000Z','painladder (hold rule)','plan.version','P001',1,'{"effectiveFrom":"2026-01-16","holdReason":"moderate drowsiness reported on 2026-01-16: step-ups wait for a clinician''s review","nextReviewDate":"2026-01-20","planVersionID":2,"reason":"moderate drowsiness reported on 2026-01-16: step-ups wait for a clinician''s review","replacesID":1,"statusAfter":"held","statusBefore":"titrating","version":2}');
INSERT INTO audit VALUES(5,'2026-01-20T15:00:00.000Z','dr.rao','plan.version','P001',1,'{"effectiveFrom":"2026-01-20","nextReviewDate":"2026-02-17","planVersionID":3,"reason":"reviewed: continue","replacesID":2,"statusAfter":"titrating","statusBefore":"held","version":3}');
INSERT INTO audit VALUES(6,'2026-01-07T14:00:00.000Z','nurse.lee','course.start','P002',2,'{"drug":"gabapentin","planVersionID":4,"reason":"course started","startDate":"2026-01-08","status":"titrating","variant":"standard"}');
INSERT INTO audit VALUES(7,'2026-01-22T16:00:00.000Z','nurse.lee','plan.version','P002',2,'{"effectiveFrom":"2026-01-22","outcome":"not-tolerated","planVersionID":5,"reason":"not tolerated: dizziness","replacesID":4,"statusAfter":"stopped","statusBefore":"titrating","version":2}');
INSERT INTO audit VALUES(8,'2026-02-01T10:00:00.000Z','dr.rao','patient.update','P001',NULL,'{"after":{"birthDate":"1958-04-12","conditions":[],"creatinineClearance":52,"diagnosis":"diabetic-peripheral-neuropathy","frail":false,"hepaticImpairment":false,"id":"P001","medicines":["codeine","sertraline"],"name":"Ann O''Neill \"Annie\"; née Müller","pregnancyPotential":false,"serumCreatinine":{"unit":"umol/L","value":88},"sex":"female","timeZone":"Europe/London","weightKg":68.5},"before":{"birthDate":"1958-04-12","conditions":[],"diagnosis":"diabetic-peripheral-neuropathy","frail":false,"hepaticImpairment":false,"id":"P001","medicines":["codeine"],"name":"Ann O''Neill \"Annie\"; née Müller","pregnancyPotential":false,"serumCreatinine":{"unit":"umol/L","value":88},"sex":"female","timeZone":"Europe/London","weightKg":68.5},"reason":"new blood test; started sertraline"}');
CREATE INDEX course_by_patient ON course(patient_id, start_date, id);
CREATE INDEX plan_version_by_next_review ON plan_version(next_review_date)
    WHERE next_review_date IS NOT NULL;
CREATE TRIGGER plan_version_no_update BEFORE UPDATE ON plan_version
    BEGIN SELECT RAISE(ABORT, 'plan versions are append-only'); END;
CREATE TRIGGER plan_version_no_delete BEFORE DELETE ON plan_version
    BEGIN SELECT RAISE(ABORT, 'plan versions are append-only'); END;
CREATE INDEX audit_by_patient ON audit(patient_id, id);
CREATE INDEX audit_by_course ON audit(course_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
COMMIT;
