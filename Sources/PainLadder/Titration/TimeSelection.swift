/// Chooses the wall-clock times for a day with fewer administrations than times.
///
/// - One administration: the last time when the variant keeps `evening` doses, the first
///   when it keeps `morning` doses.
/// - Several: spread evenly over the times, both ends included (indices
///   `round(i × (n − 1) ÷ (k − 1))`), so two doses out of 08:00, 14:00, 22:00 are 08:00 and 22:00.
/// - As many as there are times, or more: all the times.
///
/// ```swift
/// TimeSelection.times(count: 1, from: [t0800, t1400, t2200], fewerDosesAt: .evening)  // [22:00]
/// TimeSelection.times(count: 2, from: [t0800, t1400, t2200], fewerDosesAt: .evening)  // [08:00, 22:00]
/// ```
public enum TimeSelection {
    public static func times(count k: Int, from times: [LocalTime], fewerDosesAt: DayPart) -> [LocalTime] {
        let n = times.count
        guard k < n else { return times }
        guard k > 0 else { return [] }
        if k == 1 {
            return [fewerDosesAt == .evening ? times[n - 1] : times[0]]
        }
        return (0..<k).map { i in
            let position = (Double(i) * Double(n - 1) / Double(k - 1)).rounded(.toNearestOrAwayFromZero)
            return times[Int(position)]
        }
    }
}
