namespace Cdm.Bench.Generation;

/// <summary>A home address; its parts survive together in the golden record.</summary>
public sealed record PostalAddress(string Line1, string City, string Postcode, string Region, string Country);
