using System.Collections.Frozen;

namespace Cdm.Grains.Enrichment;

/// <summary>
/// A set of mail domains. An entry matches its domain and every subdomain of it (<c>mailinator.com</c> matches
/// <c>x.mailinator.com</c>); an entry <c>name.*</c> matches <c>name</c> under a short suffix of one or two labels of
/// at most three letters (<c>yahoo.*</c> matches <c>yahoo.com</c>, <c>yahoo.fr</c>, <c>yahoo.co.uk</c>, but not
/// <c>yahoo.example.com</c>). Immutable and thread-safe.
/// </summary>
public sealed class DomainList
{
    private readonly FrozenSet<string> exact;
    private readonly FrozenSet<string> anySuffix;

    /// <summary>Builds the list from entries in lower case.</summary>
    public DomainList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var exactEntries = new HashSet<string>(StringComparer.Ordinal);
        var wildcardEntries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var value = entry.Trim().ToLowerInvariant();
            if (value.EndsWith(".*", StringComparison.Ordinal) && value.Length > 2)
            {
                wildcardEntries.Add(value[..^2]);
            }
            else if (value.Length > 0)
            {
                exactEntries.Add(value);
            }
        }

        exact = exactEntries.ToFrozenSet(StringComparer.Ordinal);
        anySuffix = wildcardEntries.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="domain"/> (lower case) is in the list.</summary>
    public bool Contains(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        for (var candidate = domain; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (exact.Contains(candidate))
            {
                return true;
            }
        }

        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && anySuffix.Contains(domain[..dot]) && IsShortSuffix(domain.AsSpan(dot + 1));
    }

    private static string Parent(string domain)
    {
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? string.Empty : domain[(dot + 1)..];
    }

    private static bool IsShortSuffix(ReadOnlySpan<char> suffix)
    {
        var labels = 0;
        foreach (var range in suffix.Split('.'))
        {
            var label = suffix[range];
            if (label.Length is 0 or > 3 || ++labels > 2)
            {
                return false;
            }
        }

        return labels > 0;
    }
}
