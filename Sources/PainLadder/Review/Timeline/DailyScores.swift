import Foundation

/// A day's pain, sleep and mood interference (0–10): the mean of that day's entries.
public struct DailyScores: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var score: Double
    /// `nil` when no entry that day gave one.
    public var sleep: Double?
    public var mood: Double?

    /// One value per day with a score in `range`, in date order.
    static func days(_ points: [PainPoint], in range: ClosedRange<LocalDate>) -> [DailyScores] {
        var sums: [Int: (score: Int, n: Int, sleep: Int, sleeps: Int, mood: Int, moods: Int)] = [:]
        for p in points where range.contains(p.day) {
            var s = sums[p.day.dayNumber, default: (0, 0, 0, 0, 0, 0)]
            s.score += p.detail.score
            s.n += 1
            if let sleep = p.detail.sleep { s.sleep += sleep; s.sleeps += 1 }
            if let mood = p.detail.mood { s.mood += mood; s.moods += 1 }
            sums[p.day.dayNumber] = s
        }
        return sums.keys.sorted().map { day in
            let s = sums[day]!
            return DailyScores(date: LocalDate(dayNumber: day), score: Double(s.score) / Double(s.n),
                               sleep: s.sleeps == 0 ? nil : Double(s.sleep) / Double(s.sleeps),
                               mood: s.moods == 0 ? nil : Double(s.mood) / Double(s.moods))
        }
    }
}
