import PainLadderClinic

/// The SQLite store is the default ``ClinicStore``: every unit of work one SQLite transaction
/// (see the topic files, `Store+Journal.swift`, `Store+Decisions.swift`, …).
extension Store: ClinicStore {}
