using System.Collections.Immutable;

namespace Cdm.Contracts.Profiles;

/// <summary>What a resolver checks before merging a profile with another: its members and the keys they must not join.</summary>
[GenerateSerializer, Immutable, Alias("cdm.LinkFacts")]
public sealed record LinkFacts(
    [property: Id(0)] ImmutableArray<string> Members,
    [property: Id(1)] ImmutableArray<string> DoNotLink)
{
    /// <summary>The deterministic identifier keys the profile holds (source keys excluded), for identifier limits.</summary>
    [Id(2)]
    public ImmutableArray<string> IdentifierKeys { get; init; } = [];

    /// <summary>Whether the two profiles may become one.</summary>
    public bool CompatibleWith(LinkFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return !DoNotLink.Any(other.Members.Contains) && !other.DoNotLink.Any(Members.Contains);
    }

    /// <summary>The facts of two profiles made one.</summary>
    public LinkFacts Union(LinkFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Members.Union(other.Members)], [.. DoNotLink.Union(other.DoNotLink)]) { IdentifierKeys = [.. IdentifierKeys.Union(other.IdentifierKeys)] };
    }
}
