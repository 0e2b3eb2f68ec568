using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// The outcome of normalising one source record: the record version to keep, or the violations for which the
/// record is rejected whole.
/// </summary>
public sealed class NormalisationResult
{
    private NormalisationResult(ImmutableArray<FieldViolation> violations, RecordVersion? version)
    {
        Violations = violations;
        Version = version;
    }

    /// <summary>Why the record was rejected; empty when it was accepted.</summary>
    public ImmutableArray<FieldViolation> Violations { get; }

    /// <summary>The normalised record version; null when the record was rejected.</summary>
    public RecordVersion? Version { get; }

    /// <summary>True when the record broke a rule and is rejected whole.</summary>
    [MemberNotNullWhen(false, nameof(Version))]
    public bool IsRejected => Version is null;

    /// <summary>A rejected record; <paramref name="violations"/> must not be empty.</summary>
    public static NormalisationResult Rejected(ImmutableArray<FieldViolation> violations)
    {
        if (violations.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A rejected record needs at least one violation.", nameof(violations));
        }

        return new NormalisationResult(violations, null);
    }

    /// <summary>An accepted record.</summary>
    public static NormalisationResult Accepted(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new NormalisationResult([], version);
    }
}
