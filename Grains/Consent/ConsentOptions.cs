using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Cdm.Grains.Consent;

/// <summary>The purposes consent can be recorded for: the standard ones and those configured (<c>Cdm:Consent</c>).</summary>
public sealed partial class ConsentOptions
{
    public const string SectionName = "Cdm:Consent";

    /// <summary>Purposes every deployment knows.</summary>
    public static readonly ImmutableArray<string> StandardPurposes =
        ["email_marketing", "sms", "analytics", "personalisation", "ads", "third_party_sharing"];

    /// <summary>Further purposes of this deployment: lower-case letters, digits and underscores, starting with a letter.</summary>
    public List<string> Purposes { get; set; } = [];

    /// <summary>True when <paramref name="purpose"/> is standard or configured.</summary>
    public bool IsKnown(string purpose) => StandardPurposes.Contains(purpose) || Purposes.Contains(purpose, StringComparer.Ordinal);

    /// <summary>Why options with a <see cref="Malformed"/> purpose are refused at start.</summary>
    public const string MalformedMessage = "Cdm:Consent:Purposes: a purpose is lower-case letters, digits and underscores, starting with a letter";

    /// <summary>True when every configured purpose is a well-formed name.</summary>
    public bool IsValid() => !Malformed().Any();

    /// <summary>The configured purposes that are not well-formed names; empty when all are.</summary>
    public IEnumerable<string> Malformed() => Purposes.Where(static p => !PurposeName().IsMatch(p));

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PurposeName();
}
