using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Matching;

namespace Cdm.UnitTests.Erasure;

public sealed class TermFrequencyErasureTests
{
    [Fact]
    public void Forget_RemovesNamesOnlyThePersonHeld_AndKeepsSharedOnes()
    {
        // Counted over eight records: the person's two records say Lovelace; Smith is also someone else's.
        var table = TermFrequencyTable.Build(["lovelace", "lovelace", "smith", "smith", "jones", "brown", "green", "white"]);
        var document = new MatchModelDocument(MatchModelDocument.CurrentVersion, 0.1, 0.9,
            [new ComparisonDocument("last_name", [], table.Frequencies.ToImmutableDictionary(), table.Unseen)]);
        var values = TermFrequencyErasure.ValuesOf([Version("crm", "1", "Lovelace"), Version("shop", "2", "Lovelace"), Version("web", "3", "Smith")]);

        var (forgotten, removed) = TermFrequencyErasure.Forget(document, values);
        var (again, none) = TermFrequencyErasure.Forget(forgotten, values);

        Assert.Equal(2, values["last_name"]["lovelace"]);
        Assert.Equal(1, removed);
        Assert.Equal(["brown", "green", "jones", "smith", "white"], forgotten.Comparisons[0].TermFrequencies!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, none);
        Assert.Same(forgotten, again);
    }

    private static RecordVersion Version(string source, string id, string lastName) =>
        new(source, id, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            ImmutableSortedDictionary<string, string>.Empty.Add("last_name", lastName), [], [], source + id);
}
