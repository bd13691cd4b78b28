import Testing
@testable import PainLadder

@Suite struct DoseSplitterTests {
    func strengths(_ mg: [Int]) -> [Strength] { mg.map { Strength(mg: $0, form: "capsule") } }
    var gabapentin: [Strength] { strengths([100, 300, 400, 600, 800]) }

    @Test func equalPartsWhenMakeable() {
        #expect(DoseSplitter.split(900, administrationsPerDay: 3, strengths: gabapentin) == [300, 300, 300])
        #expect(DoseSplitter.split(1200, administrationsPerDay: 3, strengths: gabapentin) == [400, 400, 400])
        #expect(DoseSplitter.split(1500, administrationsPerDay: 3, strengths: gabapentin) == [500, 500, 500])
        #expect(DoseSplitter.split(3600, administrationsPerDay: 3, strengths: gabapentin) == [1200, 1200, 1200])
    }

    @Test func remainderGoesToLaterDoses() {
        // 400 in three: 4 × 100 mg units → 1, 1, 2.
        #expect(DoseSplitter.split(400, administrationsPerDay: 3, strengths: gabapentin) == [100, 100, 200])
        // 500 in three: 5 units → 1, 2, 2.
        #expect(DoseSplitter.split(500, administrationsPerDay: 3, strengths: gabapentin) == [100, 200, 200])
        // Pregabalin 25 mg units: 125 in two → 50, 75.
        #expect(DoseSplitter.split(125, administrationsPerDay: 2, strengths: strengths([25, 50, 75])) == [50, 75])
    }

    @Test func noMoreDosesThanSmallestUnitsFit() {
        #expect(DoseSplitter.split(100, administrationsPerDay: 3, strengths: gabapentin) == [100])
        #expect(DoseSplitter.split(200, administrationsPerDay: 3, strengths: gabapentin) == [100, 100])
        #expect(DoseSplitter.split(300, administrationsPerDay: 3, strengths: gabapentin) == [100, 100, 100])
    }

    @Test func maximumSingleDoseForcesMoreDoses() {
        // Duloxetine 120 mg/day once daily with a 60 mg single maximum → 60 + 60.
        let dulox = strengths([30, 60])
        #expect(DoseSplitter.administrationCount(for: 120, administrationsPerDay: 1, strengths: dulox, maximumSingleDose: 60) == 2)
        #expect(DoseSplitter.split(120, administrationsPerDay: 1, strengths: dulox, maximumSingleDose: 60) == [60, 60])
        #expect(DoseSplitter.split(90, administrationsPerDay: 1, strengths: dulox, maximumSingleDose: 60) == [30, 60])
        #expect(DoseSplitter.split(60, administrationsPerDay: 1, strengths: dulox, maximumSingleDose: 60) == [60])
    }

    @Test func neverMoreThanTheTimesAvailable() {
        #expect(DoseSplitter.split(900, administrationsPerDay: 3, strengths: gabapentin, timesAvailable: 2) == [400, 500])
    }

    @Test func unmakeableGivesNil() {
        // 35 mg from 10 and 25 mg tablets in two doses: 10 + 25 works.
        #expect(DoseSplitter.split(35, into: 2, strengths: strengths([10, 25])) == [10, 25])
        // 15 mg cannot be made from 10 mg tablets at all.
        #expect(DoseSplitter.split(15, administrationsPerDay: 1, strengths: strengths([10])) == nil)
        // 75 mg in one dose but a 50 mg single maximum and only 25 mg units → 25, 50.
        #expect(DoseSplitter.split(75, administrationsPerDay: 1, strengths: strengths([25, 50]), maximumSingleDose: 50) == [25, 50])
    }
}

@Suite struct TimeSelectionTests {
    let three = ["08:00", "14:00", "22:00"].map(Fixtures.t)

    @Test func oneDoseEveningOrMorning() {
        #expect(TimeSelection.times(count: 1, from: three, fewerDosesAt: .evening) == [Fixtures.t("22:00")])
        #expect(TimeSelection.times(count: 1, from: three, fewerDosesAt: .morning) == [Fixtures.t("08:00")])
    }

    @Test func spreadIncludesBothEnds() {
        #expect(TimeSelection.times(count: 2, from: three, fewerDosesAt: .evening) == ["08:00", "22:00"].map(Fixtures.t))
        #expect(TimeSelection.times(count: 2, from: three, fewerDosesAt: .morning) == ["08:00", "22:00"].map(Fixtures.t))
        let four = ["07:00", "12:00", "17:00", "22:00"].map(Fixtures.t)
        // indices round(i × 3 / 2) = 0, 2 (1.5 rounds away from zero), 3
        #expect(TimeSelection.times(count: 3, from: four, fewerDosesAt: .evening) == ["07:00", "17:00", "22:00"].map(Fixtures.t))
        #expect(TimeSelection.times(count: 3, from: three, fewerDosesAt: .evening) == three)
    }
}
