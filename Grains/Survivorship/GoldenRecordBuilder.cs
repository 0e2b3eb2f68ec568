using System.Collections.Frozen;
using System.Collections.Immutable;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Survivorship;

/// <summary>
/// Computes a profile's golden record from its members' current record versions: one value per
/// attribute, each with the lineage of the version it came from and the rule that chose it. The result
/// depends only on the set of versions, never on their order. Immutable once built and safe to share;
/// <see cref="Build"/> runs on every profile change, so it allocates little beyond its result.
/// </summary>
public sealed class GoldenRecordBuilder
{
    private const int RuleCount = 4;
    private const int NoCandidate = SurvivorPicker.NoCandidate;
    private const int Unresolved = -2;

    private static readonly string[] RuleNames =
    [
        SurvivorshipRuleNames.SourcePriority,
        SurvivorshipRuleNames.MostRecent,
        SurvivorshipRuleNames.MostFrequent,
        SurvivorshipRuleNames.MostComplete,
    ];

    private readonly SourceRegistry _sources;
    private readonly SurvivorshipRule _defaultRule;
    private readonly FrozenDictionary<string, int> _priority;
    private readonly FrozenDictionary<string, AttributePlan> _plans;
    private readonly GroupPlan[] _groups;

    /// <summary>
    /// Builds the plan from the options. Throws <see cref="ArgumentException"/> when a rule is unknown, a
    /// name is blank, an attribute is in two groups, or an attribute has a rule of its own and a group.
    /// </summary>
    public GoldenRecordBuilder(SurvivorshipOptions options, SourceRegistry sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        _defaultRule = EnsureDefined(options.DefaultRule, nameof(options.DefaultRule));

        var priority = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (string source in options.SourcePriority)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(source, nameof(options.SourcePriority));
            priority.TryAdd(source, priority.Count); // a repeated name keeps its first place
        }

        var plans = new Dictionary<string, AttributePlan>(StringComparer.OrdinalIgnoreCase);
        var groups = new List<GroupPlan>();
        foreach (var (name, group) in options.Groups)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(options.Groups));
            ArgumentNullException.ThrowIfNull(group, nameof(options.Groups));
            var rule = EnsureDefined(group.Rule, $"{nameof(options.Groups)}:{name}:{nameof(group.Rule)}");
            int index = groups.Count;
            bool hasAttributes = false;
            foreach (string attribute in group.Attributes)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(attribute, nameof(options.Groups));
                if (plans.TryGetValue(attribute, out var existing))
                {
                    if (existing.Group == index)
                    {
                        continue;
                    }

                    throw new ArgumentException(
                        $"Attribute '{attribute}' is in groups '{groups[existing.Group].Name}' and '{name}'; an attribute survives with one group only.",
                        nameof(options));
                }

                plans.Add(attribute, new AttributePlan(rule, index));
                hasAttributes = true;
            }

            if (hasAttributes)
            {
                groups.Add(new GroupPlan(name, rule));
            }
        }

        foreach (var (attribute, rule) in options.Attributes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(attribute, nameof(options.Attributes));
            EnsureDefined(rule, $"{nameof(options.Attributes)}:{attribute}");
            if (plans.TryGetValue(attribute, out var existing))
            {
                throw new ArgumentException(
                    $"Attribute '{attribute}' has a rule of its own but survives with group '{groups[existing.Group].Name}'; set the group's rule instead.",
                    nameof(options));
            }

            plans.Add(attribute, new AttributePlan(rule, AttributePlan.NoGroup));
        }

        _priority = priority.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _plans = plans.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _groups = [.. groups];
    }

    /// <summary>
    /// The golden record of <paramref name="currentVersions"/> (the current version of each member record),
    /// sorted by attribute name (ordinal), with the derived attributes of its values (see
    /// <see cref="DerivedGoldenValues"/>). Empty input gives an empty record.
    /// </summary>
    public ImmutableArray<GoldenValue> Build(IReadOnlyCollection<RecordVersion> currentVersions)
    {
        ArgumentNullException.ThrowIfNull(currentVersions);
        int count = currentVersions.Count;
        if (count == 0)
        {
            return [];
        }

        var scratch = SurvivorshipScratch.Rent();
        try
        {
            scratch.EnsureCandidates(count, RuleCount, _groups.Length);
            int entries = LoadCandidates(currentVersions, count, scratch);
            scratch.EnsureEntries(entries);
            ValueTable.Load(scratch);
            PlanNames(scratch);
            scratch.GroupChoices.AsSpan(0, _groups.Length).Fill(Unresolved);

            int produced = 0;
            for (int name = 0; name < scratch.NameCount; name++)
            {
                var value = Decide(name, scratch);
                if (value is not null)
                {
                    scratch.Output[produced++] = value;
                }
            }

            return produced == 0 ? [] : DerivedGoldenValues.AddTo(ImmutableArray.Create(scratch.Output.AsSpan(0, produced)), currentVersions);
        }
        finally
        {
            scratch.Return();
        }
    }

    private static SurvivorshipRule EnsureDefined(SurvivorshipRule rule, string setting)
    {
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentException($"{SurvivorshipOptions.SectionName}:{setting} is {(int)rule}, not a survivorship rule.", setting);
        }

        return rule;
    }

    /// <summary>Fills the candidates in recency order and returns how many attributes they hold in all.</summary>
    private int LoadCandidates(IReadOnlyCollection<RecordVersion> versions, int count, SurvivorshipScratch scratch)
    {
        var candidates = scratch.Candidates;
        int loaded = 0;
        int entries = 0;
        if (versions is IReadOnlyList<RecordVersion> list)
        {
            // Indexing avoids boxing an enumerator, which a foreach over the interface would.
            for (; loaded < count; loaded++)
            {
                candidates[loaded] = Describe(list[loaded]);
                entries += list[loaded].Attributes.Count;
            }
        }
        else
        {
            foreach (var version in versions)
            {
                if (loaded == count)
                {
                    throw new InvalidOperationException("The record versions changed while the golden record was built.");
                }

                candidates[loaded++] = Describe(version);
                entries += version.Attributes.Count;
            }
        }

        if (loaded != count)
        {
            throw new InvalidOperationException("The record versions changed while the golden record was built.");
        }

        candidates.AsSpan(0, count).Sort(CandidateOrder.Recency);
        return entries;
    }

    private SurvivorCandidate Describe(RecordVersion? version)
    {
        if (version is null)
        {
            throw new ArgumentException("A record version is null.", "currentVersions");
        }

        int priority = _priority.TryGetValue(version.Source, out int position) ? position : int.MaxValue;
        return _sources.TryGet(version.Source, out var source)
            ? new SurvivorCandidate(version, priority, source.TrustRank, source.Party)
            : new SurvivorCandidate(version, priority, _sources.DefaultTrustRank, _sources.DefaultParty);
    }

    private void PlanNames(SurvivorshipScratch scratch)
    {
        for (int name = 0; name < scratch.NameCount; name++)
        {
            scratch.NamePlans[name] = _plans.TryGetValue(scratch.Names[name], out var plan)
                ? plan
                : new AttributePlan(_defaultRule, AttributePlan.NoGroup);
        }
    }

    private GoldenValue? Decide(int name, SurvivorshipScratch scratch)
    {
        var plan = scratch.NamePlans[name];
        if (plan.Group != AttributePlan.NoGroup)
        {
            return DecideInGroup(name, plan.Group, scratch);
        }

        int row = name * scratch.CandidateCount;
        int chosen = SurvivorPicker.ChooseForAttribute(row, plan.Rule, scratch);
        if (chosen == NoCandidate)
        {
            return null;
        }

        var version = scratch.Candidates[chosen].Version;
        ref var lineage = ref scratch.Lineages[(chosen * RuleCount) + (int)plan.Rule];
        lineage ??= new ValueLineage(version.Source, version.RecordId, version.ObservedAt, RuleNames[(int)plan.Rule]);
        return new GoldenValue(scratch.Names[name], scratch.Cells[row + chosen]!, lineage);
    }

    /// <summary>A group is decided once, on its first attribute; every attribute then comes from the chosen version or is absent.</summary>
    private GoldenValue? DecideInGroup(int name, int group, SurvivorshipScratch scratch)
    {
        ref int chosen = ref scratch.GroupChoices[group];
        if (chosen == Unresolved)
        {
            chosen = SurvivorPicker.ChooseForGroup(group, _groups[group].Rule, scratch);
            if (chosen != NoCandidate)
            {
                var winner = scratch.Candidates[chosen].Version;
                scratch.GroupLineages[group] = new ValueLineage(winner.Source, winner.RecordId, winner.ObservedAt, _groups[group].LineageRule);
            }
        }

        int cell = (name * scratch.CandidateCount) + chosen;
        if (chosen == NoCandidate || scratch.CellLengths[cell] == 0)
        {
            return null;
        }

        return new GoldenValue(scratch.Names[name], scratch.Cells[cell]!, scratch.GroupLineages[group]!);
    }
}
