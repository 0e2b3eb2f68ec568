using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// A candidate pair, by indices into the trained records, with the blocking rules whose keys the two records share,
/// each given as the fields it reads (e.g. <c>last_name</c> and <c>birth_date</c> for
/// <c>surname_phonetic+birth_year</c>). Those fields agree because of blocking, not because the pair matches.
/// </summary>
public sealed record BlockedPair(int Left, int Right, ImmutableArray<ImmutableArray<string>> Rules);
