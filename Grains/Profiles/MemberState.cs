using System.Text.Json.Serialization;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Profiles;

/// <summary>A source record held by a profile: every version as received, ordered by observed-at.</summary>
public sealed class MemberState
{
    public List<RecordVersion> Versions { get; set; } = [];

    /// <summary>Why the record is in this profile: <c>new profile</c> or the identifier it shared.</summary>
    public string LinkReason { get; set; } = "";

    /// <summary>Source keys this record must never share a profile with (steward rejections and splits).</summary>
    public SortedSet<string>? DoNotLink { get; set; }

    /// <summary>The version with the latest observed-at (the latest received among equals).</summary>
    [JsonIgnore]
    public RecordVersion Current => Versions[^1];

    /// <summary>Adds a version unless one with the same content is held; keeps the list ordered. False when nothing changed.</summary>
    public bool TryAddVersion(RecordVersion version)
    {
        foreach (var held in Versions)
        {
            if (held.ContentHash == version.ContentHash)
            {
                return false;
            }
        }

        var index = Versions.Count;
        while (index > 0 && IsAfter(Versions[index - 1], version))
        {
            index--;
        }

        Versions.Insert(index, version);
        return true;
    }

    // Observed-at decides which version is current, not arrival; arrival breaks ties.
    private static bool IsAfter(RecordVersion a, RecordVersion b) =>
        a.ObservedAt > b.ObservedAt || (a.ObservedAt == b.ObservedAt && a.ReceivedAt > b.ReceivedAt);
}
