using System.Diagnostics.CodeAnalysis;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// The outcome of normalising one value: the cleaned value; or the value as received with the
/// <see cref="Issue"/> that flags it; or nothing, when the value was empty and is dropped.
/// </summary>
public readonly record struct NormalisedValue(string? Value, string? Issue)
{
    /// <summary>An empty value: not stored and not an error.</summary>
    public static NormalisedValue Dropped => default;

    /// <summary>True when the value was empty and is not stored.</summary>
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsDropped => Value is null;

    /// <summary>True when the value is clean: it may be used as an identifier and may survive.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null && Issue is null;

    /// <summary>A clean value.</summary>
    public static NormalisedValue Valid(string value) => new(value, null);

    /// <summary>A value kept as received with a quality issue: it is stored, but never links or survives.</summary>
    public static NormalisedValue Flagged(string received, string issue) => new(received, issue);
}
