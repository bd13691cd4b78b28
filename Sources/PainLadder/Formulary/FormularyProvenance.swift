/// Where a formulary's data came from, so that every screen showing a clinical number can
/// say when it is not the data PainLadder was released with.
public enum FormularyProvenance: Sendable, Equatable {
    /// The files bundled with this release, byte for byte (their digest is the one the
    /// release's tests validated).
    case bundledRelease
    /// Files that differ from the bundled release: the `folder` they were read from and
    /// their `digest` (the bundled release's is `releaseDigest`).
    case modified(folder: String, digest: UInt64, releaseDigest: UInt64)
}
