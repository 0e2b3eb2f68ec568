using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Consent;

namespace Cdm.Grains.Profiles;

/// <summary>The pure rules of erasure on a profile's state (DESIGN: consent and privacy, right to be forgotten).</summary>
public sealed partial class ProfileState
{
    /// <summary>While <see cref="ProfileStatus.Erasing"/> or once <see cref="ProfileStatus.Erased"/>: the erasure that holds the profile.</summary>
    public string? ErasureId { get; set; }

    /// <summary>Whether the profile is being erased or was erased: it then refuses every change and answers no read.</summary>
    [JsonIgnore]
    public bool IsClosed => Status is ProfileStatus.Erasing or ProfileStatus.Erased;

    /// <summary>Closes the profile for <paramref name="erasureId"/>: from now on it changes only by erasure.</summary>
    public void BeginErasure(string erasureId)
    {
        Status = ProfileStatus.Erasing;
        Target = null;
        ErasureId = erasureId;
    }

    /// <summary>
    /// What the erasure must find elsewhere: every key that points here (a deleted record's source key among them) or
    /// that a member carried, every version (their
    /// blocking keys), the keys the members refused to link with (their profiles mention these members), and the
    /// other profiles the history names (a split's other half mentions the records it let go).
    /// </summary>
    public ErasureSubject ErasureSubject(string profileId)
    {
        var keys = new SortedSet<string>(IdentifierKeys, StringComparer.Ordinal);
        var versions = ImmutableArray.CreateBuilder<RecordVersion>();
        var doNotLink = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (sourceKey, member) in Members)
        {
            keys.Add(sourceKey);
            foreach (var version in member.Versions)
            {
                versions.Add(version);
                foreach (var identifier in version.Identifiers)
                {
                    keys.Add(identifier.Key);
                }
            }

            if (member.DoNotLink is { } forbidden)
            {
                doNotLink.UnionWith(forbidden);
            }
        }

        doNotLink.ExceptWith(keys);
        var mentioned = History.Select(static h => h.OtherProfileId).OfType<string>()
            .Where(id => id != profileId && !MergedProfileIds.Contains(id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ErasureSubject(
            profileId,
            [.. keys],
            [.. MergedProfileIds],
            versions.ToImmutable(),
            [.. doNotLink],
            [.. mentioned],
            Consent.Statements.Values.Sum(static s => s.Count));
    }

    /// <summary>Leaves a tombstone: the erasure's id and the time, nothing personal.</summary>
    public void BecomeErased(string erasureId, DateTimeOffset now)
    {
        Status = ProfileStatus.Erased;
        Target = null;
        ErasureId = erasureId;
        Members.Clear();
        IdentifierKeys.Clear();
        MergedProfileIds.Clear();
        History.Clear();
        Consent = new ConsentLedger();
        SplitCount = 0;
        CreatedAt = null;
        Record(now, HistoryKind.Erased, null, null, null, "erased by " + erasureId);
    }

    /// <summary>
    /// Removes every mention of <paramref name="erasedKeys"/> (records and identifiers of a person erased elsewhere): the
    /// members' do-not-link entries, and the record and reason of history entries and link reasons that name one. False
    /// when nothing here mentioned any.
    /// </summary>
    public bool ForgetErasedKeys(IReadOnlySet<string> erasedKeys, DateTimeOffset now) =>
        RemoveMentions(erasedKeys, HistoryKind.ErasedReference, "a record mentioned here was erased", "linked through a record since erased", now);

    /// <summary>
    /// Removes every mention of <paramref name="keys"/>: do-not-link entries, link reasons (replaced by
    /// <paramref name="linkReason"/>) and history entries that name one (their record and reason go; the entry becomes
    /// <paramref name="kind"/> with <paramref name="historyReason"/>). False when nothing mentioned any.
    /// </summary>
    private bool RemoveMentions(IReadOnlySet<string> keys, HistoryKind? kind, string historyReason, string linkReason, DateTimeOffset now)
    {
        var changed = false;
        foreach (var member in Members.Values)
        {
            if (member.DoNotLink is { } forbidden && forbidden.RemoveWhere(keys.Contains) > 0)
            {
                changed = true;
            }

            if (Mentions(member.LinkReason, keys))
            {
                member.LinkReason = linkReason;
                changed = true;
            }
        }

        for (var i = 0; i < History.Count; i++)
        {
            var entry = History[i];
            var names = entry.Source is { } source && entry.RecordId is { } recordId && keys.Contains(SourceKeys.For(source, recordId));
            if (names || Mentions(entry.Reason, keys))
            {
                History[i] = entry with
                {
                    Kind = kind ?? entry.Kind,
                    Source = names ? null : entry.Source,
                    RecordId = names ? null : entry.RecordId,
                    Reason = historyReason,
                };
                changed = true;
            }
        }

        if (changed)
        {
            UpdatedAt = now;
        }

        return changed;
    }

    private static bool Mentions(string text, IReadOnlySet<string> keys)
    {
        foreach (var key in keys)
        {
            if (text.Contains(key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
