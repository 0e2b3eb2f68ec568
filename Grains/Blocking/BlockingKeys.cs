using System.Collections.Immutable;
using System.Text;
using Cdm.Contracts.Records;
using Cdm.Grains.Normalisation;

namespace Cdm.Grains.Blocking;

/// <summary>
/// Derives the blocking keys of normalised records under a set of <see cref="BlockingRule"/>s. A rule yields no key
/// when one of its parts is missing: the attribute is absent, flagged, a placeholder (by the
/// <see cref="BlockedValueSet"/> given), or derives to nothing. Immutable and thread-safe.
/// </summary>
public sealed class BlockingKeys
{
    private readonly BlockedValueSet? blocked;

    /// <summary>Prepares the rules of <paramref name="options"/>; <paramref name="blocked"/> says which values are placeholders.</summary>
    /// <exception cref="ArgumentException">A rule names an unknown part, or two rules are the same.</exception>
    public BlockingKeys(BlockingOptions options, BlockedValueSet? blocked = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> names = options.Rules is { Count: > 0 } configured ? configured : BlockingOptions.DefaultRules;
        var rules = new List<BlockingRule>();
        foreach (var name in names)
        {
            var rule = BlockingRule.Parse(name);
            if (rules.Exists(r => r.Code == rule.Code))
            {
                throw new ArgumentException($"Blocking rule '{rule.Name}' is listed twice.", nameof(options));
            }

            rules.Add(rule);
        }

        Rules = rules;
        this.blocked = blocked;
    }

    /// <summary>The rules, in the order configured.</summary>
    public IReadOnlyList<BlockingRule> Rules { get; }

    /// <summary>The keys of a record version: its attributes, less those with a quality flag.</summary>
    public IReadOnlyList<BlockingKey> For(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        HashSet<string>? flagged = null;
        if (!version.QualityFlags.IsDefaultOrEmpty)
        {
            flagged = new HashSet<string>(version.QualityFlags.Select(f => f.Attribute), StringComparer.Ordinal);
        }

        return For(version.Attributes, flagged);
    }

    /// <summary>
    /// The keys of a record's normalised <paramref name="attributes"/>, skipping those named in
    /// <paramref name="flagged"/>; one per rule at most, in rule order, without repeats.
    /// </summary>
    public IReadOnlyList<BlockingKey> For(IReadOnlyDictionary<string, string> attributes, IReadOnlySet<string>? flagged = null)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var keys = new List<BlockingKey>(Rules.Count);
        var builder = new StringBuilder(32);
        foreach (var rule in Rules)
        {
            builder.Clear().Append(BlockingKey.Prefix).Append(rule.Code);
            var complete = true;
            foreach (var part in rule.Parts)
            {
                var value = PartValue(part, attributes, flagged);
                if (value is null)
                {
                    complete = false;
                    break;
                }

                builder.Append(':').Append(value);
            }

            if (complete)
            {
                keys.Add(new BlockingKey(rule.Name, builder.ToString()));
            }
        }

        return keys;
    }

    /// <summary>
    /// The rules whose key two records share, each as the attributes it reads (<c>last_name</c>, <c>birth_date</c>
    /// for <c>surname_phonetic+birth_year</c>): what the pair agrees on because of blocking. This is what
    /// <c>BlockedPair.Rules</c> carries to the trainer.
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> SharedRules(IReadOnlyList<BlockingKey> left, IReadOnlyList<BlockingKey> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var shared = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var key in left)
        {
            if (right.Contains(key) && Rules.FirstOrDefault(r => r.Name == key.Rule) is { } rule)
            {
                shared.Add([.. rule.Parts.Select(p => p.Attribute)]);
            }
        }

        return shared.ToImmutable();
    }

    private string? PartValue(BlockingPart part, IReadOnlyDictionary<string, string> attributes, IReadOnlySet<string>? flagged) =>
        PartValue(part, part.Attribute, attributes, flagged)
        ?? (part.FallbackAttribute is { } fallback ? PartValue(part, fallback, attributes, flagged) : null);

    private string? PartValue(BlockingPart part, string attribute, IReadOnlyDictionary<string, string> attributes, IReadOnlySet<string>? flagged)
    {
        if (!attributes.TryGetValue(attribute, out var value) || string.IsNullOrWhiteSpace(value) || flagged?.Contains(attribute) == true)
        {
            return null;
        }

        if (blocked is not null && blocked.IsBlocked(attribute, value))
        {
            return null;
        }

        return BlockingPartValues.Derive(part, value);
    }
}
