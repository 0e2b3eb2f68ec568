using Cdm.Contracts.Privacy;
using Cdm.Grains.Security;

namespace Cdm.UnitTests.Security;

public sealed class CallerRightsTests
{
    private static CallerRights Of(string[] roles, string[]? sources = null, string[]? purposes = null) =>
        new("caller", roles.ToHashSet(), (sources ?? []).ToHashSet(), (purposes ?? []).ToHashSet());

    [Fact]
    public void Source_WritesItsOwnSourcesOnly_AndReadsForNothing()
    {
        var crm = Of([AccessRoles.Source], sources: ["crm", "crm-eu"]);

        Assert.True(crm.MayWrite("crm-eu"));
        Assert.False(crm.MayWrite("shop"));
        Assert.False(crm.MayReadFor("analytics"));
        Assert.Empty(crm.ReadablePurposes());
    }

    [Fact]
    public void SourcesWithoutTheSourceRole_WriteNothing()
    {
        Assert.False(Of([AccessRoles.Reader], sources: ["crm"], purposes: ["sms"]).MayWrite("crm"));
    }

    [Fact]
    public void Reader_ReadsForItsPurposes_StewardAndPrivacyOfficerForTheirOwn()
    {
        var reader = Of([AccessRoles.Reader], purposes: ["sms", "analytics"]);
        var steward = Of([AccessRoles.Steward]);
        var officer = Of([AccessRoles.PrivacyOfficer]);

        Assert.True(reader.MayReadFor("sms"));
        Assert.False(reader.MayReadFor(ReadPurposes.Stewardship));
        Assert.Equal(["analytics", "sms"], reader.ReadablePurposes());
        Assert.True(steward.MayReadFor(ReadPurposes.Stewardship));
        Assert.False(steward.MayReadFor("sms"));
        Assert.True(officer.MayReadFor(ReadPurposes.PrivacyRequest));
        Assert.False(officer.MayReadFor(ReadPurposes.Stewardship));
    }

    [Fact]
    public void Admin_MayDoEverything()
    {
        var admin = Of([AccessRoles.Admin]);

        Assert.True(admin.MayWrite("anything"));
        Assert.True(admin.MayReadFor("ads"));
        Assert.True(admin.Has(AccessRoles.Steward));
        Assert.Equal(["*"], admin.ReadablePurposes());
        Assert.True(CallerRights.Open.IsAdmin);
    }
}
