using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Privacy;
using Cdm.Grains.Consent;

namespace Cdm.Grains.Privacy;

/// <summary>
/// The read policy of a deployment: the class of every attribute and identifier type, and for each read purpose the
/// classes it sees and the consent it needs. Built once from <see cref="PrivacyOptions"/> and checked at start
/// (<see cref="Problems"/>): a policy naming an unknown class or consent purpose would silently show or hide data.
/// </summary>
public sealed partial class ReadPolicy
{
    private readonly PrivacyOptions options;
    private readonly FrozenDictionary<string, ReadPurposeOptions> purposes;
    private readonly FrozenSet<string> classes;
    private readonly ConsentOptions consent;

    public ReadPolicy(PrivacyOptions options, ConsentOptions consent)
    {
        this.options = options;
        this.consent = consent;
        var merged = new Dictionary<string, ReadPurposeOptions>(PrivacyOptions.DefaultPurposes, StringComparer.Ordinal);
        foreach (var (name, purpose) in options.Purposes)
        {
            merged[name] = purpose;
        }

        purposes = merged.ToFrozenDictionary(StringComparer.Ordinal);
        classes = AttributeClass.Standard
            .Concat(options.AttributeClasses.Values)
            .Concat(options.IdentifierClasses.Values)
            .Append(options.UnclassifiedClass)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every read purpose, sorted.</summary>
    public IEnumerable<string> Purposes => purposes.Keys.Order(StringComparer.Ordinal);

    public bool IsKnown(string purpose) => purposes.ContainsKey(purpose);

    /// <summary>The class of an attribute (a source's or a derived one).</summary>
    public string ClassOf(string attribute) =>
        options.AttributeClasses.TryGetValue(attribute, out var configured) ? configured
        : AttributeClass.DefaultAttributes.TryGetValue(attribute, out var standard) ? standard
        : options.UnclassifiedClass;

    /// <summary>The class of an identifier type.</summary>
    public string ClassOfIdentifier(string type) =>
        options.IdentifierClasses.TryGetValue(type, out var configured) ? configured : AttributeClass.DefaultOfIdentifier(type);

    /// <summary>The consent purpose a read purpose needs a grant of, or null when it reads on another basis.</summary>
    public string? ConsentOf(string purpose)
    {
        var configured = purposes[purpose].Consent;
        return configured switch
        {
            ReadPurposeOptions.NoConsent => null,
            null => consent.IsKnown(purpose) ? purpose : null,
            _ => configured,
        };
    }

    /// <summary>
    /// What a read for <paramref name="purpose"/> may see, given the person's consent for the purpose it needs
    /// (<paramref name="consentOf"/> is asked only when one is needed). Throws for an unknown purpose.
    /// </summary>
    public ReadGrant Grant(string purpose, Func<string, EffectiveConsent> consentOf)
    {
        if (!purposes.TryGetValue(purpose, out var options))
        {
            throw new ArgumentException(UnknownPurposeMessage(purpose), nameof(purpose));
        }

        WithholdReason? refusal = null;
        if (ConsentOf(purpose) is { } needed)
        {
            refusal = Refusal(consentOf(needed));
        }

        return new ReadGrant(purpose, options.Classes.Contains(AttributeClass.All) ? null : options.Classes.ToFrozenSet(StringComparer.Ordinal), refusal);
    }

    /// <summary>Why a read purpose is refused, naming the purposes there are.</summary>
    public string UnknownPurposeMessage(string purpose) =>
        $"'{Shown(purpose)}' is not a read purpose (known: {string.Join(", ", Purposes)}; others are configured under {PrivacyOptions.SectionName}:Purposes)";

    /// <summary>A caller's text as an error message may quote it: at most 64 characters, control characters escaped.</summary>
    private static string Shown(string text)
    {
        var cut = text.Length > 64 ? text[..64] + "…" : text;
        return string.Concat(cut.Select(static c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    private static WithholdReason? Refusal(EffectiveConsent effective) => effective switch
    {
        { Allows: true } => null,
        { Statement: null } => WithholdReason.NoConsent,
        { Statement.Status: ConsentStatus.Denied } => WithholdReason.ConsentDenied,
        { Statement.Status: ConsentStatus.Withdrawn } => WithholdReason.ConsentWithdrawn,
        _ => WithholdReason.ConsentExpired,
    };

    /// <summary>What is wrong with the configured policy, one message per problem; empty when it may start.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (attribute, cls) in options.AttributeClasses.Concat(options.IdentifierClasses).Append(new("UnclassifiedClass", options.UnclassifiedClass)))
        {
            if (!Name().IsMatch(cls))
            {
                problems.Add($"{PrivacyOptions.SectionName}: the class '{cls}' of '{attribute}' is not lower-case letters, digits and underscores");
            }
        }

        foreach (var (name, purpose) in options.Purposes)
        {
            var at = $"{PrivacyOptions.SectionName}:Purposes:{name}";
            if (!Name().IsMatch(name))
            {
                problems.Add($"{at}: a purpose is lower-case letters, digits and underscores, starting with a letter");
            }

            if (purpose.Classes.Count == 0)
            {
                problems.Add($"{at}:Classes: name at least one class ({string.Join(", ", classes.Order(StringComparer.Ordinal))} or *)");
            }

            foreach (var unknown in purpose.Classes.Where(c => c != AttributeClass.All && !classes.Contains(c)))
            {
                problems.Add($"{at}:Classes: '{unknown}' is not a class (known: {string.Join(", ", classes.Order(StringComparer.Ordinal))})");
            }

            if (purpose.Consent is { } needed && needed != ReadPurposeOptions.NoConsent && !consent.IsKnown(needed))
            {
                problems.Add($"{at}:Consent: '{needed}' is not a consent purpose (standard or under {ConsentOptions.SectionName}:Purposes), nor '{ReadPurposeOptions.NoConsent}'");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
