using Cdm.Contracts.Profiles;
using Cdm.Grains.Identity;

namespace Cdm.UnitTests.Identity;

public sealed class LinkPlannerTests
{
    private readonly LinkPlanner planner = new(new IdentityGraphOptions());

    [Fact]
    public void AHigherPriorityIdentifier_WinsOverALowerOneThatWouldBreakALimit()
    {
        // The record has a new crm id and shares a family email with a profile that holds another crm id.
        var family = Facts(["src:crm:1"], ["crm_id:A", "email:fam@x.com"]);
        var plan = planner.Plan(
            [new("src:crm:2", null, false), new("crm_id:B", null, true), new("email:fam@x.com", "p1", true)],
            new Dictionary<string, LinkFacts> { ["p1"] = family });

        Assert.Equal(["p1"], plan.Excluded);
        Assert.Empty(plan.Dropped);
    }

    [Fact]
    public void AnUnownedIdentifierOverTheLimit_IsDropped_AndTheRecordStillLinks()
    {
        var full = Facts(["src:crm:1"], ["crm_id:A", .. Enumerable.Range(1, 5).Select(i => $"email:e{i}@x.com")]);
        var plan = planner.Plan(
            [new("src:crm:9", null, false), new("crm_id:A", "p1", true), new("email:e6@x.com", null, true), new("email:e1@x.com", "p1", true)],
            new Dictionary<string, LinkFacts> { ["p1"] = full });

        Assert.Empty(plan.Excluded);
        Assert.Equal(["email:e6@x.com"], plan.Dropped);
    }

    [Fact]
    public void TheRecordsOwnProfile_IsAlwaysKept_EvenOverItsLimit()
    {
        var over = Facts(["src:crm:1"], ["crm_id:A", "crm_id:B"]);
        var plan = planner.Plan([new("src:crm:1", "p1", false), new("crm_id:A", "p1", true)], new Dictionary<string, LinkFacts> { ["p1"] = over });

        Assert.Empty(plan.Excluded);
        Assert.Empty(plan.Dropped);
    }

    [Fact]
    public void ProfilesThatAddNoNewIdentifierOfALimitedType_Join()
    {
        var a = Facts(["src:s:1"], ["crm_id:A", "email:a@x.com"]);
        var b = Facts(["src:s:2"], ["crm_id:A", "email:b@x.com"]);
        var plan = planner.Plan([new("src:s:3", null, false), new("email:a@x.com", "pa", true), new("email:b@x.com", "pb", true)],
            new Dictionary<string, LinkFacts> { ["pa"] = a, ["pb"] = b });

        Assert.Empty(plan.Excluded);
    }

    [Fact]
    public void DoNotLink_LeavesOutTheLaterProfile()
    {
        var a = Facts(["src:s:1"], []) with { DoNotLink = ["src:s:2"] };
        var b = Facts(["src:s:2"], []);
        var plan = planner.Plan([new("src:s:3", null, false), new("email:a@x.com", "pa", true), new("src:s:2", "pb", false)],
            new Dictionary<string, LinkFacts> { ["pa"] = a, ["pb"] = b });

        Assert.Equal(["pb"], plan.Excluded);
    }

    [Fact]
    public void WithLimitsOff_OnlyDoNotLinkCounts()
    {
        var off = new LinkPlanner(new IdentityGraphOptions { Enabled = false });
        var a = Facts(["src:s:1"], ["crm_id:A"]);
        var b = Facts(["src:s:2"], ["crm_id:B"]);
        var plan = off.Plan([new("src:s:3", null, false), new("email:a@x.com", "pa", true), new("email:b@x.com", "pb", true)],
            new Dictionary<string, LinkFacts> { ["pa"] = a, ["pb"] = b });

        Assert.Empty(plan.Excluded);
        Assert.False(off.IsLimited("crm_id:A"));
        Assert.True(planner.IsLimited("crm_id:A"));
    }

    [Fact]
    public void Priorities_FollowTheRulesAndTheDefault()
    {
        Assert.True(planner.PriorityOf("crm_id:1") > planner.PriorityOf("email:a@b.c"));
        Assert.True(planner.PriorityOf("email:a@b.c") > planner.PriorityOf("phone:+6123"));
        Assert.Equal(new IdentityGraphOptions().DefaultPriority, planner.PriorityOf("loyalty_id:7"));
        Assert.Equal("email", LinkPlanner.TypeOf("email:a:b@c"));
    }

    private static LinkFacts Facts(string[] members, string[] identifiers) => new([.. members], []) { IdentifierKeys = [.. identifiers] };
}
