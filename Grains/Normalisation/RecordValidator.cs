using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Checks a source record against <see cref="RecordLimits"/> and returns every violation at once, each with a field
/// path (<c>source</c>, <c>record_id</c>, <c>observed_at</c>, <c>attributes</c>, <c>attributes.&lt;name&gt;</c>,
/// <c>identifiers</c>, <c>identifiers[3].type</c>, <c>identifiers[3].value</c>) and a reason a person can read.
/// Any violation rejects the whole record. Immutable and thread-safe.
/// </summary>
public sealed partial class RecordValidator
{
    /// <summary>The identifier type reserved for source keys (<c>src:&lt;source&gt;:&lt;record_id&gt;</c>).</summary>
    public const string ReservedIdentifierType = "src";

    private readonly RecordLimits limits;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a validator; <paramref name="timeProvider"/> says how far ahead <c>observed_at</c> is.</summary>
    public RecordValidator(RecordLimits limits, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.limits = limits;
        this.timeProvider = timeProvider;
    }

    /// <summary>Returns every violation of <paramref name="record"/>; empty when it may be accepted.</summary>
    public ImmutableArray<FieldViolation> Validate(IncomingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        // Created on the first violation only: most records have none, and then validation allocates nothing.
        ImmutableArray<FieldViolation>.Builder? violations = null;
        ValidateSource(record.Source, ref violations);
        ValidateRecordId(record.RecordId, ref violations);
        ValidateObservedAt(record.ObservedAt, ref violations);
        ValidateAttributes(record.Attributes, ref violations);
        ValidateIdentifiers(record.Identifiers, ref violations);
        return violations?.ToImmutable() ?? [];
    }

    private static void Add(ref ImmutableArray<FieldViolation>.Builder? violations, string field, string reason) =>
        (violations ??= ImmutableArray.CreateBuilder<FieldViolation>()).Add(new FieldViolation(field, reason));

    private void ValidateSource(string? source, ref ImmutableArray<FieldViolation>.Builder? violations)
    {
        if (string.IsNullOrEmpty(source))
        {
            Add(ref violations, "source", "is required");
        }
        else if (source.Length > limits.MaxSourceLength)
        {
            Add(ref violations, "source", $"is {source.Length} characters long; at most {limits.MaxSourceLength} are allowed");
        }
        else if (!SourcePattern().IsMatch(source))
        {
            Add(ref violations, "source", "may contain only ASCII letters, digits, '_', '.' and '-'");
        }
    }

    private void ValidateRecordId(string? recordId, ref ImmutableArray<FieldViolation>.Builder? violations)
    {
        if (string.IsNullOrWhiteSpace(recordId))
        {
            Add(ref violations, "record_id", "is required");
        }
        else if (recordId.Length > limits.MaxRecordIdLength)
        {
            Add(ref violations, "record_id", $"is {recordId.Length} characters long; at most {limits.MaxRecordIdLength} are allowed");
        }
        else if (recordId.AsSpan().IndexOfAnyInRange('\0', '\x1F') >= 0 || recordId.AsSpan().IndexOfAnyInRange('\x7F', '\x9F') >= 0)
        {
            Add(ref violations, "record_id", "must not contain control characters");
        }
    }

    private void ValidateObservedAt(DateTimeOffset? observedAt, ref ImmutableArray<FieldViolation>.Builder? violations)
    {
        if (observedAt is not { } at)
        {
            return;
        }

        if (at < limits.MinObservedAt)
        {
            Add(ref violations, "observed_at", $"is before {limits.MinObservedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
        else if (at - timeProvider.GetUtcNow() > limits.MaxObservedAtAhead)
        {
            Add(ref violations, "observed_at", $"is more than {Describe(limits.MaxObservedAtAhead)} in the future");
        }
    }

    private void ValidateAttributes(ImmutableDictionary<string, string>? attributes, ref ImmutableArray<FieldViolation>.Builder? violations)
    {
        if (attributes is null)
        {
            return;
        }

        // Past the count limit the names are not examined one by one: the reply would only grow with the abuse.
        if (attributes.Count > limits.MaxAttributes)
        {
            Add(ref violations, "attributes", $"has {attributes.Count} attributes; at most {limits.MaxAttributes} are allowed");
            return;
        }

        foreach (var (name, value) in attributes)
        {
            if (name.Length > limits.MaxAttributeNameLength)
            {
                Add(ref violations, AttributeField(name), $"name is {name.Length} characters long; at most {limits.MaxAttributeNameLength} are allowed");
            }
            else if (!NamePattern().IsMatch(name))
            {
                Add(ref violations, AttributeField(name), "name must start with a lower-case letter and contain only lower-case letters, digits and '_'");
            }

            if (value is null)
            {
                continue;
            }

            if (value.Length > limits.MaxAttributeValueLength)
            {
                Add(ref violations, AttributeField(name), $"value is {value.Length} characters long; at most {limits.MaxAttributeValueLength} are allowed");
            }
            else if (HasForbiddenControl(value))
            {
                Add(ref violations, AttributeField(name), "value must not contain control characters other than tabs and line breaks");
            }
        }
    }

    private void ValidateIdentifiers(ImmutableArray<ExternalIdentifier> identifiers, ref ImmutableArray<FieldViolation>.Builder? violations)
    {
        if (identifiers.IsDefaultOrEmpty)
        {
            return;
        }

        if (identifiers.Length > limits.MaxIdentifiers)
        {
            Add(ref violations, "identifiers", $"has {identifiers.Length} identifiers; at most {limits.MaxIdentifiers} are allowed");
            return;
        }

        for (var i = 0; i < identifiers.Length; i++)
        {
            var identifier = identifiers[i];
            if (identifier is null)
            {
                Add(ref violations, IdentifierField(i, null), "is required");
                continue;
            }

            var type = identifier.Type;
            if (string.IsNullOrEmpty(type))
            {
                Add(ref violations, IdentifierField(i, "type"), "is required");
            }
            else if (type.Length > limits.MaxIdentifierTypeLength)
            {
                Add(ref violations, IdentifierField(i, "type"), $"is {type.Length} characters long; at most {limits.MaxIdentifierTypeLength} are allowed");
            }
            else if (!NamePattern().IsMatch(type))
            {
                Add(ref violations, IdentifierField(i, "type"), "must start with a lower-case letter and contain only lower-case letters, digits and '_'");
            }
            else if (type == ReservedIdentifierType)
            {
                Add(ref violations, IdentifierField(i, "type"), $"'{ReservedIdentifierType}' is reserved for source keys");
            }

            var value = identifier.Value;
            if (value is null)
            {
                continue;
            }

            if (value.Length > limits.MaxIdentifierValueLength)
            {
                Add(ref violations, IdentifierField(i, "value"), $"is {value.Length} characters long; at most {limits.MaxIdentifierValueLength} are allowed");
            }
            else if (HasForbiddenControl(value))
            {
                Add(ref violations, IdentifierField(i, "value"), "must not contain control characters other than tabs and line breaks");
            }
        }
    }

    /// <summary>Control characters other than the whitespace ones, which normalisation turns into spaces.</summary>
    private static bool HasForbiddenControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && !char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private string AttributeField(string name) => "attributes." + Printable(name, limits.MaxAttributeNameLength);

    private static string IdentifierField(int index, string? part) =>
        part is null ? $"identifiers[{index}]" : $"identifiers[{index}].{part}";

    /// <summary>A name as it may appear in a field path: control characters replaced, long names cut.</summary>
    private static string Printable(string name, int maxLength)
    {
        var shown = name.Length > maxLength ? name[..maxLength] + "…" : name;
        return HasForbiddenControl(shown) || shown.AsSpan().ContainsAny('\t', '\n', '\r')
            ? string.Create(shown.Length, shown, static (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    span[i] = char.IsControl(text[i]) ? '?' : text[i];
                }
            })
            : shown;
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => Plural((int)span.TotalDays, "day"),
        { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => Plural((int)span.TotalHours, "hour"),
        { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => Plural((int)span.TotalMinutes, "minute"),
        _ => span.ToString("c", CultureInfo.InvariantCulture),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
