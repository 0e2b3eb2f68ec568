using System.CommandLine;

namespace Cdm.Cli.Commands;

/// <summary><c>--purpose</c>: why a profile is read. Every read declares one; the answer holds only what it may see.</summary>
public static class PurposeOption
{
    public static Option<string> Create() => new("--purpose")
    {
        Description = "Why the profile is read: a consent purpose (email_marketing, sms, analytics, personalisation, ads, " +
            "third_party_sharing), customer_service, stewardship, privacy_request, or one the gateway configures. " +
            "Attributes the purpose (or the person's consent) does not allow are withheld and listed.",
        HelpName = "PURPOSE",
        Required = true,
    };
}
