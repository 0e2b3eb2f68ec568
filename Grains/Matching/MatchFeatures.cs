using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// A <see cref="MatchRecord"/> as a name-to-value map, the form a block stores for each member (readable in
/// storage, and a field added to the matcher later simply reads as missing in older entries).
/// </summary>
public static class MatchFeatures
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string BirthDate = "birth_date";
    public const string Street = "street";
    public const string StreetNumber = "street_number";
    public const string Postcode = "postcode";
    public const string City = "city";
    public const string NationalId = "national_id";
    public const string Email = "email";
    public const string Phone = "phone";

    /// <summary>The features of <paramref name="record"/>; missing fields are left out.</summary>
    public static ImmutableDictionary<string, string> ToFeatures(this MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        void Put(string name, string? value)
        {
            if (value is not null)
            {
                builder[name] = value;
            }
        }

        Put(FirstName, record.FirstName);
        Put(LastName, record.LastName);
        Put(BirthDate, record.BirthDate);
        Put(Street, record.Street);
        Put(StreetNumber, record.StreetNumber);
        Put(Postcode, record.Postcode);
        Put(City, record.City);
        Put(NationalId, record.NationalId);
        Put(Email, record.Email);
        Put(Phone, record.Phone);
        return builder.ToImmutable();
    }

    /// <summary>The record of a feature map; unknown names are ignored.</summary>
    public static MatchRecord ToMatchRecord(IReadOnlyDictionary<string, string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        string? Get(string name) => features.TryGetValue(name, out var value) ? value : null;
        return new MatchRecord(
            Get(FirstName), Get(LastName), Get(BirthDate), Get(Street), Get(StreetNumber),
            Get(Postcode), Get(City), Get(NationalId), Get(Email), Get(Phone));
    }
}
