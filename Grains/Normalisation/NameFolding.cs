using System.Globalization;
using System.Text;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Folds a name to the form names are compared in: lower case, diacritics removed (<c>é</c> to <c>e</c>, and
/// letters without a decomposition such as <c>ß</c>, <c>ø</c>, <c>ł</c> spelled out), punctuation and symbols
/// removed, and dashes and whitespace turned into single spaces, so <c>Jean-Luc</c> and <c>jean luc</c> fold
/// alike and <c>O'Neil</c> folds to <c>oneil</c>. The folded form is for matching, never for display.
/// </summary>
public static class NameFolding
{
    /// <summary>Returns the folded form of <paramref name="name"/>; empty when nothing but punctuation is left.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = UnicodeNormalForms.ToNfd(name.ToLowerInvariant());
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category == UnicodeCategory.DashPunctuation)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c) || category == UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            AppendFolded(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>Letters whose diacritic is not a separate mark in Unicode, so decomposition leaves them.</summary>
    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ß': builder.Append("ss"); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'þ': builder.Append("th"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ' or 'ð': builder.Append('d'); break;
            case 'ħ': builder.Append('h'); break;
            case 'ı': builder.Append('i'); break;
            case 'ŀ': builder.Append('l'); break;
            default: builder.Append(c); break;
        }
    }
}
