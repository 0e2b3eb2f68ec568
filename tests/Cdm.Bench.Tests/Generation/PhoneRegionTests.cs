using Cdm.Bench.Generation;
using Cdm.Bench.Truth;

namespace Cdm.Bench.Tests.Generation;

public sealed class PhoneRegionTests
{
    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("AU")]
    public void EveryWrittenForm_NormalisesToTheSameE164(string code)
    {
        var region = PhoneRegion.Parse(code);
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var national = region.NewNumber(random, landline: i % 2 == 0);
            var written = region.Format(national, random);

            Assert.True(region.E164Digits(national) == IdentifierKeys.Phone(written, region),
                $"{code}: '{written}' should normalise to {region.E164Digits(national)}, got {IdentifierKeys.Phone(written, region)}");
        }
    }
}
