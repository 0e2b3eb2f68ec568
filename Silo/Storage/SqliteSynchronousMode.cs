namespace Cdm.Silo.Storage;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels, as applied to the writer connection.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>No fsync: a power loss can lose or corrupt committed data.</summary>
    Off = 0,

    /// <summary>In WAL mode, fsync only at checkpoints: survives a process crash, not a power loss.</summary>
    Normal = 1,

    /// <summary>In WAL mode, fsync of the log at every commit: an acknowledged write survives a power loss.</summary>
    Full = 2,

    /// <summary>As <see cref="Full"/>, and also syncs the directory after the log is reset.</summary>
    Extra = 3,
}
