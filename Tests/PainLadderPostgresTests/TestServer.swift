import Foundation
import PainLadderPostgres
import PainLadderTestSupport

/// The private PostgreSQL cluster the tests run against: the one named by `PGHOST`/`PGPORT`
/// (`.ci/run` starts it), else the one `Scripts/pg-test-cluster.sh start` starts or finds.
/// Each test gets a database of its own. A test that needs the server fails with the reason
/// when there is none: a backend left untested must not look green.
enum TestServer {
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The cluster's variables, found once.
    static let environment: Result<[String: String], Unavailable> = {
        var env = ProcessInfo.processInfo.environment
        if env["PGHOST"] == nil || env["PGPORT"] == nil {
            let script = OutsideValidator.packageRoot.appendingPathComponent("Scripts/pg-test-cluster.sh").path
            guard let started = try? OutsideValidator.launch("/bin/bash", [script, "start"], input: nil),
                  started.status == 0 else {
                return .failure(Unavailable(description: "no PostgreSQL test cluster: PGHOST/PGPORT unset and Scripts/pg-test-cluster.sh start failed"))
            }
            for pair in started.stdout.replacingOccurrences(of: "export ", with: "").split(whereSeparator: \.isWhitespace) {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if kv.count == 2 { env[kv[0]] = kv[1] }
            }
        }
        return .success(env)
    }()

    /// Settings for a new, empty database on the cluster.
    static func freshDatabase() throws -> PostgresSettings {
        let env = try environment.get()
        let admin = try PostgresSettings(url: "postgresql:///postgres", environment: env)
        let name = "painladder_test_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresStore.createDatabase(name, on: admin)
        var settings = admin
        settings.database = name
        return settings
    }
}
