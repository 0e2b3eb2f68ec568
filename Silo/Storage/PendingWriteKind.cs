namespace Cdm.Silo.Storage;

/// <summary>What a queued <see cref="PendingWrite"/> does to its row.</summary>
internal enum PendingWriteKind
{
    Write,
    Clear,
}
