namespace Cdm.Bench.Generation;

/// <summary>
/// The country whose phone numbers the generator makes: valid mobile and landline numbers (so a
/// libphonenumber-based normaliser accepts them) and the ways people write them.
/// </summary>
public sealed class PhoneRegion
{
    // Real US area codes; the exchange avoids 555 and N11 so every number is a valid NANP number.
    private static readonly string[] UsAreaCodes =
    [
        "201", "202", "206", "212", "213", "214", "215", "303", "305", "312", "313", "404", "407", "415", "503", "512",
        "602", "617", "619", "646", "702", "713", "718", "720", "773", "808", "813", "818", "904", "917", "919", "971",
    ];

    private PhoneRegion(string code, string countryCode, string trunkPrefix)
    {
        Code = code;
        CountryCode = countryCode;
        TrunkPrefix = trunkPrefix;
    }

    public static PhoneRegion Us { get; } = new("US", "1", "");

    public static PhoneRegion Gb { get; } = new("GB", "44", "0");

    public static PhoneRegion Au { get; } = new("AU", "61", "0");

    public static IReadOnlyList<PhoneRegion> All { get; } = [Us, Gb, Au];

    /// <summary>ISO 3166 code, as a phone library's default region.</summary>
    public string Code { get; }

    public string CountryCode { get; }

    /// <summary>The digit dialled before a national number inside the country ("0"), empty for the US.</summary>
    public string TrunkPrefix { get; }

    public static PhoneRegion Parse(string code) =>
        All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown phone region '{code}': use one of {string.Join(", ", All.Select(r => r.Code))}");

    /// <summary>A new national significant number (the digits after the country code).</summary>
    public string NewNumber(Random random, bool landline) => Code switch
    {
        "US" => UsAreaCodes[random.Next(UsAreaCodes.Length)] + Exchange(random) + Digits(random, 4),
        "GB" => landline ? "20" + random.Next(3, 9) + Digits(random, 7) : "7" + random.Next(1, 4) + Digits(random, 8),
        _ => landline ? "2" + random.Next(0, 10) + Digits(random, 7) : "4" + random.Next(0, 4) + Digits(random, 7),
    };

    /// <summary>The number in E.164 without the plus: country code then national number.</summary>
    public string E164Digits(string national) => CountryCode + national;

    /// <summary>One of the ways the number is written, chosen at random: E.164, international with spaces, national forms.</summary>
    public string Format(string national, Random random)
    {
        var (a, b, c) = Code switch
        {
            "US" => (national[..3], national[3..6], national[6..]),
            "GB" => (national[..4], national[4..7], national[7..]),
            _ => (national[..3], national[3..6], national[6..]),
        };
        return random.Next(7) switch
        {
            0 or 1 => $"+{CountryCode}{national}",
            2 => $"+{CountryCode} {a} {b} {c}",
            3 => Code == "US" ? $"({a}) {b}-{c}" : $"{TrunkPrefix}{a} {b} {c}",
            4 => Code == "US" ? $"{a}-{b}-{c}" : $"({TrunkPrefix}{a}) {b}-{c}",
            5 => Code == "US" ? $"1-{a}-{b}-{c}" : $"{TrunkPrefix}{a}{b}{c}",
            _ => Code == "US" ? $"{a}.{b}.{c}" : $"{TrunkPrefix}{a}-{b}-{c}",
        };
    }

    private static string Exchange(Random random)
    {
        while (true)
        {
            var exchange = random.Next(200, 1000);
            if (exchange != 555 && exchange % 100 != 11)
            {
                return exchange.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static string Digits(Random random, int count) =>
        string.Create(count, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
}
