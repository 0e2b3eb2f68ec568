namespace Cdm.Grains.Survivorship;

/// <summary>
/// Lays the members' attributes out as a table in the scratch arrays: one row per distinct attribute name
/// (sorted ordinally), one column per candidate (in recency order). The rules then read plain arrays
/// instead of searching each version's sorted dictionary for every attribute.
/// </summary>
internal static class ValueTable
{
    /// <summary>Fills names, values, trimmed lengths and flags for the candidates already loaded and sorted.</summary>
    public static void Load(SurvivorshipScratch scratch)
    {
        FlattenAttributes(scratch);
        scratch.EnsureCells(CollectNames(scratch));
        FillCells(scratch);
    }

    /// <summary>The length a value counts with; 0 for a blank value, which counts as absent.</summary>
    public static int TrimmedLength(string value) => value.AsSpan().Trim().Length;

    /// <summary>Copies every candidate's attributes into flat arrays, so each sorted dictionary is walked once.</summary>
    private static void FlattenAttributes(SurvivorshipScratch scratch)
    {
        int entry = 0;
        for (int candidate = 0; candidate < scratch.CandidateCount; candidate++)
        {
            scratch.EntryStarts[candidate] = entry;
            foreach (var pair in scratch.Candidates[candidate].Version.Attributes)
            {
                scratch.Keys[entry] = pair.Key;
                scratch.EntryValues[entry] = pair.Value;
                entry++;
            }
        }

        scratch.EntryStarts[scratch.CandidateCount] = entry;
    }

    /// <summary>Puts the distinct attribute names, sorted ordinally, into <c>Names</c> and returns how many.</summary>
    private static int CollectNames(SurvivorshipScratch scratch)
    {
        var names = scratch.Names;
        int distinct = 0;
        for (int candidate = 0; candidate < scratch.CandidateCount; candidate++)
        {
            int next = 0;
            for (int entry = scratch.EntryStarts[candidate]; entry < scratch.EntryStarts[candidate + 1]; entry++)
            {
                string key = scratch.Keys[entry];
                int at = IndexOfName(names, distinct, key, next);
                if (at < 0)
                {
                    at = ~at;
                    Array.Copy(names, at, names, at + 1, distinct - at);
                    names[at] = key;
                    distinct++;
                }

                next = at + 1;
            }
        }

        return distinct;
    }

    /// <summary>
    /// Finds a name (or its insertion point, complemented). Members mostly hold the same attributes in the
    /// same order, so the name after the previous one is tried before a binary search.
    /// </summary>
    private static int IndexOfName(string[] names, int distinct, string key, int hint) =>
        hint < distinct && string.Equals(names[hint], key, StringComparison.Ordinal)
            ? hint
            : names.AsSpan(0, distinct).BinarySearch(key, StringComparer.Ordinal);

    /// <summary>Fills the value table (name rows, candidate columns) with values, trimmed lengths and flags.</summary>
    private static void FillCells(SurvivorshipScratch scratch)
    {
        int count = scratch.CandidateCount;
        int distinct = scratch.NameCount;
        for (int candidate = 0; candidate < count; candidate++)
        {
            int next = 0;
            for (int entry = scratch.EntryStarts[candidate]; entry < scratch.EntryStarts[candidate + 1]; entry++)
            {
                int name = IndexOfName(scratch.Names, distinct, scratch.Keys[entry], next);
                int cell = (name * count) + candidate;
                string value = scratch.EntryValues[entry];
                scratch.Cells[cell] = value;
                scratch.CellLengths[cell] = TrimmedLength(value);
                next = name + 1;
            }

            foreach (var flag in scratch.Candidates[candidate].Version.QualityFlags)
            {
                int name = IndexOfName(scratch.Names, distinct, flag.Attribute, distinct);
                if (name >= 0)
                {
                    scratch.CellFlagged[(name * count) + candidate] = true;
                }
            }
        }
    }
}
