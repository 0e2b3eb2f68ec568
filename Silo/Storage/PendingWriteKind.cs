namespace Cdm.Silo.Storage;

/// <summary>What a queued <see cref="PendingWrite"/> does to its row.</summary>
internal enum PendingWriteKind
{
    Write,
    Clear,

    /// <summary>Deletes the row whatever its version (erasure: the row's key may itself be personal data).</summary>
    Erase,
}
