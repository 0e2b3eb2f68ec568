namespace Cdm.Bench.Generation;

/// <summary>The ways people and systems garble values: typos, case, whitespace.</summary>
public static class Noise
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>One keyboard slip: a letter replaced, dropped, doubled, or two letters swapped.</summary>
    public static string Typo(string value, Random random)
    {
        if (value.Length < 3)
        {
            return value;
        }

        var chars = value.ToList();
        var at = random.Next(1, chars.Count - 1);
        switch (random.Next(4))
        {
            case 0:
                chars[at] = Letters[random.Next(Letters.Length)];
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            case 2:
                chars.Insert(at, chars[at]);
                break;
            default:
                (chars[at], chars[at - 1]) = (chars[at - 1], chars[at]);
                break;
        }

        return new string([.. chars]);
    }

    /// <summary>A typo in the local part of an email that keeps it a valid address (a different one).</summary>
    public static string EmailTypo(string email, Random random)
    {
        var at = email.IndexOf('@');
        var local = email[..at];
        var position = random.Next(local.Length);
        if (local[position] == '.')
        {
            return email;
        }

        var replaced = local[..position] + Letters[random.Next(Letters.Length)] + local[(position + 1)..];
        return replaced + email[at..];
    }

    public static string Case(string value, Random random) => random.Next(3) switch
    {
        0 => value.ToUpperInvariant(),
        1 => value.ToLowerInvariant(),
        _ => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant(),
    };

    public static string Whitespace(string value, Random random) => random.Next(3) switch
    {
        0 => " " + value,
        1 => value + "  ",
        _ => value.Replace(" ", "  ", StringComparison.Ordinal) + " ",
    };

    /// <summary>Changes one of the last digits of a national number, so it stays a valid number of the same kind.</summary>
    public static string PhoneDigitTypo(string national, Random random)
    {
        var position = national.Length - 1 - random.Next(4);
        var digit = (char)('0' + ((national[position] - '0' + random.Next(1, 10)) % 10));
        return national[..position] + digit + national[(position + 1)..];
    }
}
