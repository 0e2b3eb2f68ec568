using Cdm.Grains.Enrichment;

namespace Cdm.UnitTests.Enrichment;

public sealed class EmailEnrichmentTests
{
    [Fact]
    public void Describe_Gmail_IsFreeMailNotDisposableNotRole()
    {
        var facts = EmailEnrichment.Describe("jane.doe@gmail.com");

        Assert.Equal(new EmailFacts("gmail.com", IsFree: true, IsDisposable: false, IsRole: false), facts);
    }

    [Fact]
    public void Describe_Mailinator_IsDisposable()
    {
        var facts = EmailEnrichment.Describe("someone@mailinator.com");

        Assert.NotNull(facts);
        Assert.True(facts.IsDisposable);
        Assert.False(facts.IsFree);
    }

    [Theory]
    [InlineData("info@acme.com")]
    [InlineData("sales@acme.com")]
    [InlineData("noreply@acme.com")]
    [InlineData("no-reply@acme.com")]
    [InlineData("info+shop@acme.com")]
    [InlineData("webmaster@gmail.com")]
    public void Describe_RoleLocalPart_IsRole(string address)
    {
        var facts = EmailEnrichment.Describe(address);

        Assert.NotNull(facts);
        Assert.True(facts.IsRole, $"{address} should be a role address");
    }

    [Theory]
    [InlineData("information.officer.jane@acme.com")]
    [InlineData("jane@acme.com")]
    [InlineData("infoxyz@acme.com")]
    public void Describe_PersonalLocalPart_IsNotRole(string address)
    {
        var facts = EmailEnrichment.Describe(address);

        Assert.NotNull(facts);
        Assert.False(facts.IsRole, $"{address} should not be a role address");
    }

    [Theory]
    [InlineData("a@yahoo.com")]
    [InlineData("a@yahoo.co.uk")]
    [InlineData("a@yahoo.fr")]
    [InlineData("a@hotmail.com")]
    [InlineData("a@outlook.de")]
    [InlineData("a@live.com")]
    [InlineData("a@icloud.com")]
    [InlineData("a@web.de")]
    [InlineData("a@gmx.net")]
    [InlineData("a@mail.ru")]
    [InlineData("a@yandex.ru")]
    [InlineData("a@qq.com")]
    [InlineData("a@163.com")]
    [InlineData("a@proton.me")]
    public void Describe_FreeMailProviders_AreFree(string address)
    {
        Assert.True(EmailEnrichment.Describe(address)?.IsFree, $"{address} should be free-mail");
    }

    [Theory]
    [InlineData("a@acme.com")]
    [InlineData("a@yahoo.example.com")]
    [InlineData("a@live.nation-events.com")]
    [InlineData("a@notgmail.com")]
    public void Describe_OtherDomains_AreNotFree(string address)
    {
        Assert.False(EmailEnrichment.Describe(address)?.IsFree, $"{address} should not be free-mail");
    }

    [Theory]
    [InlineData("x@guerrillamail.com")]
    [InlineData("x@10minutemail.com")]
    [InlineData("x@temp-mail.org")]
    [InlineData("x@yopmail.com")]
    [InlineData("x@trashmail.com")]
    [InlineData("x@inbox.mailinator.com")]
    public void Describe_DisposableServices_AreDisposable(string address)
    {
        Assert.True(EmailEnrichment.Describe(address)?.IsDisposable, $"{address} should be disposable");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@acme.com")]
    [InlineData("jane@")]
    [InlineData("a@b@c.com")]
    public void Describe_NotAnAddress_IsNull(string? value)
    {
        Assert.Null(EmailEnrichment.Describe(value));
    }
}
