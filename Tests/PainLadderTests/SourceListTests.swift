import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The validator finds `sources` lists through each type's hand-written
/// ``SourceListed`` conformance. These tests hold it to a walk of the value's JSON encoding
/// (how the validator used to find them): same lists, same paths, and the same first error.
@Suite("Source lists")
struct SourceListTests {
    /// Every object with a `sources` array in the JSON encoding of `value`, in walk order:
    /// an object's own list first, then its other members by sorted key, depth first.
    static func referenceWalk<T: Encodable>(_ value: T, prefix: String = "") throws -> [SourceList] {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
        var found: [SourceList] = []
        func walk(_ node: Any, _ path: [JSONPathComponent]) {
            if let object = node as? [String: Any] {
                if let tags = object["sources"] as? [String] { found.append(SourceList(path: path, tags: tags)) }
                for key in object.keys.sorted() where key != "sources" { walk(object[key]!, path + [.key(key)]) }
            } else if let array = node as? [Any] {
                for (i, item) in array.enumerated() { walk(item, path + [.index(i)]) }
            }
        }
        walk(json, prefix.isEmpty ? [] : [.key(prefix)])
        return found
    }

    static func visited<T: SourceListed>(_ value: T, prefix: String = "") -> [SourceList] {
        var visitor = SourceListVisitor(prefix: prefix)
        value.visitSourceLists(&visitor)
        return visitor.lists
    }

    @Test(arguments: ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
    func everyListOfADrugIsVisited(_ id: String) throws {
        let drug = try FormularyLoader.bundled().drug(id)
        let reference = try Self.referenceWalk(drug)
        let visited = Self.visited(drug)
        #expect(!reference.isEmpty)
        // Same lists; sorted into walk order they come out exactly as the walk found them.
        #expect(visited.count == reference.count)
        #expect(visited.sorted { SourceListVisitor.walkOrder($0.path, $1.path) } == reference)
    }

    @Test func everyListOfThePathwayIsVisited() throws {
        var pathway = try FormularyLoader.bundled().pathway
        // The bundled pathway sets no order; give it one so that every member is exercised.
        pathway.ladderOrder = Sourced(["gabapentin"], sources: ["S12"], status: .local)
        let reference = try Self.referenceWalk(pathway, prefix: "pathway")
        #expect(Self.visited(pathway, prefix: "pathway").sorted { SourceListVisitor.walkOrder($0.path, $1.path) } == reference)
        #expect(reference.first?.path == [.key("pathway"), .key("cockcroftGaultWeight")])
    }

    @Test func walkOrderPutsAPrefixFirstThenSortsKeysAndIndexes() {
        let own: [JSONPathComponent] = [.key("variants"), .index(0)]
        let child = own + [.key("steps")]
        #expect(SourceListVisitor.walkOrder(own, child))
        #expect(!SourceListVisitor.walkOrder(child, own))
        #expect(SourceListVisitor.walkOrder([.key("adequateTrial")], [.key("licensedFor")]))
        #expect(SourceListVisitor.walkOrder([.key("rules"), .index(2)], [.key("rules"), .index(10)]))
        #expect(!SourceListVisitor.walkOrder([.key("taper")], [.key("taper")]))
    }

    /// Two bad lists: the one first in sorted-key order is reported, whatever order the
    /// type lists its members in (Drug lists `licensedFor` before `adequateTrial`).
    @Test func ofTwoBadListsTheFirstBySortedKeyIsReported() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") {
            FormularyFixture.set(&$0, ["licensedFor", "sources"], to: ["S998"])
            FormularyFixture.set(&$0, ["adequateTrial", "sources"], to: ["S999"])
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "duloxetine")
        #expect(p.field == "adequateTrial.sources[0]")
        #expect(p.problem == "'S999' is not in sources.json")
    }

    @Test func siblingListsAreReportedInSortedKeyOrder() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["renalBands", 2, "titration", "usualTarget", "sources"], to: [String]())
            FormularyFixture.set(&$0, ["renalBands", 2, "maximumDailyDose", "sources"], to: ["S999"])
        }
        let p = try #require(refusal(dir))
        // "maximumDailyDose" sorts before "titration".
        #expect(p.field == "renalBands[2].maximumDailyDose.sources[0]")
    }
}
