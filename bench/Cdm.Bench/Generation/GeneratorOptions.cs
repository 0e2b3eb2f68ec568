namespace Cdm.Bench.Generation;

/// <summary>What to generate: how many records, from which seed, with phone numbers of which country.</summary>
public sealed record GeneratorOptions(long Records, int Seed, PhoneRegion Region)
{
    /// <summary>Records added to each record's attributes under this name with its true component, when set.</summary>
    public string? TruthAttribute { get; init; }
}
