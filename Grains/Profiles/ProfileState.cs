using System.Collections.Immutable;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Ingestion;
using Cdm.Grains.Consent;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using System.Text.Json.Serialization;

namespace Cdm.Grains.Profiles;

/// <summary>
/// Stored state of a profile and the pure rules that change it. Every change is idempotent, so a
/// retried call or a re-run saga step changes nothing the second time.
/// </summary>
[Alias("cdm.ProfileState")]
public sealed partial class ProfileState
{
    public ProfileStatus Status { get; set; }

    /// <summary>While <see cref="ProfileStatus.Merging"/> or after <see cref="ProfileStatus.MergedInto"/>: the other profile.</summary>
    public string? Target { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Member records by source key.</summary>
    public Dictionary<string, MemberState> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Keys of every identifier grain that points here (source keys included), for re-pointing on merge.</summary>
    public SortedSet<string> IdentifierKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Profiles merged into this one, directly or through earlier merges.</summary>
    public SortedSet<string> MergedProfileIds { get; set; } = new(StringComparer.Ordinal);

    public List<HistoryEntry> History { get; set; } = [];

    /// <summary>What the person said about each purpose, with its history (DESIGN: consent and privacy).</summary>
    public ConsentLedger Consent { get; set; } = new();

    /// <summary>How many times members were split out of this profile.</summary>
    public int SplitCount { get; set; }

    [JsonIgnore]
    public bool IsEmpty => Members.Count == 0;

    /// <summary>Adds a version of a source record; reports Created, Linked, Updated or Unchanged.</summary>
    public IngestStatus AddVersion(RecordVersion version, string linkReason, DateTimeOffset now)
    {
        var key = version.SourceKey;
        if (Members.TryGetValue(key, out var member))
        {
            if (!member.TryAddVersion(version))
            {
                return IngestStatus.Unchanged;
            }

            AddIdentifiers(key, version);
            AddConsents(version);
            Record(now, HistoryKind.RecordUpdated, version.Source, version.RecordId, null, "new version");
            return IngestStatus.Updated;
        }

        var wasEmpty = IsEmpty;
        member = new MemberState { LinkReason = linkReason };
        member.TryAddVersion(version);
        Members[key] = member;
        AddIdentifiers(key, version);
        AddConsents(version);
        CreatedAt ??= now;
        Record(now, HistoryKind.RecordAdded, version.Source, version.RecordId, null, linkReason);
        return wasEmpty ? IngestStatus.Created : IngestStatus.Linked;
    }

    // Statements a record carried join the ledger with the rest; the ledger's rules decide which is in force.
    private void AddConsents(RecordVersion version)
    {
        if (!version.Consents.IsDefaultOrEmpty)
        {
            foreach (var statement in version.Consents)
            {
                Consent.Record(statement);
            }
        }
    }

    /// <summary>Removes a source record; false when it is not held.</summary>
    public bool RemoveMember(string sourceKey, DateTimeOffset now)
    {
        if (!Members.Remove(sourceKey, out var member))
        {
            return false;
        }

        var current = member.Current;
        Record(now, HistoryKind.RecordRemoved, current.Source, current.RecordId, null, "record deleted");
        return true;
    }

    /// <summary>Takes in a losing profile's content; false when it was absorbed before.</summary>
    public bool Absorb(MergeSnapshot loser, string reason, DateTimeOffset now)
    {
        if (!MergedProfileIds.Add(loser.ProfileId))
        {
            return false;
        }

        foreach (var incoming in loser.Members)
        {
            if (!Members.TryGetValue(incoming.SourceKey, out var member))
            {
                member = new MemberState { LinkReason = incoming.LinkReason };
                Members[incoming.SourceKey] = member;
            }

            if (!incoming.DoNotLink.IsDefaultOrEmpty)
            {
                (member.DoNotLink ??= new(StringComparer.Ordinal)).UnionWith(incoming.DoNotLink);
            }

            foreach (var version in incoming.Versions)
            {
                member.TryAddVersion(version);
            }
        }

        IdentifierKeys.UnionWith(loser.IdentifierKeys);
        MergedProfileIds.UnionWith(loser.MergedProfileIds);
        Consent.Absorb(ConsentLedger.Of(loser.Consents), now);
        // Keep one timeline, oldest first; a stable sort keeps same-instant entries in their order.
        History = [.. History.Concat(loser.History).OrderBy(static h => h.At)];
        if (loser.CreatedAt is { } created && (CreatedAt is null || created < CreatedAt))
        {
            CreatedAt = created;
        }

        Record(now, HistoryKind.Absorbed, null, null, loser.ProfileId, reason);
        return true;
    }

    /// <summary>
    /// The first do-not-link constraint that absorbing <paramref name="loser"/> would break, as
    /// <c>(member here, member there)</c>, or null when the two may share a profile.
    /// </summary>
    public (string Here, string There)? DoNotLinkConflict(MergeSnapshot loser)
    {
        foreach (var incoming in loser.Members)
        {
            if (!incoming.DoNotLink.IsDefaultOrEmpty)
            {
                foreach (var forbidden in incoming.DoNotLink)
                {
                    if (Members.ContainsKey(forbidden))
                    {
                        return (forbidden, incoming.SourceKey);
                    }
                }
            }
        }

        var incomingKeys = loser.Members.Select(static m => m.SourceKey).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, member) in Members)
        {
            if (member.DoNotLink?.FirstOrDefault(incomingKeys.Contains) is { } forbidden)
            {
                return (key, forbidden);
            }
        }

        return null;
    }

    /// <summary>Forbids <paramref name="memberKey"/> to share a profile with <paramref name="otherKey"/>; false when not held or already so.</summary>
    public bool AddDoNotLink(string memberKey, string otherKey, DateTimeOffset now)
    {
        if (!Members.TryGetValue(memberKey, out var member) || !(member.DoNotLink ??= new(StringComparer.Ordinal)).Add(otherKey))
        {
            return false;
        }

        var current = member.Current;
        Record(now, HistoryKind.DoNotLink, current.Source, current.RecordId, null, $"never link with {otherKey}");
        return true;
    }

    /// <summary>Members and the keys any of them must not be linked with, for a resolver's check before a merge.</summary>
    public LinkFacts LinkFacts() => new(
        [.. Members.Keys],
        [.. Members.Values.Where(static m => m.DoNotLink is { Count: > 0 }).SelectMany(static m => m.DoNotLink!).Distinct(StringComparer.Ordinal)])
    {
        IdentifierKeys = [.. IdentifierKeys.Where(static k => !k.StartsWith(SourceKeys.Prefix, StringComparison.Ordinal))],
    };

    /// <summary>The content a survivor absorbs, frozen when the merge began.</summary>
    public MergeSnapshot Snapshot(string profileId) => new(
        profileId,
        [.. Members.Select(static m => Snapshot(m.Key, m.Value))],
        [.. IdentifierKeys],
        [.. MergedProfileIds],
        [.. History],
        CreatedAt)
    {
        Consents = [.. Consent.Statements.Values.SelectMany(static s => s)],
    };

    /// <summary>The plan to move <paramref name="keys"/> out, or null when any of them is not a member (or none would stay).</summary>
    public SplitPlan? PlanSplit(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0 || keys.Count >= Members.Count || !keys.All(Members.ContainsKey))
        {
            return null;
        }

        var moving = keys.ToHashSet(StringComparer.Ordinal);
        var stayingIdentifiers = new HashSet<string>(StringComparer.Ordinal);
        var movingIdentifiers = new SortedSet<string>(moving, StringComparer.Ordinal);
        foreach (var (key, member) in Members)
        {
            ISet<string> target = moving.Contains(key) ? movingIdentifiers : stayingIdentifiers;
            foreach (var version in member.Versions)
            {
                foreach (var identifier in version.Identifiers)
                {
                    target.Add(identifier.Key);
                }
            }
        }

        movingIdentifiers.ExceptWith(stayingIdentifiers);
        return new SplitPlan(
            [.. keys.Order(StringComparer.Ordinal).Select(k => Snapshot(k, Members[k]))],
            [.. Members.Keys.Where(k => !moving.Contains(k)).Order(StringComparer.Ordinal)],
            [.. movingIdentifiers],
            SplitCount);
    }

    /// <summary>Takes in members split out of <paramref name="from"/>; false when all were taken in before.</summary>
    public bool AddSplitMembers(IReadOnlyList<MemberSnapshot> members, string from, string reason, DateTimeOffset now)
    {
        var changed = false;
        foreach (var incoming in members)
        {
            if (Members.ContainsKey(incoming.SourceKey))
            {
                continue;
            }

            var member = new MemberState { LinkReason = reason };
            foreach (var version in incoming.Versions)
            {
                member.TryAddVersion(version);
                AddIdentifiers(incoming.SourceKey, version);
                AddConsents(version);
            }

            if (!incoming.DoNotLink.IsDefaultOrEmpty)
            {
                member.DoNotLink = new SortedSet<string>(incoming.DoNotLink, StringComparer.Ordinal);
            }

            Members[incoming.SourceKey] = member;
            CreatedAt ??= now;
            var current = member.Current;
            Record(now, HistoryKind.RecordAdded, current.Source, current.RecordId, from, reason);
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Lets split members go to <paramref name="to"/>, with the identifier keys that went with them; with
    /// <paramref name="doNotLink"/> the members that stay may never be linked with them again. False when done before.
    /// </summary>
    public bool RemoveSplitMembers(IReadOnlyList<string> keys, string to, IEnumerable<string> movedIdentifierKeys, bool doNotLink, string reason, DateTimeOffset now)
    {
        var removed = keys.Where(Members.ContainsKey).ToList();
        if (removed.Count == 0)
        {
            return false;
        }

        var movedConsents = removed.SelectMany(k => Members[k].Versions).SelectMany(static v => v.Consents.IsDefault ? [] : v.Consents).ToList();
        foreach (var key in removed)
        {
            var current = Members[key].Current;
            Members.Remove(key);
            Record(now, HistoryKind.SplitOut, current.Source, current.RecordId, to, reason);
        }

        // What the split-out records said leaves with them, unless a record that stays said the same.
        var stayingConsents = Members.Values.SelectMany(static m => m.Versions).SelectMany(static v => v.Consents.IsDefault ? [] : v.Consents).ToList();
        foreach (var statement in movedConsents)
        {
            if (!stayingConsents.Exists(s => s.SameAs(statement)))
            {
                Consent.Forget(statement);
            }
        }

        IdentifierKeys.ExceptWith(movedIdentifierKeys);
        if (doNotLink)
        {
            foreach (var member in Members.Values)
            {
                (member.DoNotLink ??= new(StringComparer.Ordinal)).UnionWith(keys);
            }
        }

        SplitCount++;
        return true;
    }

    /// <summary>Back to active after a refused merge into <paramref name="target"/>.</summary>
    public void CancelMerge(string target, string reason, DateTimeOffset now)
    {
        Status = ProfileStatus.Active;
        Target = null;
        Record(now, HistoryKind.MergeRefused, null, null, target, reason);
    }

    /// <summary>After the survivor holds everything: keep only the forward pointer and the last word.</summary>
    public void BecomeMergedInto(string target, DateTimeOffset now)
    {
        Status = ProfileStatus.MergedInto;
        Target = target;
        Members.Clear();
        IdentifierKeys.Clear();
        MergedProfileIds.Clear();
        History.Clear();
        Consent = new ConsentLedger();
        Record(now, HistoryKind.MergedInto, null, null, target, "merged");
    }

    private static MemberSnapshot Snapshot(string key, MemberState member) =>
        new(key, [.. member.Versions], member.LinkReason) { DoNotLink = member.DoNotLink is { } dnl ? [.. dnl] : [] };

    public ImmutableArray<RecordVersion> CurrentVersions() => [.. Members.Values.Select(static m => m.Current)];

    private void AddIdentifiers(string sourceKey, RecordVersion version)
    {
        IdentifierKeys.Add(sourceKey);
        foreach (var identifier in version.Identifiers)
        {
            IdentifierKeys.Add(identifier.Key);
        }
    }

    /// <summary>Notes in the history each consent grant that lapsed by <paramref name="now"/>, once; returns them.</summary>
    public IReadOnlyList<ConsentStatement> NoteConsentLapses(DateTimeOffset now)
    {
        var lapsed = Consent.NoteLapses(now);
        foreach (var grant in lapsed)
        {
            Record(now, HistoryKind.ConsentLapsed, null, null, null, string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"consent for {grant.Purpose} lapsed: granted {grant.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {grant.Source}, expired {grant.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"));
        }

        if (lapsed.Count > 0)
        {
            UpdatedAt = now;
        }

        return lapsed;
    }

    private void Record(DateTimeOffset at, HistoryKind kind, string? source, string? recordId, string? other, string reason)
    {
        UpdatedAt = at;
        History.Add(new HistoryEntry(at, kind, source, recordId, other, reason));
    }
}
