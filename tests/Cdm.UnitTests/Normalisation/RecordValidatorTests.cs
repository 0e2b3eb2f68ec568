using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Normalisation;
using static Cdm.UnitTests.Normalisation.TestRecords;

namespace Cdm.UnitTests.Normalisation;

public sealed class RecordValidatorTests
{
    private readonly RecordValidator validator = new(new RecordLimits(), Clock());

    [Fact]
    public void Valid_Record_HasNoViolations()
    {
        var record = Incoming(
            [Attr("email", "jane@contoso.com"), Attr("first_name", "Jane"), Attr("note", new string('n', 4096))],
            [Id("loyalty_id", "L-1")],
            source: "shop.eu-1_b",
            recordId: new string('r', 256),
            observedAt: Now.AddDays(1));

        Assert.Empty(validator.Validate(record));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Source_Missing_IsViolation(string? source)
    {
        var record = Incoming() with { Source = source! };

        AssertSingle(validator.Validate(record), "source", "is required");
    }

    [Theory]
    [InlineData("crm:eu")]
    [InlineData("crm eu")]
    [InlineData("crm\n")]
    [InlineData("crm/eu")]
    [InlineData("crmé")]
    public void Source_WithOtherCharacters_IsViolation(string source)
    {
        AssertSingle(validator.Validate(Incoming(source: source)), "source", "may contain only");
    }

    [Fact]
    public void Source_Over128Characters_IsViolation()
    {
        Assert.Empty(validator.Validate(Incoming(source: new string('s', 128))));
        AssertSingle(validator.Validate(Incoming(source: new string('s', 129))), "source", "at most 128");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void RecordId_Missing_IsViolation(string? recordId)
    {
        var record = Incoming() with { RecordId = recordId! };

        AssertSingle(validator.Validate(record), "record_id", "is required");
    }

    [Fact]
    public void RecordId_Over256Characters_IsViolation()
    {
        AssertSingle(validator.Validate(Incoming(recordId: new string('r', 257))), "record_id", "at most 256");
    }

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    [InlineData("ab\u007F")]
    public void RecordId_WithControlCharacter_IsViolation(string recordId)
    {
        AssertSingle(validator.Validate(Incoming(recordId: recordId)), "record_id", "control characters");
    }

    [Fact]
    public void ObservedAt_MoreThanADayAhead_IsViolation()
    {
        Assert.Empty(validator.Validate(Incoming(observedAt: Now.AddDays(1))));
        AssertSingle(validator.Validate(Incoming(observedAt: Now.AddDays(1).AddSeconds(1))), "observed_at", "more than 1 day in the future");
    }

    [Fact]
    public void ObservedAt_Before1900_IsViolation()
    {
        var justBefore = new DateTimeOffset(1899, 12, 31, 23, 59, 59, TimeSpan.Zero);

        Assert.Empty(validator.Validate(Incoming(observedAt: new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        AssertSingle(validator.Validate(Incoming(observedAt: justBefore)), "observed_at", "before 1900-01-01");
    }

    [Fact]
    public void Attributes_Over200_IsViolation()
    {
        var atLimit = Enumerable.Range(0, 200).Select(i => Attr($"a{i}", "v"));
        var overLimit = Enumerable.Range(0, 201).Select(i => Attr($"A{i}", "v"));

        Assert.Empty(validator.Validate(Incoming(atLimit)));
        AssertSingle(validator.Validate(Incoming(overLimit)), "attributes", "has 201 attributes; at most 200");
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("1st_name")]
    [InlineData("first-name")]
    [InlineData("_name")]
    [InlineData("first name")]
    [InlineData("")]
    public void AttributeName_NotMatchingPattern_IsViolation(string name)
    {
        AssertSingle(validator.Validate(Incoming([Attr(name, "v")])), "attributes." + name, "must start with a lower-case letter");
    }

    [Fact]
    public void AttributeName_Over64Characters_IsViolationWithShortenedPath()
    {
        var name = new string('n', 65);

        Assert.Empty(validator.Validate(Incoming([Attr(new string('n', 64), "v")])));
        AssertSingle(validator.Validate(Incoming([Attr(name, "v")])), "attributes." + new string('n', 64) + "…", "at most 64");
    }

    [Fact]
    public void AttributeName_WithControlCharacter_IsPrintableInPath()
    {
        var violations = validator.Validate(Incoming([Attr("bad\u0001name", "v")]));

        AssertSingle(violations, "attributes.bad?name", "must start with a lower-case letter");
    }

    [Fact]
    public void AttributeValue_Over4096Characters_IsViolation()
    {
        AssertSingle(validator.Validate(Incoming([Attr("note", new string('v', 4097))])), "attributes.note", "at most 4096");
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u009Bb")]
    public void AttributeValue_WithControlCharacter_IsViolation(string value)
    {
        AssertSingle(validator.Validate(Incoming([Attr("note", value)])), "attributes.note", "control characters");
    }

    [Fact]
    public void AttributeValue_WithTabsAndLineBreaks_IsAccepted()
    {
        Assert.Empty(validator.Validate(Incoming([Attr("note", "line one\r\n\tline two")])));
    }

    [Fact]
    public void Identifiers_Over50_IsViolation()
    {
        var atLimit = Enumerable.Range(0, 50).Select(i => Id("crm_id", $"c{i}"));
        var overLimit = Enumerable.Range(0, 51).Select(i => Id("crm_id", $"c{i}"));

        Assert.Empty(validator.Validate(Incoming(identifiers: atLimit)));
        AssertSingle(validator.Validate(Incoming(identifiers: overLimit)), "identifiers", "has 51 identifiers; at most 50");
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("CRM", "must start with a lower-case letter")]
    [InlineData("crm-id", "must start with a lower-case letter")]
    [InlineData("9id", "must start with a lower-case letter")]
    [InlineData("src", "reserved for source keys")]
    public void IdentifierType_Invalid_IsViolationAtItsIndex(string type, string reason)
    {
        var record = Incoming(identifiers: [Id("crm_id", "c1"), Id(type, "v"), Id("loyalty_id", "l1")]);

        AssertSingle(validator.Validate(record), "identifiers[1].type", reason);
    }

    [Fact]
    public void IdentifierType_Over64Characters_IsViolation()
    {
        Assert.Empty(validator.Validate(Incoming(identifiers: [Id(new string('t', 64), "v")])));
        AssertSingle(validator.Validate(Incoming(identifiers: [Id(new string('t', 65), "v")])), "identifiers[0].type", "at most 64");
    }

    [Fact]
    public void IdentifierValue_Over512Characters_IsViolation()
    {
        Assert.Empty(validator.Validate(Incoming(identifiers: [Id("crm_id", new string('v', 512))])));
        AssertSingle(validator.Validate(Incoming(identifiers: [Id("crm_id", new string('v', 513))])), "identifiers[0].value", "at most 512");
    }

    [Fact]
    public void IdentifierValue_WithControlCharacter_IsViolation()
    {
        AssertSingle(validator.Validate(Incoming(identifiers: [Id("crm_id", "c\u00001")])), "identifiers[0].value", "control characters");
    }

    [Fact]
    public void Identifier_Null_IsViolation()
    {
        var record = Incoming() with { Identifiers = [null!] };

        AssertSingle(validator.Validate(record), "identifiers[0]", "is required");
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOne()
    {
        var record = new IncomingRecord(
            "",
            "",
            Now.AddYears(1),
            ImmutableDictionary<string, string>.Empty.Add("Bad", "v").Add("note", new string('v', 5000)),
            [new ExternalIdentifier("src", "x")]);

        var fields = validator.Validate(record).Select(v => v.Field).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["attributes.Bad", "attributes.note", "identifiers[0].type", "observed_at", "record_id", "source"], fields);
    }

    [Fact]
    public void Validate_CustomLimits_AreApplied()
    {
        var strict = new RecordValidator(new RecordLimits { MaxAttributes = 1, MaxObservedAtAhead = TimeSpan.FromHours(2) }, Clock());
        var record = Incoming([Attr("a", "1"), Attr("b", "2")], observedAt: Now.AddHours(3));

        var violations = strict.Validate(record);

        Assert.Contains(violations, v => v.Field == "attributes" && v.Reason.Contains("at most 1 are allowed", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "observed_at" && v.Reason.Contains("more than 2 hours", StringComparison.Ordinal));
    }

    private static void AssertSingle(ImmutableArray<FieldViolation> violations, string field, string reasonPart)
    {
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        Assert.True(violation.Reason.Contains(reasonPart, StringComparison.Ordinal), $"reason of {field} should contain '{reasonPart}', was '{violation.Reason}'");
    }
}
