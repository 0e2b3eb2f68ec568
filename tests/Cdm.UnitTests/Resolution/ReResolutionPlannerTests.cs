using System.Collections.Immutable;
using Cdm.Grains.Blocking;
using Cdm.Grains.Identity;
using Cdm.Grains.Matching;
using Cdm.Grains.Resolution;

namespace Cdm.UnitTests.Resolution;

public sealed class ReResolutionPlannerTests
{
    // Each compared field adds 6 bits when exact and takes 6 away otherwise (0 when missing); the prior is even.
    // Three exact fields (18 bits) and two exact with one missing (12 bits) link; a disagreement (6 bits) does not.
    private const double Bits = 6.0;

    private static readonly MatchModel Model = BuildModel();

    private static MatchModel BuildModel()
    {
        ImmutableArray<Comparison> comparisons = [NameComparison.FirstName(), NameComparison.LastName(), DateComparison.BirthDate()];
        var m = new List<ImmutableArray<double>>();
        var u = new List<ImmutableArray<double>>();
        foreach (var comparison in comparisons)
        {
            var other = comparison.Levels.Length - 2;
            var mOther = 0.1 / other;
            m.Add([1.0, 0.9, .. Enumerable.Repeat(mOther, other)]);
            u.Add([1.0, 0.9 / Math.Pow(2, Bits), .. Enumerable.Repeat(mOther * Math.Pow(2, Bits), other)]);
        }

        return new MatchModel(comparisons, [.. m], [.. u], 0.5, threshold: 1 / (1 + Math.Pow(2, -10)));
    }

    private static readonly MatchRecord Ada = new("ada", "lovelace", "1815-12-10");
    private static readonly MatchRecord AdaNoBirthDate = new("ada", "lovelace");
    private static readonly MatchRecord Grace = new("grace", "hopper", "1906-12-09");

    private static ResolutionMember Member(string key, MatchRecord? record, string[]? identifiers = null, string[]? doNotLink = null, string block = "b:1") =>
        new(key, [.. identifiers ?? []], [.. doNotLink ?? []], [block], record);

    private static ResolutionProfile Profile(string id, params ResolutionMember[] members) => new(id, [.. members]);

    private static readonly IdentityGraphOptions LimitsOn = new();

    private static readonly IdentityGraphOptions LimitsOff = new() { Enabled = false };

    private static ReResolutionPlan Plan(params ResolutionProfile[] profiles) => Plan(LimitsOn, profiles);

    private static ReResolutionPlan Plan(IdentityGraphOptions identityGraph, params ResolutionProfile[] profiles) =>
        new ReResolutionPlanner(Model, BlockCapacity.Default, identityGraph).Plan(profiles);

    private static ReResolutionPlan Plan(AcceptedPair[] accepted, params ResolutionProfile[] profiles) =>
        new ReResolutionPlanner(Model, BlockCapacity.Default, LimitsOn).Plan(profiles, accepted);

    private static AcceptedPair Accepted(string left, string right) => new(left, right);

    private static string Show(ImmutableArray<ImmutableArray<string>> groups) =>
        string.Join(" | ", groups.Select(static g => string.Join(",", g)));

    /// <summary>The profiles in another order, each with its members in another order.</summary>
    private static ResolutionProfile[] Shuffle(ResolutionProfile[] profiles, Random random) =>
        [.. profiles.Select(p => p with { Members = [.. p.Members.OrderBy(_ => random.Next())] }).OrderBy(_ => random.Next())];

    /// <summary>The same groups, merges, splits and counts: what order independence requires.</summary>
    private static void AssertSamePlan(ReResolutionPlan expected, ReResolutionPlan plan)
    {
        Assert.Equal(Show(expected.Groups), Show(plan.Groups));
        Assert.Equal(expected.Merges.Select(static m => string.Join(",", m.ProfileIds)), plan.Merges.Select(static m => string.Join(",", m.ProfileIds)));
        Assert.Equal(expected.Splits.Select(static s => Show(s.Groups)), plan.Splits.Select(static s => Show(s.Groups)));
        Assert.Equal(expected.LimitConflicts, plan.LimitConflicts);
        Assert.Equal(expected.RefusedByDoNotLink, plan.RefusedByDoNotLink);
        Assert.Equal(expected.AcceptedLinks, plan.AcceptedLinks);
    }

    [Fact]
    public void Plan_MergesProfilesTheModelLinks()
    {
        var plan = Plan(Profile("p1", Member("src:a:1", Ada)), Profile("p2", Member("src:b:1", Ada)), Profile("p3", Member("src:c:1", Grace)));

        var merge = Assert.Single(plan.Merges);
        Assert.Equal("p1,p2", string.Join(",", merge.ProfileIds));
        Assert.Equal("src:a:1,src:b:1", string.Join(",", merge.SourceKeys));
        Assert.Equal(18.0, merge.BestScore!.Weight, 6);
        Assert.StartsWith("match of src:a:1 with src:b:1", merge.Describe(), StringComparison.Ordinal);
        Assert.Empty(plan.Splits);
        Assert.Equal("src:a:1,src:b:1 | src:c:1", Show(plan.Groups));
        Assert.Equal(3, plan.CandidatePairs);
        Assert.Equal(1, plan.LinkPairs);
    }

    [Fact]
    public void Plan_SplitsProfileTheModelNoLongerHoldsTogether()
    {
        var plan = Plan(Profile("p1", Member("src:a:1", Ada), Member("src:a:2", Grace), Member("src:a:3", AdaNoBirthDate)));

        Assert.Empty(plan.Merges);
        var split = Assert.Single(plan.Splits);
        Assert.Equal("p1", split.ProfileId);
        Assert.Equal("src:a:1,src:a:3 | src:a:2", Show(split.Groups));
    }

    [Fact]
    public void Plan_NeverSplitsRecordsSharingAnIdentifier()
    {
        var plan = Plan(Profile("p1", Member("src:a:1", Ada, ["email:ada@x.org"]), Member("src:a:2", Grace, ["phone:+441", "email:ada@x.org"])));

        Assert.Empty(plan.Splits);
        Assert.Empty(plan.Merges);
        Assert.Equal("src:a:1,src:a:2", Show(plan.Groups));
        Assert.Equal(0, plan.CandidatePairs);
    }

    [Fact]
    public void Plan_DoesNotLinkAcrossADoNotLinkConstraint()
    {
        var plan = Plan(
            Profile("p1", Member("src:a:1", Ada, doNotLink: ["src:b:1"])),
            Profile("p2", Member("src:b:1", Ada)));

        Assert.Empty(plan.Merges);
        Assert.Equal(1, plan.RefusedByDoNotLink);
        Assert.Equal("src:a:1 | src:b:1", Show(plan.Groups));
    }

    [Fact]
    public void Plan_DoNotLinkHoldsAcrossAChainOfLinks()
    {
        // a-b is the strongest link (18 bits); b-c and a-c (12 bits) would bring c in, which a forbids.
        var plan = Plan(
            Profile("p1", Member("src:a:1", Ada, doNotLink: ["src:c:1"])),
            Profile("p2", Member("src:b:1", Ada)),
            Profile("p3", Member("src:c:1", AdaNoBirthDate)));

        Assert.Equal("src:a:1,src:b:1 | src:c:1", Show(plan.Groups));
        Assert.Equal(2, plan.RefusedByDoNotLink);
    }

    [Fact]
    public void Plan_DoesNotDependOnInputOrder()
    {
        var profiles = new[]
        {
            Profile("p1", Member("src:a:1", Ada, doNotLink: ["src:c:1"])),
            Profile("p2", Member("src:b:1", AdaNoBirthDate), Member("src:b:2", Grace)),
            Profile("p3", Member("src:c:1", Ada), Member("src:c:2", Grace, ["email:grace@x.org"])),
            Profile("p4", Member("src:d:1", Grace, ["email:grace@x.org"]), Member("src:d:2", AdaNoBirthDate)),
        };
        var expected = Plan(profiles);

        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = Shuffle(profiles, random);
            AssertSamePlan(expected, Plan(shuffled));
        }
    }

    [Fact]
    public void Plan_SkipsBlocksOverTheCap()
    {
        var profiles = new[]
        {
            Profile("p1", Member("src:a:1", Ada)),
            Profile("p2", Member("src:b:1", Ada)),
            Profile("p3", Member("src:c:1", Ada)),
        };

        var plan = new ReResolutionPlanner(Model, new BlockCapacity(2), LimitsOn).Plan(profiles);

        Assert.Equal(0, plan.CandidatePairs);
        Assert.Empty(plan.Merges);
    }

    [Fact]
    public void Plan_WithoutAModelKeepsOnlyDeterministicLinks()
    {
        var plan = new ReResolutionPlanner(null, BlockCapacity.Default, LimitsOn).Plan(
            [Profile("p1", Member("src:a:1", Ada), Member("src:a:2", Ada)), Profile("p2", Member("src:b:1", Ada))]);

        Assert.Empty(plan.Merges);
        Assert.Equal("src:a:1 | src:a:2", Show(Assert.Single(plan.Splits).Groups));
    }

    [Fact]
    public void Plan_ReportsProgressOfEveryPhase()
    {
        var phases = new List<string>();
        new ReResolutionPlanner(Model, BlockCapacity.Default, LimitsOn).Plan(
            [Profile("p1", Member("src:a:1", Ada)), Profile("p2", Member("src:b:1", Ada))],
            (phase, _, _) => { lock (phases) { phases.Add(phase); } });

        Assert.Equal([ReResolvePhases.Blocking, ReResolvePhases.Scoring, ReResolvePhases.Linking], phases.Distinct());
    }

    [Fact]
    public void Plan_KeepsRecordsWithDifferentCrmIdsSharingAnEmailApart()
    {
        ResolutionProfile[] profiles =
        [
            Profile("p1", Member("src:a:1", null, ["crm_id:A", "email:family@x.org"])),
            Profile("p2", Member("src:b:1", null, ["crm_id:B", "email:family@x.org"])),
        ];

        var limited = Plan(LimitsOn, profiles);
        Assert.Equal("src:a:1 | src:b:1", Show(limited.Groups));
        Assert.Empty(limited.Merges);
        Assert.Empty(limited.Splits);
        Assert.Equal(1, limited.LimitConflicts);
        Assert.Equal(0, limited.RefusedByDoNotLink);

        var unlimited = Plan(LimitsOff, profiles);
        Assert.Equal("src:a:1,src:b:1", Show(unlimited.Groups));
        Assert.Equal("p1,p2", string.Join(",", Assert.Single(unlimited.Merges).ProfileIds));
        Assert.Equal(0, unlimited.LimitConflicts);
    }

    [Fact]
    public void Plan_SplitsAProfileThatHoldsTwoCrmIdsOnlyThroughAnEmail()
    {
        // Collapsed while the limits were off: with them on, the two customers part.
        var plan = Plan(Profile("p1",
            Member("src:a:1", null, ["crm_id:A", "email:family@x.org"]),
            Member("src:b:1", null, ["crm_id:B", "email:family@x.org"])));

        Assert.Equal("src:a:1 | src:b:1", Show(Assert.Single(plan.Splits).Groups));
        Assert.Equal(1, plan.LimitConflicts);
    }

    [Fact]
    public void Plan_ASixthEmailDoesNotPullAProfileTogether()
    {
        ResolutionProfile[] profiles =
        [
            Profile("p1", Member("src:a:1", null, ["email:1@x.org", "email:2@x.org", "email:3@x.org", "email:4@x.org", "email:5@x.org"])),
            Profile("p2", Member("src:b:1", null, ["email:5@x.org", "email:6@x.org"])),
            Profile("p3", Member("src:c:1", null, ["email:1@x.org", "phone:+441"])),
        ];

        // p3 adds no email, so it may join the full profile; p2 would bring a sixth.
        var limited = Plan(LimitsOn, profiles);
        Assert.Equal("src:a:1,src:c:1 | src:b:1", Show(limited.Groups));
        Assert.Equal("p1,p3", string.Join(",", Assert.Single(limited.Merges).ProfileIds));
        Assert.Equal(1, limited.LimitConflicts);

        var unlimited = Plan(LimitsOff, profiles);
        Assert.Equal("src:a:1,src:b:1,src:c:1", Show(unlimited.Groups));
        Assert.Equal(0, unlimited.LimitConflicts);
    }

    [Fact]
    public void Plan_CrmLinksWinOverEmailLinks()
    {
        var plan = Plan(
            Profile("p1", Member("src:a:1", null, ["crm_id:A", "email:e@x.org"])),
            Profile("p2", Member("src:a:2", null, ["crm_id:A", "email:f@x.org"])),
            Profile("p3", Member("src:a:3", null, ["crm_id:B", "email:e@x.org"])));

        Assert.Equal("src:a:1,src:a:2 | src:a:3", Show(plan.Groups));
        Assert.Equal("p1,p2", string.Join(",", Assert.Single(plan.Merges).ProfileIds));
        Assert.Equal(1, plan.LimitConflicts);
    }

    [Fact]
    public void Plan_TakesIdentifiersByPriorityNotByName()
    {
        // The email key sorts before the national id key, but the national id (priority 90) links first, so the
        // email (priority 50) is the link left out. With the limits off every key links, in ordinal order.
        ResolutionProfile[] profiles =
        [
            Profile("p1", Member("src:a:1", null, ["national_id:X", "email:e@x.org"])),
            Profile("p2", Member("src:b:1", null, ["national_id:X", "crm_id:B"])),
            Profile("p3", Member("src:c:1", null, ["email:e@x.org", "crm_id:C"])),
        ];

        var plan = Plan(profiles);
        Assert.Equal("src:a:1,src:b:1 | src:c:1", Show(plan.Groups));
        Assert.Equal(1, plan.LimitConflicts);

        var byName = Plan(new IdentityGraphOptions { DefaultPriority = 30, Identifiers = new(StringComparer.Ordinal)
        {
            ["crm_id"] = new() { MaxPerProfile = 1, Priority = 100 },
            ["national_id"] = new() { MaxPerProfile = 1, Priority = 50 },
            ["email"] = new() { MaxPerProfile = 5, Priority = 50 },
        } }, profiles);
        Assert.Equal("src:a:1,src:c:1 | src:b:1", Show(byName.Groups));
        Assert.Equal(1, byName.LimitConflicts);
    }

    [Fact]
    public void Plan_ModelLinksRespectTheLimits()
    {
        var plan = Plan(
            Profile("p1", Member("src:a:1", Ada, ["crm_id:A"])),
            Profile("p2", Member("src:b:1", Ada, ["crm_id:B"])));

        Assert.Equal(1, plan.LinkPairs);
        Assert.Empty(plan.Merges);
        Assert.Equal("src:a:1 | src:b:1", Show(plan.Groups));
        Assert.Equal(1, plan.LimitConflicts);
    }

    [Fact]
    public void Plan_WithLimitsDoesNotDependOnInputOrder()
    {
        var profiles = new[]
        {
            Profile("p1", Member("src:a:1", Ada, ["crm_id:A", "email:family@x.org"]), Member("src:a:2", Grace, ["email:grace@x.org"])),
            Profile("p2", Member("src:b:1", AdaNoBirthDate, ["crm_id:B", "email:family@x.org"]), Member("src:b:2", null, ["crm_id:A"])),
            Profile("p3", Member("src:c:1", Grace, ["crm_id:C", "email:grace@x.org"]), Member("src:c:2", Ada, ["phone:+441"])),
            Profile("p4", Member("src:d:1", null, ["email:1@x.org", "email:2@x.org", "email:3@x.org", "email:4@x.org", "email:5@x.org", "phone:+441"])),
            Profile("p5", Member("src:e:1", Ada, ["email:family@x.org", "email:6@x.org"], doNotLink: ["src:a:1"])),
        };
        var expected = Plan(profiles);
        Assert.True(expected.LimitConflicts > 0);
        Assert.NotEmpty(expected.Merges);
        Assert.NotEmpty(expected.Splits);

        var random = new Random(11);
        for (var round = 0; round < 30; round++)
        {
            var shuffled = Shuffle(profiles, random);
            AssertSamePlan(expected, Plan(shuffled));
        }
    }

    [Fact]
    public void Plan_WithLimitsStillRespectsDoNotLink()
    {
        ResolutionProfile[] profiles =
        [
            Profile("p1", Member("src:a:1", null, ["email:e@x.org"], doNotLink: ["src:b:1"])),
            Profile("p2", Member("src:b:1", null, ["email:e@x.org"])),
            Profile("p3", Member("src:c:1", null, ["email:e@x.org"])),
        ];

        foreach (var options in new[] { LimitsOn, LimitsOff })
        {
            var plan = Plan(options, profiles);
            Assert.Equal("src:a:1,src:c:1 | src:b:1", Show(plan.Groups));
            Assert.Equal(1, plan.RefusedByDoNotLink);
            Assert.Equal(0, plan.LimitConflicts);
        }
    }

    [Fact]
    public void Plan_KeepsAnAcceptedPairTheModelDoesNotLinkInOneProfile()
    {
        var profile = Profile("p1", Member("src:a:1", Ada), Member("src:a:2", Grace));
        Assert.Equal("src:a:1 | src:a:2", Show(Assert.Single(Plan(profile).Splits).Groups));

        var plan = Plan([Accepted("src:a:2", "src:a:1")], profile);

        Assert.Empty(plan.Splits);
        Assert.Empty(plan.Merges);
        Assert.Equal("src:a:1,src:a:2", Show(plan.Groups));
        Assert.Equal(1, plan.AcceptedLinks);
    }

    [Fact]
    public void Plan_MergesAnAcceptedPairHeldApart()
    {
        ResolutionProfile[] profiles = [Profile("p1", Member("src:a:1", Ada)), Profile("p2", Member("src:b:1", Grace))];
        Assert.Empty(Plan(profiles).Merges);

        var plan = Plan([Accepted("src:b:1", "src:a:1")], profiles);

        var merge = Assert.Single(plan.Merges);
        Assert.Equal("p1,p2", string.Join(",", merge.ProfileIds));
        Assert.Equal("src:a:1,src:b:1", string.Join(",", merge.SourceKeys));
        Assert.Null(merge.BestScore);
        Assert.Equal("steward accepted src:a:1 with src:b:1", merge.Describe());
        Assert.Empty(plan.Splits);
        Assert.Equal(1, plan.AcceptedLinks);
    }

    [Fact]
    public void Plan_ALaterDoNotLinkWinsOverAnAcceptedPair()
    {
        // Accepted, then split out by a steward (which adds do-not-link): the records stay apart.
        var plan = Plan(
            [Accepted("src:a:1", "src:b:1")],
            Profile("p1", Member("src:a:1", Ada, doNotLink: ["src:b:1"])),
            Profile("p2", Member("src:b:1", Grace, doNotLink: ["src:a:1"])));

        Assert.Empty(plan.Merges);
        Assert.Empty(plan.Splits);
        Assert.Equal("src:a:1 | src:b:1", Show(plan.Groups));
        Assert.Equal(1, plan.RefusedByDoNotLink);
        Assert.Equal(0, plan.AcceptedLinks);
    }

    [Fact]
    public void Plan_AcceptedPairsRespectTheLimits()
    {
        var plan = Plan(
            [Accepted("src:a:1", "src:b:1")],
            Profile("p1", Member("src:a:1", Grace, ["crm_id:A"])),
            Profile("p2", Member("src:b:1", Ada, ["crm_id:B"])));

        Assert.Empty(plan.Merges);
        Assert.Equal("src:a:1 | src:b:1", Show(plan.Groups));
        Assert.Equal(1, plan.LimitConflicts);
        Assert.Equal(0, plan.AcceptedLinks);
    }

    [Fact]
    public void Plan_IgnoresAcceptedPairsWhoseRecordsAreNotBothPresent()
    {
        ResolutionProfile[] profiles = [Profile("p1", Member("src:a:1", Ada), Member("src:a:2", Grace))];

        var plan = Plan([Accepted("src:a:1", "src:gone:1"), Accepted("src:gone:2", "src:a:2")], profiles);

        Assert.Equal("src:a:1 | src:a:2", Show(Assert.Single(plan.Splits).Groups));
        Assert.Equal(0, plan.AcceptedLinks);
    }

    [Fact]
    public void Plan_AcceptedPairsComeBeforeTheModelsLinks()
    {
        // The model links b and c strongly; a (accepted with b) forbids c. The accept is taken first, so c is the
        // record left out, not a.
        ResolutionProfile[] profiles =
        [
            Profile("p1", Member("src:a:1", Grace, doNotLink: ["src:c:1"])),
            Profile("p2", Member("src:b:1", Ada)),
            Profile("p3", Member("src:c:1", Ada)),
        ];
        Assert.Equal("src:a:1 | src:b:1,src:c:1", Show(Plan(profiles).Groups));

        var plan = Plan([Accepted("src:a:1", "src:b:1")], profiles);

        Assert.Equal("src:a:1,src:b:1 | src:c:1", Show(plan.Groups));
        Assert.Equal("p1,p2", string.Join(",", Assert.Single(plan.Merges).ProfileIds));
        Assert.Equal(1, plan.AcceptedLinks);
        Assert.Equal(1, plan.RefusedByDoNotLink);
    }

    [Fact]
    public void Plan_WithAcceptedPairsDoesNotDependOnInputOrder()
    {
        // a:1-b:1 and b:1-c:1 were both accepted, but a:1 forbids c:1: the pair first in ordinal order is kept.
        var profiles = new[]
        {
            Profile("p1", Member("src:a:1", Grace, doNotLink: ["src:c:1"]), Member("src:a:2", Ada)),
            Profile("p2", Member("src:b:1", null), Member("src:b:2", AdaNoBirthDate)),
            Profile("p3", Member("src:c:1", null), Member("src:c:2", Grace)),
        };
        AcceptedPair[] accepted =
        [
            Accepted("src:c:1", "src:b:1"),
            Accepted("src:b:1", "src:a:1"),
            Accepted("src:a:1", "src:b:1"),
            Accepted("src:b:2", "src:z:1"),
        ];
        var expected = Plan(accepted, profiles);
        Assert.Equal("src:a:1,src:b:1,src:c:2 | src:a:2,src:b:2 | src:c:1", Show(expected.Groups));
        Assert.Equal(1, expected.AcceptedLinks);
        Assert.Equal(1, expected.RefusedByDoNotLink);

        var random = new Random(13);
        for (var round = 0; round < 30; round++)
        {
            var shuffled = Shuffle(profiles, random);
            var pairs = accepted
                .Select(p => random.Next(2) == 0 ? p : new AcceptedPair(p.RightSourceKey, p.LeftSourceKey))
                .OrderBy(_ => random.Next())
                .ToArray();
            var plan = Plan(pairs, shuffled);
            AssertSamePlan(expected, plan);
            Assert.Equal(expected.Merges.Select(static m => m.Describe()), plan.Merges.Select(static m => m.Describe()));
        }
    }
}
