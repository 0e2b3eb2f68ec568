using Cdm.Grains.Privacy.Erasure;

namespace Cdm.UnitTests.Erasure;

public sealed class SuppressionHasherTests
{
    [Fact]
    public void Hash_IsStablePerSecret_DiffersAcrossSecrets_AndHidesTheKey()
    {
        var secret = SuppressionHasher.NewSecret();
        var other = SuppressionHasher.NewSecret();

        var hash = SuppressionHasher.Hash(secret, "email:ada@x.net");

        Assert.Equal(hash, SuppressionHasher.Hash(secret, "email:ada@x.net"));
        Assert.NotEqual(hash, SuppressionHasher.Hash(other, "email:ada@x.net"));
        Assert.NotEqual(hash, SuppressionHasher.Hash(secret, "email:ada@x.net "));
        Assert.Equal(43, hash.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", hash);
        Assert.DoesNotContain("ada", hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SuppressionHasher.SecretLength, secret.Length);
        Assert.NotEqual(secret, other);
    }
}
