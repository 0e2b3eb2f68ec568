using Cdm.Grains.Matching;

namespace Cdm.UnitTests.Matching;

/// <summary>
/// A seeded population of people with noisy duplicate records (typos, missing values, swapped names and dates,
/// moves, new emails and phones), Zipf-distributed names so some are common and most rare, and the candidate
/// pairs a simple blocking would produce. <see cref="PersonOf"/> is the truth.
/// </summary>
internal sealed class SyntheticPopulation
{
    private static readonly string[] Onsets = ["b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "j", "h", "g", "f", "ch", "sh", "br", "st"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea"];

    private readonly Random random;
    private readonly string[] firstNames;
    private readonly string[] lastNames;
    private readonly string[] streets;
    private readonly string[] cities;
    private readonly string[] postcodes;

    public SyntheticPopulation(int people, int seed)
    {
        random = new Random(seed);
        firstNames = Pool(200, 2, 3);
        lastNames = Pool(500, 2, 4);
        streets = Pool(150, 2, 3).Select(s => s + (random.Next(3) switch { 0 => " street", 1 => " road", _ => " lane" })).ToArray();
        cities = Pool(40, 2, 3);
        postcodes = Enumerable.Range(0, 300).Select(_ => random.Next(10000, 100000).ToString("D5")).Distinct().ToArray();

        var records = new List<MatchRecord>();
        var personOf = new List<int>();
        for (var person = 0; person < people; person++)
        {
            var original = NewPerson();
            records.Add(original);
            personOf.Add(person);
            var roll = random.NextDouble();
            var duplicates = roll < 0.1 ? 2 : roll < 0.5 ? 1 : 0;
            for (var d = 0; d < duplicates; d++)
            {
                records.Add(Noisy(original));
                personOf.Add(person);
            }
        }

        Records = records;
        PersonOf = personOf;
    }

    public IReadOnlyList<MatchRecord> Records { get; }

    public IReadOnlyList<int> PersonOf { get; }

    public bool IsMatch(int left, int right) => PersonOf[left] == PersonOf[right];

    /// <summary>Pairs sharing a postcode, a birth date, an email, a phone, or a surname's first three letters and birth year.</summary>
    public IReadOnlyList<(int Left, int Right)> BlockedPairs()
    {
        var pairs = new HashSet<(int, int)>();
        Block(r => r.Postcode);
        Block(r => r.BirthDate);
        Block(r => r.Email);
        Block(r => r.Phone);
        Block(r => r.LastName is { Length: >= 3 } last && r.BirthDate is { } date ? last[..3] + date[..4] : null);
        return pairs.Order().ToList();

        void Block(Func<MatchRecord, string?> key)
        {
            foreach (var group in Records.Select((r, i) => (Key: key(r), Index: i)).Where(x => x.Key is not null).GroupBy(x => x.Key))
            {
                var members = group.Select(x => x.Index).ToArray();
                for (var a = 0; a < members.Length; a++)
                {
                    for (var b = a + 1; b < members.Length; b++)
                    {
                        pairs.Add((members[a], members[b]));
                    }
                }
            }
        }
    }

    private MatchRecord NewPerson()
    {
        var first = Zipf(firstNames);
        var last = Zipf(lastNames);
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 65));
        return new MatchRecord(
            first,
            last,
            birth.ToString("yyyy-MM-dd"),
            streets[random.Next(streets.Length)],
            random.Next(1, 200).ToString(),
            postcodes[random.Next(postcodes.Length)],
            cities[random.Next(cities.Length)],
            random.Next(100_000_000, 1_000_000_000).ToString(),
            $"{first}.{last}{random.Next(100)}@example.org",
            "+44" + random.NextInt64(1_000_000_000, 10_000_000_000));
    }

    private MatchRecord Noisy(MatchRecord original)
    {
        var record = original with
        {
            FirstName = Chance(0.1) ? Typo(original.FirstName!) : original.FirstName,
            LastName = Chance(0.1) ? Typo(original.LastName!) : original.LastName,
            BirthDate = NoisyDate(original.BirthDate!),
            StreetNumber = Chance(0.05) ? (int.Parse(original.StreetNumber!) + 1).ToString() : original.StreetNumber,
            Street = Chance(0.1) ? Typo(original.Street!) : original.Street,
            Postcode = Chance(0.05) ? original.Postcode![..4] + random.Next(10) : original.Postcode,
            NationalId = Chance(0.05) ? Typo(original.NationalId!) : original.NationalId,
            Email = Chance(0.3) ? $"{original.FirstName}{random.Next(1000)}@mail.example" : Chance(0.05) ? Typo(original.Email!) : original.Email,
            Phone = Chance(0.3) ? "+44" + random.NextInt64(1_000_000_000, 10_000_000_000) : original.Phone,
        };
        if (Chance(0.03))
        {
            record = record with { FirstName = record.LastName, LastName = record.FirstName };
        }

        if (Chance(0.1))
        {
            record = record with
            {
                Street = streets[random.Next(streets.Length)],
                StreetNumber = random.Next(1, 200).ToString(),
                Postcode = postcodes[random.Next(postcodes.Length)],
                City = cities[random.Next(cities.Length)],
            };
        }

        return record with
        {
            FirstName = Drop(record.FirstName, 0.03),
            LastName = Drop(record.LastName, 0.03),
            BirthDate = Drop(record.BirthDate, 0.1),
            Street = Drop(record.Street, 0.1),
            StreetNumber = Drop(record.StreetNumber, 0.1),
            Postcode = Drop(record.Postcode, 0.1),
            City = Drop(record.City, 0.1),
            NationalId = Drop(record.NationalId, 0.4),
            Email = Drop(record.Email, 0.2),
            Phone = Drop(record.Phone, 0.2),
        };
    }

    private string NoisyDate(string iso)
    {
        var date = DateOnly.ParseExact(iso, "yyyy-MM-dd");
        if (date.Day <= 12 && Chance(0.05))
        {
            return $"{date.Year:D4}-{date.Day:D2}-{date.Month:D2}";
        }

        return Chance(0.05) ? date.AddDays(random.Next(1, 5)).ToString("yyyy-MM-dd") : iso;
    }

    private string Typo(string value)
    {
        var chars = value.ToCharArray();
        var at = random.Next(chars.Length - 1);
        if (Chance(0.5))
        {
            (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        }
        else
        {
            chars[at] = char.IsAsciiDigit(chars[at]) ? (char)('0' + (chars[at] - '0' + 1) % 10) : (char)('a' + (chars[at] - 'a' + 1) % 26);
        }

        return new string(chars);
    }

    private string? Drop(string? value, double probability) => Chance(probability) ? null : value;

    private bool Chance(double probability) => random.NextDouble() < probability;

    private string Zipf(string[] pool)
    {
        // Weight 1/(rank+1): the first few values are common, the tail rare.
        var harmonic = 0.0;
        for (var i = 0; i < pool.Length; i++)
        {
            harmonic += 1.0 / (i + 1);
        }

        var target = random.NextDouble() * harmonic;
        for (var i = 0; i < pool.Length; i++)
        {
            target -= 1.0 / (i + 1);
            if (target <= 0)
            {
                return pool[i];
            }
        }

        return pool[^1];
    }

    private string[] Pool(int size, int minSyllables, int maxSyllables)
    {
        var values = new HashSet<string>();
        while (values.Count < size)
        {
            var syllables = random.Next(minSyllables, maxSyllables + 1);
            values.Add(string.Concat(Enumerable.Range(0, syllables).Select(_ => Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)])));
        }

        return values.Order(StringComparer.Ordinal).ToArray();
    }
}
