namespace Cdm.Postgres.Storage;

/// <summary>A stored state as read: its version, and its UTF-8 JSON (null once cleared).</summary>
internal sealed record StoredRow(long Version, byte[]? Payload);
