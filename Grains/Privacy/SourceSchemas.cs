using System.Collections.Frozen;
using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Survivorship;

namespace Cdm.Grains.Privacy;

/// <summary>
/// Data minimisation: what each source may send (<c>Cdm:Sources:&lt;name&gt;:Attributes</c> and <c>:Identifiers</c>).
/// A source with a schema has everything else dropped (the default, named in the record's quality flags so the
/// sender sees it) or the record refused (<c>Unlisted: Reject</c>). A source without a schema sends anything.
/// </summary>
public sealed class SourceSchemas
{
    /// <summary>The quality issue of a dropped attribute or identifier type.</summary>
    public const string DroppedIssue = "not in the source's schema: dropped";

    private readonly FrozenDictionary<string, Schema> schemas;

    public SourceSchemas(SourceRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        schemas = options.Sources
            .Where(static s => s.Value.Attributes.Count > 0 || s.Value.Identifiers.Count > 0)
            .ToFrozenDictionary(
                static s => s.Key,
                static s => new Schema(
                    s.Value.Attributes.Count > 0 ? s.Value.Attributes.ToFrozenSet(StringComparer.Ordinal) : null,
                    s.Value.Identifiers.Count > 0 ? s.Value.Identifiers.ToFrozenSet(StringComparer.Ordinal) : null,
                    s.Value.Unlisted),
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when no source has a schema: nothing to check on the ingest path.</summary>
    public bool IsEmpty => schemas.Count == 0;

    /// <summary>
    /// The record as its source may send it, with a flag per dropped attribute or identifier type; or, under
    /// <see cref="UnlistedPolicy.Reject"/>, the violations and no record.
    /// </summary>
    public MinimisedRecord Apply(IncomingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!schemas.TryGetValue(record.Source ?? "", out var schema))
        {
            return new MinimisedRecord(record, [], []);
        }

        var attributes = record.Attributes ?? ImmutableDictionary<string, string>.Empty;
        var unlistedAttributes = schema.Attributes is null ? [] : attributes.Keys.Where(a => !schema.Attributes.Contains(a)).Order(StringComparer.Ordinal).ToList();
        var identifiers = record.Identifiers.IsDefault ? [] : record.Identifiers;
        var unlistedIdentifiers = schema.Identifiers is null
            ? []
            : Enumerable.Range(0, identifiers.Length).Where(i => !schema.Identifiers.Contains(identifiers[i].Type)).ToList();
        if (unlistedAttributes.Count == 0 && unlistedIdentifiers.Count == 0)
        {
            return new MinimisedRecord(record, [], []);
        }

        if (schema.Unlisted == UnlistedPolicy.Reject)
        {
            var why = $"not in the schema of source '{record.Source}'";
            return new MinimisedRecord(null, [], [
                .. unlistedAttributes.Select(a => new FieldViolation($"attributes.{a}", why)),
                .. unlistedIdentifiers.Select(i => new FieldViolation($"identifiers[{i}].type", $"'{identifiers[i].Type}' is {why}"))]);
        }

        var kept = record with
        {
            Attributes = attributes.RemoveRange(unlistedAttributes),
            Identifiers = [.. identifiers.Where((_, i) => !unlistedIdentifiers.Contains(i))],
        };
        return new MinimisedRecord(kept, [
            .. unlistedAttributes.Select(static a => new QualityFlag(a, DroppedIssue)),
            .. unlistedIdentifiers.Select(i => identifiers[i].Type).Distinct(StringComparer.Ordinal).Select(static t => new QualityFlag("identifiers." + t, DroppedIssue))], []);
    }

    private sealed record Schema(FrozenSet<string>? Attributes, FrozenSet<string>? Identifiers, UnlistedPolicy Unlisted);
}

/// <summary>What a source sent, cut to its schema: the record to ingest (null when refused), what was dropped, why it was refused.</summary>
public sealed record MinimisedRecord(IncomingRecord? Record, ImmutableArray<QualityFlag> Dropped, ImmutableArray<FieldViolation> Violations);

/// <summary>What happens to an attribute or identifier type a source's schema does not list.</summary>
public enum UnlistedPolicy
{
    /// <summary>Dropped before anything is stored, and flagged in the result.</summary>
    Drop,

    /// <summary>The whole record is refused, naming each field.</summary>
    Reject,
}
