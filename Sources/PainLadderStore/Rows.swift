import Foundation
import GRDB
import PainLadder

/// Reading core values out of rows. A stored value that does not parse means the file was
/// changed outside PainLadder: it is reported, never guessed.
enum Rows {
    struct Unreadable: Error, CustomStringConvertible {
        let table: String, column: String, value: String
        var description: String { "\(table).\(column) holds '\(value)', which PainLadder cannot read" }
    }

    static func instant(_ row: Row, _ column: String, table: String) throws -> Date {
        let text: String = row[column]
        guard let date = StoreTime.date(text) else { throw Unreadable(table: table, column: column, value: text) }
        return date
    }

    static func date(_ row: Row, _ column: String, table: String) throws -> LocalDate {
        let text: String = row[column]
        guard let date = LocalDate(parsing: text) else { throw Unreadable(table: table, column: column, value: text) }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String, table: String) throws -> LocalDate? {
        guard let _: String = row[column] else { return nil }
        return try date(row, column, table: table)
    }

    static func enumValue<E: RawRepresentable>(_ row: Row, _ column: String, table: String) throws -> E
    where E.RawValue == String {
        let text: String = row[column]
        guard let value = E(rawValue: text) else { throw Unreadable(table: table, column: column, value: text) }
        return value
    }

    static func schedule(_ row: Row, table: String) throws -> Schedule {
        let text: String = row["schedule"]
        do { return try StoreJSON.decodeSchedule(text) } catch {
            throw Unreadable(table: table, column: "schedule", value: String(text.prefix(80)))
        }
    }

    static func json<T: Decodable>(_ row: Row, _ column: String, as type: T.Type, table: String) throws -> T {
        let text: String = row[column]
        do { return try StoreJSON.decode(type, from: text) } catch {
            throw Unreadable(table: table, column: column, value: String(text.prefix(80)))
        }
    }
}

extension Patient {
    init(row: Row) throws {
        let t = "patient"
        var creatinine: SerumCreatinine?
        if let value: Double = row["serum_creatinine"] {
            creatinine = SerumCreatinine(value: value, unit: try Rows.enumValue(row, "serum_creatinine_unit", table: t))
        }
        self.init(id: row["id"], name: row["name"], birthDate: try Rows.date(row, "birth_date", table: t),
                  sex: try Rows.enumValue(row, "sex", table: t), timeZone: row["time_zone"],
                  weightKg: row["weight_kg"], serumCreatinine: creatinine,
                  creatinineClearance: row["creatinine_clearance"],
                  hepaticImpairment: row["hepatic_impairment"], frail: row["frail"],
                  pregnancyPotential: row["pregnancy_potential"], diagnosis: row["diagnosis"],
                  conditions: try Rows.json(row, "conditions", as: [String].self, table: t),
                  medicines: try Rows.json(row, "medicines", as: [String].self, table: t))
    }

    /// Column values for INSERT/UPDATE, without `created_at`/`updated_at`.
    func columns() throws -> [String: (any DatabaseValueConvertible)?] {
        [
            "id": id, "name": name, "birth_date": birthDate.description, "sex": sex.rawValue,
            "time_zone": timeZone, "weight_kg": weightKg, "serum_creatinine": serumCreatinine?.value,
            "serum_creatinine_unit": serumCreatinine?.unit.rawValue, "creatinine_clearance": creatinineClearance,
            "hepatic_impairment": hepaticImpairment, "frail": frail, "pregnancy_potential": pregnancyPotential,
            "diagnosis": diagnosis, "conditions": try StoreJSON.encode(conditions),
            "medicines": try StoreJSON.encode(medicines),
        ]
    }
}

extension Course {
    init(row: Row) throws {
        let t = "course"
        let outcome: String? = row["outcome"]
        self.init(id: row["id"], patientID: row["patient_id"], drug: row["drug"], variant: row["variant"],
                  startDate: try Rows.date(row, "start_date", table: t),
                  status: try Rows.enumValue(row, "status", table: t),
                  outcome: try outcome.map { _ in try Rows.enumValue(row, "outcome", table: t) },
                  createdAt: try Rows.instant(row, "created_at", table: t), createdBy: row["created_by"])
    }
}

extension PlanVersion {
    init(row: Row) throws {
        let t = "plan_version"
        self.init(id: row["id"], courseID: row["course_id"], version: row["version"],
                  replacesID: row["replaces_id"], createdAt: try Rows.instant(row, "created_at", table: t),
                  author: row["author"], reason: row["reason"],
                  schedule: try Rows.schedule(row, table: t),
                  effectiveFrom: try Rows.date(row, "effective_from", table: t),
                  holdReason: row["hold_reason"],
                  overrides: try Rows.json(row, "overrides", as: [Override].self, table: t),
                  nextReviewDate: try Rows.optionalDate(row, "next_review_date", table: t),
                  decision: try (row["decision"] as String?).map { _ in try Rows.json(row, "decision", as: Decision.self, table: t) })
    }
}

extension Database {
    /// `INSERT INTO table (columns) VALUES (…)`; returns the new rowid.
    @discardableResult
    func insertRow(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try execute(sql: sql, arguments: StatementArguments(columns.map { values[$0]! }))
        return lastInsertedRowID
    }
}
