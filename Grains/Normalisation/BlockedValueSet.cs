using System.Collections.Frozen;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// The placeholder values of <see cref="BlockedValueOptions"/>, prepared for fast look-up. Immutable and thread-safe.
/// </summary>
public sealed class BlockedValueSet
{
    private const string Wildcard = "@";

    private readonly Rules global;
    private readonly FrozenDictionary<string, Rules> byType;
    private readonly bool blockRepeatedCharacters;
    private readonly bool blockPlaceholderPhones;

    /// <summary>
    /// Prepares the blocked values. <paramref name="normalise"/> turns an entry into the form values of an identifier
    /// type take (type, entry) and returns null when the entry does not normalise; the global entries are normalised
    /// as plain text.
    /// </summary>
    public BlockedValueSet(BlockedValueOptions options, Func<string, string, string?> normalise)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(normalise);
        global = Rules.From(options.Global ?? [], entry => TextNormaliser.Clean(entry));
        byType = (options.ByType ?? []).ToFrozenDictionary(
            pair => pair.Key,
            pair => Rules.From(pair.Value ?? [], entry => normalise(pair.Key, entry) ?? TextNormaliser.Clean(entry)),
            StringComparer.Ordinal);
        blockRepeatedCharacters = options.BlockRepeatedCharacters;
        blockPlaceholderPhones = options.BlockPlaceholderPhoneNumbers;
    }

    /// <summary>Whether the normalised <paramref name="value"/> of an identifier of <paramref name="type"/> is a placeholder.</summary>
    public bool IsBlocked(string type, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (global.Matches(value) || byType.TryGetValue(type, out var rules) && rules.Matches(value))
        {
            return true;
        }

        return blockRepeatedCharacters && IsRepeatedCharacter(value) || blockPlaceholderPhones && IsPlaceholderPhone(value);
    }

    private static bool IsRepeatedCharacter(string value) =>
        value.Length >= 3 && value.AsSpan().IndexOfAnyExcept(value[0]) < 0;

    /// <summary>An E.164 number whose digits after some country code (1 to 3 digits) are all one digit, or count up or down.</summary>
    private static bool IsPlaceholderPhone(string value)
    {
        if (value.Length < 8 || value[0] != '+' || value.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        for (var countryCodeLength = 1; countryCodeLength <= 3; countryCodeLength++)
        {
            var subscriber = value.AsSpan(1 + countryCodeLength);
            if (subscriber.Length >= 6 && (subscriber.IndexOfAnyExcept(subscriber[0]) < 0 || IsCountingRun(subscriber, 1) || IsCountingRun(subscriber, 9)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCountingRun(ReadOnlySpan<char> digits, int step)
    {
        for (var i = 1; i < digits.Length; i++)
        {
            if ((digits[i - 1] - '0' + step) % 10 != digits[i] - '0')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Exact values, and the <c>@</c> patterns: mailboxes at any domain and whole domains.</summary>
    private sealed class Rules(FrozenSet<string> exact, string[] prefixes, string[] suffixes)
    {
        public static Rules From(IEnumerable<string> entries, Func<string, string> normalise)
        {
            var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var prefixes = new List<string>();
            var suffixes = new List<string>();
            foreach (var entry in entries)
            {
                var cleaned = TextNormaliser.Clean(entry ?? string.Empty);
                if (cleaned.Length > 1 && cleaned.StartsWith(Wildcard, StringComparison.Ordinal))
                {
                    suffixes.Add(cleaned);
                }
                else if (cleaned.Length > 1 && cleaned.EndsWith(Wildcard, StringComparison.Ordinal))
                {
                    prefixes.Add(cleaned);
                }
                else
                {
                    exact.Add(normalise(entry ?? string.Empty));
                }
            }

            return new Rules(exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase), [.. prefixes], [.. suffixes]);
        }

        public bool Matches(string value)
        {
            if (exact.Contains(value))
            {
                return true;
            }

            foreach (var prefix in prefixes)
            {
                if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (var suffix in suffixes)
            {
                if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
