using System.Globalization;
using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace Cdm.Bench.Generation;

/// <summary>
/// Generates customer records of people spread over the sources <c>crm</c>, <c>shop</c>, <c>support</c>
/// and <c>marketing</c>: duplicates with realistic noise, households sharing a phone or email, and junk
/// values. The same seed gives the same records in the same order.
/// </summary>
public sealed class CustomerGenerator(GeneratorOptions options)
{
    public static readonly string[] Sources = ["crm", "shop", "support", "marketing"];

    // Record ids look like the source's own: C00000001 in the CRM, S... in the shop, and so on.
    private static readonly char[] RecordIdPrefixes = ['C', 'S', 'T', 'M'];

    /// <summary>Values that source systems put where they have nothing; they must never link anyone.</summary>
    public static readonly string[] JunkEmails = ["test@test.com", "null", ""];

    public static readonly string[] JunkPhones = ["000-000-0000", "null", ""];

    private const int ShuffleWindow = 4096;
    private static readonly DateTime ObservedFrom = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public IEnumerable<GeneratedRecord> Generate()
    {
        var random = new Random(options.Seed);
        // A separate stream of randomness for the order, so the records themselves do not depend on it.
        var shuffle = new WindowShuffle<GeneratedRecord>(ShuffleWindow, new Random(unchecked(options.Seed * 31 + 7)));
        var state = new State();
        long emitted = 0;
        Person? previous = null;
        while (emitted < options.Records)
        {
            var person = NewPerson(random, state, previous);
            previous = person;
            var count = (int)Math.Min(RecordCount(random), options.Records - emitted);
            for (var i = 0; i < count; i++)
            {
                var record = NewRecord(person, duplicate: i > 0, random, state);
                emitted++;
                if (shuffle.Push(new GeneratedRecord(record, person.Id), out var out1))
                {
                    yield return out1;
                }
            }
        }

        foreach (var record in shuffle.Drain())
        {
            yield return record;
        }
    }

    // Most people are in one system; some are in several or duplicated inside one.
    private static int RecordCount(Random random) => random.Next(100) switch
    {
        < 45 => 1,
        < 70 => 2,
        < 85 => 3,
        < 95 => 4,
        _ => 5,
    };

    private Person NewPerson(Random random, State state, Person? previous)
    {
        var id = state.People++;
        Household? household = null;
        if (previous is not null && random.Next(100) < 12)
        {
            household = previous.Household ?? new Household
            {
                Address = previous.Address,
                LastName = previous.LastName,
                Landline = random.Next(100) < 70 ? UniqueNumber(random, state, landline: true) : null,
                SharedEmail = random.Next(100) < 40
                    ? $"the{Ascii(previous.LastName)}s{id}@{Pick(random, NamePools.EmailDomains)}"
                    : null,
            };
        }

        var first = Pick(random, NamePools.FirstNames);
        var last = household is not null && random.Next(100) < 70 ? household.LastName : Pick(random, NamePools.LastNames);
        var email = random.Next(100) < 85 ? PersonalEmail(first, last, id, random) : null;
        return new Person
        {
            Id = id,
            FirstName = first,
            LastName = last,
            BirthDate = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 65)),
            Email = email,
            Mobile = random.Next(100) < 85 ? UniqueNumber(random, state, landline: false) : null,
            Address = household?.Address ?? NewAddress(random),
            CrmId = random.Next(100) < 60 ? $"CRM-{id:D7}" : null,
            // 7919 is prime and coprime with 10^9, so the ids are distinct without looking sequential.
            LoyaltyId = random.Next(100) < 45 ? $"L{(id * 7919L) % 1_000_000_000:D9}" : null,
            Household = household,
        };
    }

    private SourceRecord NewRecord(Person person, bool duplicate, Random random, State state)
    {
        var source = PickSource(random);
        var record = new SourceRecord
        {
            Source = source,
            RecordId = state.NextRecordId(source),
            ObservedAt = Timestamp.FromDateTime(ObservedFrom.AddSeconds(random.Next(4 * 365 * 24 * 3600))),
        };
        var attributes = record.Attributes;

        if (source == "marketing" && random.Next(100) < 40)
        {
            attributes["full_name"] = Garble($"{person.FirstName} {person.LastName}", duplicate, random);
        }
        else
        {
            Put(attributes, "first_name", Garble(person.FirstName, duplicate, random), random, missing: 3);
            Put(attributes, "last_name", Garble(person.LastName, duplicate, random), random, missing: 3);
        }

        Put(attributes, "birth_date", person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), random, missing: 20);
        AddEmail(attributes, person, duplicate, random);
        AddPhone(attributes, person, duplicate, random);
        AddAddress(attributes, person, duplicate, random);
        AddIdentifiers(record, person, duplicate, random, state);
        return record;
    }

    private static void AddEmail(Google.Protobuf.Collections.MapField<string, string> attributes, Person person, bool duplicate, Random random)
    {
        if (random.Next(100) < 3)
        {
            attributes["email"] = Pick(random, JunkEmails);
            return;
        }

        var email = person.Household?.SharedEmail is { } shared && random.Next(100) < 30 ? shared : person.Email;
        if (email is null || random.Next(100) < (duplicate ? 20 : 10))
        {
            return;
        }

        if (duplicate)
        {
            var roll = random.Next(100);
            email = roll switch
            {
                < 4 => Noise.EmailTypo(email, random),
                < 24 => Noise.Case(email, random),
                < 32 => Noise.Whitespace(email, random),
                _ => email,
            };
        }

        attributes["email"] = email;
    }

    private void AddPhone(Google.Protobuf.Collections.MapField<string, string> attributes, Person person, bool duplicate, Random random)
    {
        if (random.Next(100) < 3)
        {
            attributes["phone"] = Pick(random, JunkPhones);
            return;
        }

        var national = person.Household?.Landline is { } landline && random.Next(100) < 40 ? landline : person.Mobile;
        if (national is null || random.Next(100) < 25)
        {
            return;
        }

        if (duplicate && random.Next(100) < 2)
        {
            national = Noise.PhoneDigitTypo(national, random);
        }

        attributes["phone"] = options.Region.Format(national, random);
    }

    private void AddAddress(Google.Protobuf.Collections.MapField<string, string> attributes, Person person, bool duplicate, Random random)
    {
        if (random.Next(100) < 15)
        {
            return;
        }

        // A duplicate may come from after the person moved.
        var address = duplicate && random.Next(100) < 10 ? NewAddress(random) : person.Address;
        var line1 = address.Line1;
        if (duplicate && random.Next(100) < 20)
        {
            line1 = line1.Replace(" Street", " St", StringComparison.Ordinal).Replace(" Avenue", " Ave", StringComparison.Ordinal)
                .Replace(" Road", " Rd", StringComparison.Ordinal);
        }

        attributes["address_line1"] = duplicate && random.Next(100) < 10 ? Noise.Case(line1, random) : line1;
        attributes["city"] = address.City;
        attributes["postcode"] = address.Postcode;
        attributes["region"] = address.Region;
        attributes["country"] = address.Country;
    }

    private static void AddIdentifiers(SourceRecord record, Person person, bool duplicate, Random random, State state)
    {
        var crm = record.Source switch
        {
            "crm" => person.CrmId is not null && random.Next(100) < 90,
            "support" => person.CrmId is not null && random.Next(100) < 40,
            _ => false,
        };
        if (crm)
        {
            // Sometimes the CRM holds the same person twice under two ids.
            var id = duplicate && record.Source == "crm" && random.Next(100) < 8 ? $"CRM-X{state.ExtraCrmIds++:D6}" : person.CrmId!;
            record.Identifiers.Add(new Identifier { Type = "crm_id", Value = id });
        }

        var loyalty = record.Source switch
        {
            "shop" => person.LoyaltyId is not null && random.Next(100) < 85,
            "marketing" => person.LoyaltyId is not null && random.Next(100) < 30,
            _ => false,
        };
        if (loyalty)
        {
            record.Identifiers.Add(new Identifier { Type = "loyalty_id", Value = person.LoyaltyId! });
        }
    }

    private PostalAddress NewAddress(Random random)
    {
        var (city, region) = Pick(random, NamePools.Cities);
        return new PostalAddress($"{random.Next(1, 2000)} {Pick(random, NamePools.Streets)}", city,
            random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture), region, options.Region.Code);
    }

    private string UniqueNumber(Random random, State state, bool landline)
    {
        // Two people must not share a number by chance: that link would not be in the person truth.
        while (true)
        {
            var number = options.Region.NewNumber(random, landline);
            if (state.Numbers.Add(number))
            {
                return number;
            }
        }
    }

    private static string PersonalEmail(string first, string last, int id, Random random)
    {
        // The person's id keeps addresses distinct between namesakes.
        var (f, l) = (Ascii(first), Ascii(last));
        var local = random.Next(3) switch
        {
            0 => $"{f}.{l}{id}",
            1 => $"{f[0]}{l}{id}",
            _ => $"{l}.{f}{id}",
        };
        return $"{local}@{Pick(random, NamePools.EmailDomains)}";
    }

    private static string Garble(string value, bool duplicate, Random random)
    {
        if (!duplicate)
        {
            return value;
        }

        var roll = random.Next(100);
        return roll switch
        {
            < 15 => Noise.Typo(value, random),
            < 30 => Noise.Case(value, random),
            < 40 => Noise.Whitespace(value, random),
            _ => value,
        };
    }

    private static void Put(Google.Protobuf.Collections.MapField<string, string> attributes, string name, string value, Random random, int missing)
    {
        if (random.Next(100) >= missing)
        {
            attributes[name] = value;
        }
    }

    private static string PickSource(Random random) => random.Next(100) switch
    {
        < 35 => "crm",
        < 65 => "shop",
        < 80 => "support",
        _ => "marketing",
    };

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string Ascii(string name) =>
        new([.. name.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z')]);

    /// <summary>Counters and the numbers already given out, for one run of <see cref="Generate"/>.</summary>
    private sealed class State
    {
        private readonly long[] recordIds = new long[Sources.Length];

        public int People { get; set; }

        public int ExtraCrmIds { get; set; }

        public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);

        public string NextRecordId(string source)
        {
            var index = Array.IndexOf(Sources, source);
            return $"{RecordIdPrefixes[index]}{++recordIds[index]:D8}";
        }
    }
}
