using System.Text.Json.Serialization;

using Cdm.Contracts.Consent;

namespace Cdm.Grains.Consent;

/// <summary>
/// A profile's consent: every statement ever received, per purpose, and the rules that make one of them current.
/// The newest statement by its own timestamp wins, whatever the order of arrival; on equal timestamps the more
/// restrictive. Merging two ledgers keeps both histories and, where the two disagreed, records the most restrictive
/// of their current states as of the newer of the two, so a merge never turns a refusal into a grant.
/// </summary>
public sealed class ConsentLedger
{
    /// <summary>Statements by purpose, in order of arrival. Public for storage; change it through the methods.</summary>
    public Dictionary<string, List<ConsentStatement>> Statements { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public bool IsEmpty => Statements.Count == 0;

    /// <summary>The purposes anything was said about, sorted.</summary>
    [JsonIgnore]
    public IEnumerable<string> Purposes => Statements.Keys.Order(StringComparer.Ordinal);

    /// <summary>A ledger holding <paramref name="statements"/>.</summary>
    public static ConsentLedger Of(IEnumerable<ConsentStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var ledger = new ConsentLedger();
        foreach (var statement in statements)
        {
            ledger.Record(statement);
        }

        return ledger;
    }

    /// <summary>Adds a statement; false when the same statement is already held (a retried call or re-sent record).</summary>
    public bool Record(ConsentStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (!Statements.TryGetValue(statement.Purpose, out var history))
        {
            history = [];
            Statements[statement.Purpose] = history;
        }
        else if (history.Exists(held => held.SameAs(statement)))
        {
            return false;
        }

        history.Add(statement);
        return true;
    }

    /// <summary>Removes a statement (one that left with a split-out record); false when it was not held.</summary>
    public bool Forget(ConsentStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (!Statements.TryGetValue(statement.Purpose, out var history) || history.RemoveAll(held => held.SameAs(statement)) == 0)
        {
            return false;
        }

        if (history.Count == 0)
        {
            Statements.Remove(statement.Purpose);
        }

        return true;
    }

    /// <summary>The statement in force for <paramref name="purpose"/>, or null when nothing was said.</summary>
    public ConsentStatement? Current(string purpose)
    {
        if (!Statements.TryGetValue(purpose, out var history) || history.Count == 0)
        {
            return null;
        }

        var current = history[0];
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Supersedes(current))
            {
                current = history[i];
            }
        }

        return current;
    }

    /// <summary>The state of <paramref name="purpose"/> at <paramref name="now"/>.</summary>
    public EffectiveConsent Effective(string purpose, DateTimeOffset now)
    {
        var current = Current(purpose);
        var expired = current is { Status: ConsentStatus.Granted, ExpiresAt: { } expiry } && expiry <= now;
        return new EffectiveConsent(purpose, current, expired);
    }

    /// <summary>The statements of <paramref name="purpose"/> ordered by their timestamps, oldest first.</summary>
    public IReadOnlyList<ConsentStatement> History(string purpose) =>
        Statements.TryGetValue(purpose, out var history)
            ? [.. history.OrderBy(static s => s.At).ThenBy(static s => s.RecordedAt)]
            : [];

    /// <summary>The lapses already noted, one key per grant (<see cref="NoteLapses"/>).</summary>
    public HashSet<string> LapsesNoted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The grants in force whose expiry has passed at <paramref name="now"/> and that were not noted before, each
    /// once: they are remembered in <see cref="LapsesNoted"/>. A grant superseded before it lapsed never lapses.
    /// </summary>
    public IReadOnlyList<ConsentStatement> NoteLapses(DateTimeOffset now)
    {
        List<ConsentStatement>? lapsed = null;
        foreach (var purpose in Purposes)
        {
            if (Current(purpose) is { Status: ConsentStatus.Granted, ExpiresAt: { } expiry } grant && expiry <= now && LapsesNoted.Add(LapseKey(grant)))
            {
                (lapsed ??= []).Add(grant);
            }
        }

        return lapsed ?? [];
    }

    private static string LapseKey(ConsentStatement grant) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{grant.Purpose}|{grant.At.UtcTicks}|{grant.ExpiresAt!.Value.UtcTicks}");

    /// <summary>
    /// The earliest expiry after <paramref name="now"/> of a grant in force, when a reminder must next look; null
    /// when no grant in force will lapse.
    /// </summary>
    public DateTimeOffset? NextExpiry(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var purpose in Statements.Keys)
        {
            if (Current(purpose) is { Status: ConsentStatus.Granted, ExpiresAt: { } expiry } && expiry > now && (next is null || expiry < next))
            {
                next = expiry;
            }
        }

        return next;
    }

    /// <summary>
    /// Takes in the statements of a profile merged into this one. Where the two current statements of a purpose
    /// differ in status, a <see cref="ConsentStatement.MergeSource"/> statement with the more restrictive status,
    /// timestamped with the newer of the two, becomes current. Idempotent. Returns whether anything changed.
    /// </summary>
    public bool Absorb(ConsentLedger other, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(other);
        var changed = false;
        foreach (var (purpose, theirs) in other.Statements)
        {
            var ours = Current(purpose);
            var theirCurrent = other.Current(purpose);
            foreach (var statement in theirs)
            {
                changed |= Record(statement);
            }

            if (ours is null || theirCurrent is null || ours.Status == theirCurrent.Status)
            {
                continue;
            }

            var restrictive = ours.Status > theirCurrent.Status ? ours : theirCurrent;
            var at = ours.At > theirCurrent.At ? ours.At : theirCurrent.At;
            changed |= Record(new ConsentStatement(purpose, restrictive.Status, restrictive.Basis, ConsentStatement.MergeSource, at, null, now));
        }

        return changed;
    }
}
