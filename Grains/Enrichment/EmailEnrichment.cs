using System.Collections.Frozen;

namespace Cdm.Grains.Enrichment;

/// <summary>What the shipped lists say about an email address.</summary>
/// <param name="Domain">The part after the <c>@</c>, lower case.</param>
/// <param name="IsFree">A free-mail provider (gmail.com, yahoo.*, outlook.*, ...): the domain names no employer.</param>
/// <param name="IsDisposable">A throw-away mailbox service (mailinator.com, yopmail.com, ...).</param>
/// <param name="IsRole">A role address (info@, sales@, noreply@, ...): a mailbox for a function that several people may share, so it must never link two people.</param>
public sealed record EmailFacts(string Domain, bool IsFree, bool IsDisposable, bool IsRole);

/// <summary>
/// Derives the domain and the free-mail, disposable and role flags of an email address already normalised by
/// <see cref="Normalisation.EmailNormaliser"/> (trimmed, lower case). The lists ship as embedded resources
/// (<c>Enrichment/Data/free-mail-domains.txt</c>, <c>disposable-domains.txt</c>, <c>role-local-parts.txt</c>) and are
/// loaded once. Thread-safe.
/// </summary>
public static class EmailEnrichment
{
    private static readonly Lazy<DomainList> FreeMail = new(() => new DomainList(EmbeddedList.Read("free-mail-domains.txt")));
    private static readonly Lazy<DomainList> Disposable = new(() => new DomainList(EmbeddedList.Read("disposable-domains.txt")));
    private static readonly Lazy<FrozenSet<string>> RoleLocalParts = new(() => EmbeddedList.Read("role-local-parts.txt").ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The facts about <paramref name="address"/>; null when it has no single <c>@</c> with text on both sides.</summary>
    public static EmailFacts? Describe(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = address.Trim().ToLowerInvariant();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@', at + 1) >= 0)
        {
            return null;
        }

        var domain = text[(at + 1)..].TrimEnd('.');
        if (domain.Length == 0)
        {
            return null;
        }

        return new EmailFacts(domain, FreeMail.Value.Contains(domain), Disposable.Value.Contains(domain), IsRoleLocalPart(text[..at]));
    }

    /// <summary>
    /// Whether <paramref name="localPart"/> (lower case, the part before the <c>@</c>) names a role rather than a
    /// person; a <c>+tag</c> is ignored, so <c>info+shop</c> is a role too.
    /// </summary>
    public static bool IsRoleLocalPart(string localPart)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        var plus = localPart.IndexOf('+', StringComparison.Ordinal);
        var basePart = plus >= 0 ? localPart[..plus] : localPart;
        return basePart.Length > 0 && RoleLocalParts.Value.Contains(basePart);
    }
}
