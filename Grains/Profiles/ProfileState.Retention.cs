using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Privacy.Retention;

namespace Cdm.Grains.Profiles;

/// <summary>The pure rules of retention on a profile's state.</summary>
public sealed partial class ProfileState
{
    /// <summary>
    /// Removes what <paramref name="policy"/> no longer lets the profile keep at <paramref name="now"/>: expired attributes
    /// from each version, and versions (and records) whose source's period is over. Each changed record gets a history
    /// entry (a removed record's without its id), and mentions of removed records and released identifiers leave the
    /// history. Returns what changed outside the state's own fields: the records changed or gone, with their versions
    /// before, and the identifier keys no version carries any more.
    /// </summary>
    public RetentionChanges ApplyRetention(RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var changed = new List<RetainedMember>();
        foreach (var (sourceKey, member) in Members.ToList())
        {
            var kept = new List<RecordVersion>(member.Versions.Count);
            string? reason = null;
            foreach (var version in member.Versions)
            {
                var retained = policy.Apply(version, now);
                reason ??= retained.Reason;
                if (retained.Version is { } keptVersion)
                {
                    kept.Add(keptVersion);
                }
            }

            if (reason is null)
            {
                continue;
            }

            var before = member.Versions;
            if (kept.Count == 0)
            {
                Members.Remove(sourceKey);
            }
            else
            {
                member.Versions = kept;
            }

            changed.Add(new RetainedMember(sourceKey, kept.Count == 0 ? null : member.Current, before, reason));
        }

        if (changed.Count == 0)
        {
            return RetentionChanges.None;
        }

        var carried = new HashSet<string>(Members.Keys, StringComparer.Ordinal);
        foreach (var version in Members.Values.SelectMany(static m => m.Versions))
        {
            carried.UnionWith(version.Identifiers.Select(static i => i.Key));
        }

        var released = changed
            .SelectMany(static m => m.Before.SelectMany(static v => v.Identifiers.Select(static i => i.Key)).Append(m.SourceKey))
            .Where(k => !carried.Contains(k) && IdentifierKeys.Contains(k))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        IdentifierKeys.ExceptWith(released);

        // A removed record's key and a released identifier are not kept in what mentions them either.
        var gone = new HashSet<string>(released, StringComparer.Ordinal);
        gone.UnionWith(changed.Where(static m => m.Current is null).Select(static m => m.SourceKey));
        RemoveMentions(gone, null, "a record or identifier mentioned here reached the end of its retention period", "linked through a record since removed", now);
        foreach (var member in changed)
        {
            var last = member.Before[^1];
            Record(now, HistoryKind.RetentionExpired, last.Source, member.Current is null ? null : last.RecordId, null,
                (member.Current is null ? "record removed: " : "removed: ") + member.Reason);
        }

        return new RetentionChanges(changed, released);
    }
}

/// <summary>What retention changed beyond a profile's state: records to re-block, identifier keys to release.</summary>
public sealed record RetentionChanges(IReadOnlyList<RetainedMember> Members, IReadOnlyList<string> ReleasedKeys)
{
    public static RetentionChanges None { get; } = new([], []);

    public bool IsEmpty => Members.Count == 0;
}

/// <summary>A record retention changed: its versions before, its current version now (null when it is gone), and why.</summary>
public sealed record RetainedMember(string SourceKey, RecordVersion? Current, IReadOnlyList<RecordVersion> Before, string Reason);
