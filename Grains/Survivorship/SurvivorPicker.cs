namespace Cdm.Grains.Survivorship;

/// <summary>
/// Applies a survivorship rule to one row of the value table (an attribute) or to a group of rows, and
/// returns the winning candidate's index, or <see cref="NoCandidate"/> when no candidate holds a value.
/// </summary>
internal static class SurvivorPicker
{
    public const int NoCandidate = -1;

    public static int ChooseForAttribute(int row, SurvivorshipRule rule, SurvivorshipScratch scratch)
    {
        bool any = false;
        bool anyClean = false;
        for (int i = 0; i < scratch.CandidateCount; i++)
        {
            int length = scratch.CellLengths[row + i];
            if (length == 0)
            {
                // Absent or blank: a blank value never beats a real one.
                scratch.Scores[i] = -1;
                continue;
            }

            bool flagged = scratch.CellFlagged[row + i];
            scratch.Scores[i] = length;
            scratch.Flagged[i] = flagged;
            any = true;
            anyClean |= !flagged;
        }

        return any ? Pick(rule, row, AttributePlan.NoGroup, !anyClean, scratch) : NoCandidate;
    }

    public static int ChooseForGroup(int group, SurvivorshipRule rule, SurvivorshipScratch scratch)
    {
        int count = scratch.CandidateCount;
        var scores = scratch.Scores;
        var flagged = scratch.Flagged;
        scores.AsSpan(0, count).Clear();
        flagged.AsSpan(0, count).Clear();
        for (int name = 0; name < scratch.NameCount; name++)
        {
            if (scratch.NamePlans[name].Group != group)
            {
                continue;
            }

            int row = name * count;
            for (int i = 0; i < count; i++)
            {
                int length = scratch.CellLengths[row + i];
                if (length > 0)
                {
                    // Most fields first, then most characters: one score orders both.
                    scores[i] += (1L << 32) + length;
                }

                flagged[i] |= scratch.CellFlagged[row + i];
            }
        }

        bool any = false;
        bool anyClean = false;
        for (int i = 0; i < count; i++)
        {
            if (scores[i] == 0)
            {
                scores[i] = -1;
                continue;
            }

            any = true;
            anyClean |= !flagged[i];
        }

        return any ? Pick(rule, NoCandidate, group, !anyClean, scratch) : NoCandidate;
    }

    /// <summary>
    /// Applies the rule to the candidates that hold a value, clean ones only unless none is clean
    /// (<paramref name="flaggedOnly"/>). Candidates are in recency order and a later one must be strictly
    /// better to win, so every tie goes to the most recent.
    /// </summary>
    private static int Pick(SurvivorshipRule rule, int row, int group, bool flaggedOnly, SurvivorshipScratch scratch)
    {
        int count = scratch.CandidateCount;
        var candidates = scratch.Candidates;
        var scores = scratch.Scores;
        var flagged = scratch.Flagged;
        int best = NoCandidate;
        switch (rule)
        {
            case SurvivorshipRule.MostRecent:
                for (int i = 0; i < count; i++)
                {
                    if (scores[i] >= 0 && flagged[i] == flaggedOnly)
                    {
                        return i;
                    }
                }

                break;
            case SurvivorshipRule.SourcePriority:
                for (int i = 0; i < count; i++)
                {
                    if (scores[i] >= 0 && flagged[i] == flaggedOnly
                        && (best == NoCandidate || CandidateOrder.CompareTrust(in candidates[i], in candidates[best]) < 0))
                    {
                        best = i;
                    }
                }

                break;
            case SurvivorshipRule.MostComplete:
                for (int i = 0; i < count; i++)
                {
                    if (scores[i] >= 0 && flagged[i] == flaggedOnly && (best == NoCandidate || scores[i] > scores[best]))
                    {
                        best = i;
                    }
                }

                break;
            case SurvivorshipRule.MostFrequent:
                best = PickMostFrequent(row, group, flaggedOnly, scratch);
                break;
        }

        return best;
    }

    /// <summary>
    /// Counts each distinct value once, at its most recent holder, whose display form is reported. Quadratic
    /// in the worst case, but a profile's members are few and this allocates nothing.
    /// </summary>
    private static int PickMostFrequent(int row, int group, bool flaggedOnly, SurvivorshipScratch scratch)
    {
        int count = scratch.CandidateCount;
        var scores = scratch.Scores;
        var flagged = scratch.Flagged;
        var counted = scratch.Counted;
        counted.AsSpan(0, count).Clear();
        int best = NoCandidate;
        int bestHolders = 0;
        for (int i = 0; i < count; i++)
        {
            if (scores[i] < 0 || flagged[i] != flaggedOnly || counted[i])
            {
                continue;
            }

            int holders = 1;
            for (int j = i + 1; j < count; j++)
            {
                if (scores[j] >= 0 && flagged[j] == flaggedOnly && !counted[j] && Same(i, j, row, group, scratch))
                {
                    counted[j] = true;
                    holders++;
                }
            }

            if (holders > bestHolders)
            {
                best = i;
                bestHolders = holders;
            }
        }

        return best;
    }

    private static bool Same(int left, int right, int row, int group, SurvivorshipScratch scratch)
    {
        if (group == AttributePlan.NoGroup)
        {
            return SameValue(scratch.Cells[row + left]!, scratch.Cells[row + right]!);
        }

        // Group scores carry the filled-field count in their high half: different counts, different groups.
        if ((scratch.Scores[left] >> 32) != (scratch.Scores[right] >> 32))
        {
            return false;
        }

        int count = scratch.CandidateCount;
        for (int name = 0; name < scratch.NameCount; name++)
        {
            if (scratch.NamePlans[name].Group != group)
            {
                continue;
            }

            int cell = name * count;
            bool leftFilled = scratch.CellLengths[cell + left] > 0;
            if (leftFilled != scratch.CellLengths[cell + right] > 0
                || (leftFilled && !SameValue(scratch.Cells[cell + left]!, scratch.Cells[cell + right]!)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(string left, string right) =>
        left.AsSpan().Trim().Equals(right.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
