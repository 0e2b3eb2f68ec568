using System.Collections.Immutable;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class DerivedGoldenValuesTests
{
    private readonly GoldenRecordBuilder _builder = Builder("phone", SurvivorshipRule.MostRecent);

    [Fact]
    public void Build_DerivedValue_FollowsTheGoldenValueItWasDerivedFrom()
    {
        var record = _builder.Build([
            Version("crm", "c1", 5, ("phone", "+447400123456")).Derived(("phone_country", "GB"), ("phone_line_type", "mobile")),
            Version("shop", "s1", 7, ("phone", "+14155552671")).Derived(("phone_country", "US"), ("phone_line_type", "fixed_line_or_mobile")),
        ]);

        var phone = Single(record, "phone");
        var country = Single(record, "phone_country");
        Assert.Equal("+14155552671", phone.Value);
        Assert.Equal("US", country.Value);
        Assert.Equal(phone.Lineage with { DerivedFrom = "phone" }, country.Lineage);
        Assert.True(country.Lineage.IsDerived);
        Assert.False(phone.Lineage.IsDerived);
        Assert.Equal("fixed_line_or_mobile", Single(record, "phone_line_type").Value);
    }

    [Fact]
    public void Build_WithDerivedValues_StaysSortedByAttribute()
    {
        var record = _builder.Build([
            Version("crm", "c1", 5, ("phone", "+447400123456"), ("email", "ada@gmail.com"), ("birth_date", "1990-01-01"))
                .Derived(("age_band", "35-44"), ("email_domain", "gmail.com"), ("email_free", "true"), ("phone_country", "GB")),
        ]);

        Assert.Equal(
            ["age_band", "birth_date", "email", "email_domain", "email_free", "phone", "phone_country"],
            record.Select(v => v.Attribute));
        Assert.Equal("birth_date", Single(record, "age_band").Lineage.DerivedFrom);
        Assert.Equal("email", Single(record, "email_free").Lineage.DerivedFrom);
    }

    [Fact]
    public void Build_AttributeTheSourceSentUnderADerivedName_KeepsTheSourceValue()
    {
        var record = _builder.Build([
            Version("crm", "c1", 5, ("phone", "+447400123456"), ("phone_country", "IE")).Derived(("phone_country", "GB")),
        ]);

        var country = Single(record, "phone_country");
        Assert.Equal("IE", country.Value);
        Assert.False(country.Lineage.IsDerived);
    }

    [Fact]
    public void Build_SourceValueFromAVersionWithoutDerivedAttributes_DerivesNothing()
    {
        var record = _builder.Build([
            Version("crm", "c1", 5, ("phone", "+447400123456")).Derived(("phone_country", "GB")),
            Version("shop", "s1", 7, ("phone", "+14155552671")),
        ]);

        Assert.Equal(["phone"], record.Select(v => v.Attribute));
    }

    [Fact]
    public void AddTo_VersionsWithoutDerivedAttributes_ReturnsTheSameRecord()
    {
        ImmutableArray<GoldenValue> golden = [new GoldenValue("phone", "+447400123456", new ValueLineage("crm", "c1", Day(5), "most_recent"))];

        var result = DerivedGoldenValues.AddTo(golden, [Version("crm", "c1", 5, ("phone", "+447400123456"))]);

        Assert.Equal(golden, result);
    }
}

internal static class DerivedVersions
{
    public static RecordVersion Derived(this RecordVersion version, params (string Name, string Value)[] derived) =>
        version with { DerivedAttributes = derived.ToImmutableSortedDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal) };
}
