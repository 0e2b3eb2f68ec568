using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Survivorship;

namespace Cdm.UnitTests.Survivorship;

/// <summary>Property-style checks: random member sets, full of ties, built in many orders, give one result.</summary>
public sealed class OrderIndependenceTests
{
    private static readonly string[] Sources = ["crm", "shop", "partner", "broker", "prefs", "newfeed", "feed", "feed2"];
    private static readonly string[] Attributes = ["email", "last_name", "first_name", "phone", "address_line1", "address_line2", "city", "postcode", "nickname"];
    private static readonly string[] Values = ["Lee", "lee ", "LEE", "Li", "Smith", "Smyth", "1 Elm Rd", "   ", "A much longer value"];

    [Theory]
    [InlineData(SurvivorshipRule.MostRecent)]
    [InlineData(SurvivorshipRule.SourcePriority)]
    [InlineData(SurvivorshipRule.MostFrequent)]
    [InlineData(SurvivorshipRule.MostComplete)]
    public void Build_ShuffledInputs_GiveSameOutput(SurvivorshipRule rule)
    {
        var builder = TestRecords.Builder(options =>
        {
            options.DefaultRule = rule;
            options.Groups["address"].Rule = rule;
            options.SourcePriority.Add("partner");
        });

        for (int seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var versions = RandomVersions(random);
            var expected = builder.Build(versions);

            for (int shuffle = 0; shuffle < 8; shuffle++)
            {
                var shuffled = versions.ToArray();
                random.Shuffle(shuffled);
                var actual = builder.Build(shuffled);
                Assert.True(
                    expected.SequenceEqual(actual),
                    $"seed {seed}, shuffle {shuffle}, rule {rule}: expected [{string.Join("; ", expected)}] but got [{string.Join("; ", actual)}]");
            }
        }
    }

    [Fact]
    public void CompareSourceKeys_AgreesWithOrdinalOrderOfSourceKeys()
    {
        string[] parts = ["", "a", "a:", "a:b", "ab", "a2", "a-", "b", ":", "crm", "crm2", "crm:1", "1"];
        foreach (string source1 in parts)
        {
            foreach (string record1 in parts)
            {
                foreach (string source2 in parts)
                {
                    foreach (string record2 in parts)
                    {
                        int expected = Math.Sign(string.CompareOrdinal(SourceKeys.For(source1, record1), SourceKeys.For(source2, record2)));
                        int actual = Math.Sign(CandidateOrder.CompareSourceKeys(source1, record1, source2, record2));
                        Assert.True(expected == actual, $"({source1}, {record1}) vs ({source2}, {record2}): expected {expected}, got {actual}");
                    }
                }
            }
        }
    }

    private static List<RecordVersion> RandomVersions(Random random)
    {
        int count = random.Next(1, 9);
        var versions = new List<RecordVersion>(count);
        for (int i = 0; i < count; i++)
        {
            var attributes = new List<(string, string)>();
            foreach (string attribute in Attributes)
            {
                if (random.Next(3) > 0)
                {
                    attributes.Add((attribute, Values[random.Next(Values.Length)]));
                }
            }

            // Few sources, record ids and days, so every tie-break gets exercised, including two
            // versions of one record.
            var version = TestRecords.Version(Sources[random.Next(Sources.Length)], $"r{random.Next(3)}", random.Next(3), [.. attributes]);
            if (random.Next(4) == 0 && attributes.Count > 0)
            {
                version = version.Flagged(attributes[random.Next(attributes.Count)].Item1);
            }

            if (random.Next(5) == 0)
            {
                version = version with { ReceivedAt = TestRecords.Day(random.Next(2)) };
            }

            versions.Add(version);
        }

        return versions;
    }
}
