namespace Cdm.Contracts.Matching;

/// <summary>The kind of change a <see cref="ReResolveExample"/> shows.</summary>
[GenerateSerializer, Alias("cdm.ReResolveChange")]
public enum ReResolveChange
{
    Merge = 0,
    Split = 1,
}
