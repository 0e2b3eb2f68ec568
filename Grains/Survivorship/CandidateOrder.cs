namespace Cdm.Grains.Survivorship;

/// <summary>
/// The orders survivorship ranks candidates by; a negative result means the first candidate wins.
/// <see cref="CompareRecency"/> is total over distinct versions, so sorting by it makes every later
/// "first one wins" scan independent of input order.
/// </summary>
internal static class CandidateOrder
{
    public static readonly Comparison<SurvivorCandidate> Recency = static (a, b) => CompareRecency(in a, in b);

    /// <summary>Explicit priority list first, then higher trust rank, then the lower party (Zero before Third).</summary>
    public static int CompareTrust(in SurvivorCandidate a, in SurvivorCandidate b)
    {
        int result = a.PriorityIndex.CompareTo(b.PriorityIndex);
        if (result != 0)
        {
            return result;
        }

        result = b.TrustRank.CompareTo(a.TrustRank);
        // Compared as int: Enum.CompareTo takes an object and would box on every comparison.
        return result != 0 ? result : ((int)a.Party).CompareTo((int)b.Party);
    }

    /// <summary>Latest observed-at first, then trust, then source key (ordinal); the rest only separates exact duplicates.</summary>
    public static int CompareRecency(in SurvivorCandidate a, in SurvivorCandidate b)
    {
        var x = a.Version;
        var y = b.Version;
        int result = y.ObservedAt.CompareTo(x.ObservedAt);
        if (result != 0)
        {
            return result;
        }

        result = CompareTrust(in a, in b);
        if (result != 0)
        {
            return result;
        }

        result = CompareSourceKeys(x.Source, x.RecordId, y.Source, y.RecordId);
        if (result != 0)
        {
            return result;
        }

        // Same record and same observed instant: only a resent or corrupt duplicate gets here.
        result = y.ReceivedAt.CompareTo(x.ReceivedAt);
        if (result != 0)
        {
            return result;
        }

        result = string.CompareOrdinal(x.ContentHash, y.ContentHash);
        return result != 0 ? result : x.ObservedAt.Offset.CompareTo(y.ObservedAt.Offset);
    }

    /// <summary>
    /// Compares the source keys <c>src:&lt;source&gt;:&lt;record id&gt;</c> ordinally without building them:
    /// this runs inside a sort on every profile change.
    /// </summary>
    public static int CompareSourceKeys(string source1, string recordId1, string source2, string recordId2)
    {
        if (string.Equals(source1, source2, StringComparison.Ordinal))
        {
            return string.CompareOrdinal(recordId1, recordId2);
        }

        int common = source1.AsSpan().CommonPrefixLength(source2);
        if (common < source1.Length && common < source2.Length)
        {
            return source1[common].CompareTo(source2[common]);
        }

        // One source name is a prefix of the other, so the ':' after the shorter one meets a character of
        // the longer one; walk the rest of both keys.
        int length1 = source1.Length + 1 + recordId1.Length;
        int length2 = source2.Length + 1 + recordId2.Length;
        int length = Math.Min(length1, length2);
        for (int i = common; i < length; i++)
        {
            int result = KeyChar(source1, recordId1, i).CompareTo(KeyChar(source2, recordId2, i));
            if (result != 0)
            {
                return result;
            }
        }

        return length1.CompareTo(length2);
    }

    private static char KeyChar(string source, string recordId, int index) =>
        index < source.Length ? source[index]
        : index == source.Length ? ':'
        : recordId[index - source.Length - 1];
}
