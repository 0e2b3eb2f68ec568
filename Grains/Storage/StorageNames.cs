namespace Cdm.Grains.Storage;

/// <summary>Names of the grain storage providers the grains use; the silo host registers them.</summary>
public static class StorageNames
{
    /// <summary>Grain state of profiles, identifiers and journals.</summary>
    public const string Cdm = "cdm";
}
