using System.Numerics;
using Cdm.Contracts.Profiles;

namespace Cdm.Grains.Survivorship;

/// <summary>
/// Working arrays for one build, kept per thread so the hot path allocates only its results. A build is
/// synchronous and never re-enters itself, so one set per thread is enough; <see cref="Rent"/> still
/// takes the set off the thread while in use, so a nested build would simply get its own.
/// </summary>
internal sealed class SurvivorshipScratch
{
    // Rare huge profiles should not pin large arrays to a thread for good.
    private const int MaxKeptLength = 16_384;

    [ThreadStatic]
    private static SurvivorshipScratch? t_cached;

    private int _candidatesUsed;
    private int _lineagesUsed;
    private int _groupsUsed;
    private int _entriesUsed;
    private int _cellsUsed;
    private int _nameCount;

    /// <summary>The member versions in recency order; a candidate's index is its recency rank.</summary>
    public SurvivorCandidate[] Candidates { get; private set; } = [];

    /// <summary>Per candidate, where its attributes start in <see cref="Keys"/> (one extra slot marks the end).</summary>
    public int[] EntryStarts { get; private set; } = [];

    /// <summary>Every candidate's attribute names and values, candidate after candidate.</summary>
    public string[] Keys { get; private set; } = [];

    public string[] EntryValues { get; private set; } = [];

    /// <summary>The distinct attribute names, sorted ordinally.</summary>
    public string[] Names { get; private set; } = [];

    public AttributePlan[] NamePlans { get; private set; } = [];

    /// <summary>The value table, one row per name and one column per candidate: <c>[name * candidates + candidate]</c>.</summary>
    public string?[] Cells { get; private set; } = [];

    /// <summary>Trimmed length of each cell; 0 when absent or blank, which counts as absent.</summary>
    public int[] CellLengths { get; private set; } = [];

    /// <summary>Whether each cell carries a quality flag.</summary>
    public bool[] CellFlagged { get; private set; } = [];

    /// <summary>Per candidate, the current rule's score (a length, or filled fields and length for a group); -1 without a value.</summary>
    public long[] Scores { get; private set; } = [];

    /// <summary>Per candidate, whether its value for the current decision is flagged.</summary>
    public bool[] Flagged { get; private set; } = [];

    /// <summary>Per candidate, whether most-frequent counting has already counted it with a more recent holder.</summary>
    public bool[] Counted { get; private set; } = [];

    /// <summary>Per candidate and rule, the lineage shared by every value that candidate wins by that rule.</summary>
    public ValueLineage?[] Lineages { get; private set; } = [];

    public int[] GroupChoices { get; private set; } = [];

    public ValueLineage?[] GroupLineages { get; private set; } = [];

    public GoldenValue[] Output { get; private set; } = [];

    /// <summary>How many member versions this build decides between.</summary>
    public int CandidateCount => _candidatesUsed;

    /// <summary>How many distinct attribute names this build has, once <see cref="EnsureCells"/> is called.</summary>
    public int NameCount => _nameCount;

    public static SurvivorshipScratch Rent()
    {
        var scratch = t_cached ?? new SurvivorshipScratch();
        t_cached = null;
        return scratch;
    }

    public void EnsureCandidates(int count, int rules, int groups)
    {
        Candidates = Fit(Candidates, count);
        EntryStarts = Fit(EntryStarts, count + 1);
        Scores = Fit(Scores, count);
        Flagged = Fit(Flagged, count);
        Counted = Fit(Counted, count);
        Lineages = Fit(Lineages, count * rules);
        GroupChoices = Fit(GroupChoices, groups);
        GroupLineages = Fit(GroupLineages, groups);
        _candidatesUsed = count;
        _lineagesUsed = count * rules;
        _groupsUsed = groups;
    }

    public void EnsureEntries(int count)
    {
        Keys = Fit(Keys, count);
        EntryValues = Fit(EntryValues, count);
        Names = Fit(Names, count);
        NamePlans = Fit(NamePlans, count);
        Output = Fit(Output, count);
        _entriesUsed = count;
    }

    /// <summary>Sizes the value table for <paramref name="names"/> rows and empties the part this build uses.</summary>
    public void EnsureCells(int names)
    {
        int count = names * _candidatesUsed;
        Cells = Fit(Cells, count);
        CellLengths = Fit(CellLengths, count);
        CellFlagged = Fit(CellFlagged, count);
        Array.Clear(Cells, 0, count);
        Array.Clear(CellLengths, 0, count);
        Array.Clear(CellFlagged, 0, count);
        _cellsUsed = count;
        _nameCount = names;
    }

    /// <summary>Drops every reference the build left behind, so old record versions can be collected, and keeps the arrays for the next build.</summary>
    public void Return()
    {
        Array.Clear(Candidates, 0, _candidatesUsed);
        Array.Clear(Lineages, 0, _lineagesUsed);
        Array.Clear(GroupLineages, 0, _groupsUsed);
        Array.Clear(Keys, 0, _entriesUsed);
        Array.Clear(EntryValues, 0, _entriesUsed);
        Array.Clear(Names, 0, _entriesUsed);
        Array.Clear(Output, 0, _entriesUsed);
        Array.Clear(Cells, 0, _cellsUsed);
        _candidatesUsed = _lineagesUsed = _groupsUsed = _entriesUsed = _cellsUsed = _nameCount = 0;
        if (Keys.Length <= MaxKeptLength && Cells.Length <= MaxKeptLength && Lineages.Length <= MaxKeptLength)
        {
            t_cached = this;
        }
    }

    private static T[] Fit<T>(T[] array, int needed) =>
        array.Length >= needed
            ? array
            : new T[Math.Max(16, (int)Math.Min(Array.MaxLength, BitOperations.RoundUpToPowerOf2((uint)needed)))];
}
