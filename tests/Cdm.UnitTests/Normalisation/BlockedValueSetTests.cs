using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class BlockedValueSetTests
{
    [Theory]
    [InlineData("loyalty_id", "")]
    [InlineData("loyalty_id", "N/A")]
    [InlineData("crm_id", "unknown")]
    [InlineData("crm_id", "NULL")]
    [InlineData("crm_id", "none")]
    [InlineData("crm_id", "0")]
    [InlineData("crm_id", "123456789")]
    [InlineData("crm_id", "0000000")]
    [InlineData("crm_id", "xxxx")]
    [InlineData("email", "test@test.com")]
    [InlineData("email", "test@example.com")]
    [InlineData("email", "jane@example.com")]
    [InlineData("email", "noemail@gmail.com")]
    [InlineData("email", "no-reply@shop.example.co.uk")]
    [InlineData("email", "n/a")]
    [InlineData("phone", "+10000000000")]
    [InlineData("phone", "+12222222222")]
    [InlineData("phone", "+447777777777")]
    [InlineData("phone", "+12345678901")]
    [InlineData("phone", "+33123456789")]
    public void Default_PlaceholderValue_IsBlocked(string type, string value)
    {
        Assert.True(Build().IsBlocked(type, value), $"{type} '{value}' should be blocked");
    }

    [Theory]
    [InlineData("loyalty_id", "L-100234")]
    [InlineData("crm_id", "00123")]
    [InlineData("crm_id", "12")]
    [InlineData("email", "jane@gmail.com")]
    [InlineData("email", "jane.test@example-shop.com")]
    [InlineData("phone", "+14155552671")]
    [InlineData("phone", "+442079460958")]
    public void Default_RealValue_IsNotBlocked(string type, string value)
    {
        Assert.False(Build().IsBlocked(type, value), $"{type} '{value}' should not be blocked");
    }

    [Fact]
    public void Configured_Entry_IsComparedAfterNormalisation()
    {
        var options = new BlockedValueOptions();
        options.ByType["phone"].Add("(415) 555-2671");
        options.ByType["email"].Add(" Front.Desk@Hotel.Example.ORG ");

        var blocked = Build(options);

        Assert.True(blocked.IsBlocked("phone", "+14155552671"), "the configured phone should block its E.164 form");
        Assert.True(blocked.IsBlocked("email", "front.desk@hotel.example.org"), "the configured email should block its lower-case form");
    }

    [Fact]
    public void Configured_TypeList_AppliesToThatTypeOnly()
    {
        var options = new BlockedValueOptions();
        options.ByType["loyalty_id"] = ["DEMO-1"];

        var blocked = Build(options);

        Assert.True(blocked.IsBlocked("loyalty_id", "demo-1"), "loyalty_id DEMO-1 should be blocked, ignoring case");
        Assert.False(blocked.IsBlocked("crm_id", "DEMO-1"), "crm_id DEMO-1 should not be blocked");
    }

    [Fact]
    public void Rules_WhenTurnedOff_DoNotBlock()
    {
        var options = new BlockedValueOptions { BlockRepeatedCharacters = false, BlockPlaceholderPhoneNumbers = false };

        var blocked = Build(options);

        Assert.False(blocked.IsBlocked("crm_id", "7777777"));
        Assert.False(blocked.IsBlocked("phone", "+12345678901"));
    }

    private static BlockedValueSet Build(BlockedValueOptions? options = null)
    {
        var email = new EmailNormaliser();
        var phone = new PhoneNormaliser("US");
        return new BlockedValueSet(options ?? new BlockedValueOptions(), (type, entry) =>
            (type switch { "email" => email.Normalise(entry), "phone" => phone.Normalise(entry), _ => default }) is { IsValid: true } result
                ? result.Value
                : null);
    }
}
