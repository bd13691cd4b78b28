import Foundation
import PainLadder

extension StoreJSON {
    /// Reads a plan version's schedule JSON: what ``decode(_:from:)`` gives, faster.
    ///
    /// Why: the reminder job reads the plan of every course in progress on every run, and
    /// `JSONDecoder` cost about 1.9 million instructions a schedule (a dozen steps, each with
    /// administrations and units): most of `remind`'s time at 10,000 patients (BENCHMARKS.md).
    /// As for journal entries, anything unexpected goes to `JSONDecoder`, which decides.
    static func decodeSchedule(_ text: String) throws -> Schedule {
        var text = text
        let fast = text.withUTF8 { bytes -> Schedule? in
            var reader = StoreJSONReader(bytes: bytes)
            guard let schedule = reader.schedule() else { return nil }
            reader.skipSpace()
            return reader.i == bytes.count ? schedule : nil
        }
        if let fast { return fast }
        return try decode(Schedule.self, from: text)
    }
}

extension StoreJSONReader {
    mutating func schedule() -> Schedule? {
        var drug: String?, variant: String?, renalBand: String?, steps: [TitrationStep]?
        var maximum: Sourced<Milligrams>?, target: Sourced<Milligrams>?, cautions: [SafetyFinding]?, offLabel: Bool?
        guard object({ r, key in
            switch key {
            case "cautions": cautions = r.array { $0.finding() }; return cautions != nil
            case "drug": drug = r.string(); return drug != nil
            case "maximumDailyDose": maximum = r.sourcedMilligrams(); return maximum != nil
            case "offLabel": offLabel = r.bool(); return offLabel != nil
            case "renalBand": return r.optional(&renalBand) { $0.string() }
            case "steps": steps = r.array { $0.step() }; return steps != nil
            case "usualTarget": target = r.sourcedMilligrams(); return target != nil
            case "variant": variant = r.string(); return variant != nil
            default: return false
            }
        }), let drug, let variant, let steps, let maximum, let target, let cautions, let offLabel else { return nil }
        return Schedule(drug: drug, variant: variant, renalBand: renalBand, steps: steps, maximumDailyDose: maximum,
                        usualTarget: target, cautions: cautions, offLabel: offLabel)
    }

    mutating func step() -> TitrationStep? {
        var number: Int64?, start: LocalDate?, administrations: [Administration]?, minimumDays: Int64?, beyond: Bool?
        guard object({ r, key in
            switch key {
            case "administrations": administrations = r.array { $0.administration() }; return administrations != nil
            case "beyondTarget": beyond = r.bool(); return beyond != nil
            case "minimumDays": minimumDays = r.int(); return minimumDays != nil
            case "number": number = r.int(); return number != nil
            case "startDate": start = r.string().flatMap(LocalDate.init(parsing:)); return start != nil
            default: return false
            }
        }), let number, let start, let administrations, let minimumDays, let beyond else { return nil }
        return TitrationStep(number: Int(number), startDate: start, administrations: administrations,
                             minimumDays: Int(minimumDays), beyondTarget: beyond)
    }

    mutating func administration() -> Administration? {
        var time: LocalTime?, dose: Int64?, units: [UnitCount]?
        guard object({ r, key in
            switch key {
            case "doseMg": dose = r.int(); return dose != nil
            case "time": time = r.string().flatMap(LocalTime.init(parsing:)); return time != nil
            case "units": units = r.array { $0.unitCount() }; return units != nil
            default: return false
            }
        }), let time, let dose, let units else { return nil }
        return Administration(time: time, doseMg: Int(dose), units: units)
    }

    mutating func unitCount() -> UnitCount? {
        var count: Int64?, strength: Strength?
        guard object({ r, key in
            switch key {
            case "count": count = r.int(); return count != nil
            case "strength":
                var form: String?, mg: Int64?
                guard r.object({ r2, k2 in
                    switch k2 {
                    case "form": form = r2.string(); return form != nil
                    case "mg": mg = r2.int(); return mg != nil
                    default: return false
                    }
                }), let form, let mg else { return false }
                strength = Strength(mg: Int(mg), form: form)
                return true
            default: return false
            }
        }), let count, let strength else { return nil }
        return UnitCount(strength: strength, count: Int(count))
    }

    mutating func sourcedMilligrams() -> Sourced<Milligrams>? {
        var value: Int64?, sources: [String]?, status: EvidenceStatus?, note: String?
        guard object({ r, key in
            switch key {
            case "note": return r.optional(&note) { $0.string() }
            case "sources": sources = r.array { $0.string() }; return sources != nil
            case "status": status = r.string().flatMap(EvidenceStatus.init(rawValue:)); return status != nil
            case "value": value = r.int(); return value != nil
            default: return false
            }
        }), let value, let sources, let status else { return nil }
        return Sourced(Int(value), sources: sources, status: status, note: note)
    }

    mutating func finding() -> SafetyFinding? {
        var drug: String?, rule: String?, kind: SafetyRule.Kind?, message: String?, sources: [String]?
        var status: EvidenceStatus?
        guard object({ r, key in
            switch key {
            case "drug": drug = r.string(); return drug != nil
            case "kind": kind = r.string().flatMap(SafetyRule.Kind.init(rawValue:)); return kind != nil
            case "message": message = r.string(); return message != nil
            case "rule": rule = r.string(); return rule != nil
            case "sources": sources = r.array { $0.string() }; return sources != nil
            case "status": status = r.string().flatMap(EvidenceStatus.init(rawValue:)); return status != nil
            default: return false
            }
        }), let drug, let rule, let kind, let message, let sources, let status else { return nil }
        return SafetyFinding(drug: drug, rule: rule, kind: kind, message: message, sources: sources, status: status)
    }

    /// `[ item, … ]`, or nil when an item is not the expected shape.
    mutating func array<T>(_ item: (inout StoreJSONReader) -> T?) -> [T]? {
        guard take(91) else { return nil }   // [
        var result: [T] = []
        skipSpace()
        if take(93) { return result }
        repeat {
            guard let value = item(&self) else { return nil }
            result.append(value)
        } while take(44)
        return take(93) ? result : nil
    }
}
