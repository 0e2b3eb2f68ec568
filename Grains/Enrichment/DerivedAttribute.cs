namespace Cdm.Grains.Enrichment;

/// <summary>An attribute derived from a record's normalised attributes, not received from its source.</summary>
/// <param name="Name">The derived attribute name, such as <c>phone_country</c>.</param>
/// <param name="Value">The derived value; flags are <c>true</c> or <c>false</c>.</param>
public readonly record struct DerivedAttribute(string Name, string Value);
