import ArgumentParser
import PainLadder

/// `decide … switch` takes one of `--sequential`, `--cross-taper`, `--direct`; two of them are
/// a usage error argument-parser reports itself.
extension SwitchMode: EnumerableFlag {
    public static func help(for value: SwitchMode) -> ArgumentHelp? {
        switch value {
        case .sequential: "switch: the new drug starts when the old one's taper ends (default)."
        case .crossTaper: "switch: the new drug starts low on day 1 of the old drug's taper."
        case .direct: "switch: old drug's last dose today, new drug from tomorrow at the converted dose."
        }
    }
}
