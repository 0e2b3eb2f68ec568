namespace Cdm.Bench.Generation;

/// <summary>
/// People living together. A shared landline or family email in their records links them
/// deterministically, which is correct: the truth joins them too.
/// </summary>
public sealed class Household
{
    public required PostalAddress Address { get; init; }

    public required string LastName { get; init; }

    /// <summary>National number of the household's landline, when it has one.</summary>
    public string? Landline { get; init; }

    public string? SharedEmail { get; init; }
}
