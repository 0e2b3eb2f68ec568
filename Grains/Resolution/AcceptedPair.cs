namespace Cdm.Grains.Resolution;

/// <summary>
/// Two source records a steward accepted as one customer (an accepted review task). Re-resolution keeps them
/// together unless a do-not-link constraint (a later split or reject) or an identity-graph limit holds them apart.
/// </summary>
public readonly record struct AcceptedPair(string LeftSourceKey, string RightSourceKey);
