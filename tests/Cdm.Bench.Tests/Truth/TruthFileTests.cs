using Cdm.Bench.Truth;

namespace Cdm.Bench.Tests.Truth;

public sealed class TruthFileTests
{
    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        var path = Path.GetTempFileName();
        try
        {
            TruthEntry[] entries = [new("crm", "C1", "c00000000", "person00000001"), new("shop", "-1,\"x\"", "c00000001", "person00000002")];

            TruthFile.Write(path, entries);

            Assert.Equal(entries, TruthFile.Read(path).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
