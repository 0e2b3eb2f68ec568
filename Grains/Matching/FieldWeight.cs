namespace Cdm.Grains.Matching;

/// <summary>One comparison's part of a match weight: the field, the level the pair fell in, and its weight in bits.</summary>
public sealed record FieldWeight(string Field, string Level, double Weight);
