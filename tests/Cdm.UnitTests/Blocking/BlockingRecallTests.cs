using System.Globalization;
using Cdm.Grains.Blocking;
using Xunit.Abstractions;

namespace Cdm.UnitTests.Blocking;

/// <summary>
/// Synthetic people, each with a duplicate carrying one error (a letter swap in a name, day and month swapped, a
/// postcode digit changed, a field missing): the default rules must give nearly every true pair a shared key while
/// blocks stay small. Only names, birth date and postcode are given, so the identifier rules do not help.
/// </summary>
public sealed class BlockingRecallTests(ITestOutputHelper output)
{
    private const int People = 1_000;

    private static readonly string[] FirstNames =
    [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Daniel",
        "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian", "George", "Edward",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Lisa", "Margaret", "Sandra", "Ashley", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa",
        "Deborah", "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen", "Amy", "Anna", "Helen", "Emma",
        "Olivia", "Sophie", "Chloe", "Jack", "Harry", "Oliver", "Charlie", "Mohammed", "Aisha", "Fatima", "Jean",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
        "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson",
        "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson",
        "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers",
        "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills",
        "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon",
        "Harvey", "O'Neil", "MacDonald", "Schmidt", "Nguyen", "Kowalski",
    ];

    private static readonly string[] Fields = ["first_name", "last_name", "birth_date", "postcode"];

    [Fact]
    public void OneErrorPerDuplicate_NearlyEveryPairSharesAKey_AndBlocksStaySmall()
    {
        var random = new Random(20261128);
        var keys = new BlockingKeys(new BlockingOptions());
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var found = 0;
        var foundByRule = new Dictionary<string, int>(StringComparer.Ordinal);
        var missed = new List<string>();
        for (var person = 0; person < People; person++)
        {
            var original = Person(random);
            var duplicate = WithOneError(original, random, out var error);
            var originalKeys = keys.For(original).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
            var duplicateKeys = keys.For(duplicate).Select(k => k.Key).ToArray();
            foreach (var shared in duplicateKeys.Where(originalKeys.Contains))
            {
                var rule = shared.Split(':')[1];
                foundByRule[rule] = foundByRule.GetValueOrDefault(rule) + 1;
            }

            if (duplicateKeys.Any(originalKeys.Contains))
            {
                found++;
            }
            else
            {
                missed.Add($"{error}: {Describe(original)} / {Describe(duplicate)}");
            }

            foreach (var key in originalKeys)
            {
                Member(blocks, key, 2 * person);
            }

            foreach (var key in duplicateKeys)
            {
                Member(blocks, key, (2 * person) + 1);
            }
        }

        var recall = (double)found / People;
        var sizes = blocks.Values.Select(b => b.Count).ToArray();
        var average = sizes.Average();
        var largest = sizes.Max();
        long comparisons = sizes.Sum(s => (long)s * (s - 1) / 2);
        long allPairs = (long)(2 * People) * ((2 * People) - 1) / 2;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall {recall:P1} ({found}/{People}); {blocks.Count} blocks, average size {average:F2}, largest {largest}; {comparisons} comparisons of {allPairs} pairs ({(double)comparisons / allPairs:P2})"));
        foreach (var rule in keys.Rules)
        {
            var ruleSizes = blocks.Where(b => b.Key.StartsWith($"b:{rule.Code}:", StringComparison.Ordinal)).Select(b => b.Value.Count).ToArray();
            var alone = (double)foundByRule.GetValueOrDefault(rule.Code) / People;
            output.WriteLine(ruleSizes.Length == 0
                ? $"  {rule.Name}: no blocks"
                : string.Create(CultureInfo.InvariantCulture, $"  {rule.Name}: recall alone {alone:P1}, {ruleSizes.Length} blocks, average {ruleSizes.Average():F2}, largest {ruleSizes.Max()}"));
        }

        foreach (var miss in missed.Take(20))
        {
            output.WriteLine("  missed " + miss);
        }

        Assert.True(recall >= 0.99, $"recall {recall:P1}; missed: {string.Join("; ", missed.Take(10))}");
        Assert.True(average < 5, $"average block size {average:F2}");
        Assert.True(largest <= 60, $"largest block {largest}");
        Assert.True(comparisons < allPairs / 100, $"{comparisons} comparisons of {allPairs} pairs");
    }

    private static void Member(Dictionary<string, List<int>> blocks, string key, int record)
    {
        if (!blocks.TryGetValue(key, out var members))
        {
            blocks[key] = members = [];
        }

        members.Add(record);
    }

    private static Dictionary<string, string> Person(Random random)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 65));
        return new Dictionary<string, string>
        {
            ["first_name"] = FirstNames[random.Next(FirstNames.Length)],
            ["last_name"] = Surnames[random.Next(Surnames.Length)],
            ["birth_date"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["postcode"] = Postcode(random),
        };
    }

    /// <summary>A UK-style postcode from a few hundred districts, so postcodes repeat as real ones do.</summary>
    private static string Postcode(Random random)
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        var area = "" + (char)('A' + random.Next(26)) + (char)('A' + random.Next(26));
        return string.Create(CultureInfo.InvariantCulture, $"{area}{random.Next(1, 20)} {random.Next(10)}{letters[random.Next(letters.Length)]}{letters[random.Next(letters.Length)]}");
    }

    private static Dictionary<string, string> WithOneError(Dictionary<string, string> original, Random random, out string error)
    {
        var copy = new Dictionary<string, string>(original, StringComparer.Ordinal);
        switch (random.Next(5))
        {
            case 0:
                error = "surname letter swap";
                copy["last_name"] = SwapLetters(copy["last_name"], random);
                break;
            case 1:
                error = "first name letter swap";
                copy["first_name"] = SwapLetters(copy["first_name"], random);
                break;
            case 2:
                error = "day and month swapped";
                var date = DateOnly.ParseExact(copy["birth_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                // A day above 12 makes no month: the normaliser would flag the value, which is then not ISO.
                copy["birth_date"] = string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Day:D2}-{date.Month:D2}");
                break;
            case 3:
                error = "postcode digit changed";
                copy["postcode"] = ChangeDigit(copy["postcode"], random);
                break;
            default:
                var field = Fields[random.Next(Fields.Length)];
                error = "missing " + field;
                copy.Remove(field);
                break;
        }

        return copy;
    }

    private static string SwapLetters(string name, Random random)
    {
        var chars = name.ToCharArray();
        var at = random.Next(chars.Length - 1);
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    private static string ChangeDigit(string postcode, Random random)
    {
        var chars = postcode.ToCharArray();
        var digits = Enumerable.Range(0, chars.Length).Where(i => char.IsAsciiDigit(chars[i])).ToArray();
        var at = digits[random.Next(digits.Length)];
        chars[at] = (char)('0' + ((chars[at] - '0' + 1 + random.Next(9)) % 10));
        return new string(chars);
    }

    private static string Describe(Dictionary<string, string> record) =>
        string.Join(", ", Fields.Select(f => record.TryGetValue(f, out var v) ? v : "-"));
}
