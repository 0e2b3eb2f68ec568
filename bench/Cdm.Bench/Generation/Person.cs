namespace Cdm.Bench.Generation;

/// <summary>A generated person: the clean values their source records are noisy copies of.</summary>
public sealed class Person
{
    public required int Id { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required DateOnly BirthDate { get; init; }

    public string? Email { get; init; }

    /// <summary>National number of the person's mobile, when they gave one.</summary>
    public string? Mobile { get; init; }

    public required PostalAddress Address { get; init; }

    public string? CrmId { get; init; }

    public string? LoyaltyId { get; init; }

    public Household? Household { get; init; }
}
