using System.Collections.Immutable;

namespace Cdm.Contracts.Matching;

/// <summary>
/// The versioned match models of the cluster (key <see cref="Key"/>): each stored model is a JSON document
/// (format <c>cdm-fellegi-sunter/1</c>); at most one is active, and the resolvers pick a switch up without a restart.
/// </summary>
[Alias("cdm.IMatchModelGrain")]
public interface IMatchModelGrain : IGrainWithStringKey
{
    /// <summary>The key of the one registry.</summary>
    public const string Key = "models";

    /// <summary>Stores a model as the next version (validated first); activates it when asked.</summary>
    /// <exception cref="ArgumentException">The document is not a usable model.</exception>
    Task<MatchModelVersion> AddAsync(string document, string description, bool activate);

    /// <summary>Makes <paramref name="version"/> the active model; 0 turns probabilistic matching off.</summary>
    /// <exception cref="ArgumentException">No such version.</exception>
    Task<MatchModelVersion?> ActivateAsync(int version);

    /// <summary>The active model with its document, or null when none is.</summary>
    Task<MatchModelVersion?> GetActiveAsync();

    /// <summary>One version with its document, or null.</summary>
    Task<MatchModelVersion?> GetAsync(int version);

    /// <summary>Every version, newest first, without documents.</summary>
    Task<ImmutableArray<MatchModelVersion>> ListAsync();

    /// <summary>
    /// Erasure: removes from the term-frequency tables of every stored version the values (by field, with how many of the
    /// erased person's records held each) that no one else held. Returns how many entries went.
    /// </summary>
    Task<int> ForgetValuesAsync(ImmutableDictionary<string, ImmutableDictionary<string, int>> values);
}

/// <summary>One stored model; <see cref="Document"/> is left out of listings.</summary>
[GenerateSerializer, Immutable, Alias("cdm.MatchModelVersion")]
public sealed record MatchModelVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string Description,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] bool Active,
    [property: Id(4)] string? Document);
