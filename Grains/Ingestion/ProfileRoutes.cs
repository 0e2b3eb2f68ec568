using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Ingestion;

/// <summary>Follows merge redirects from a profile id to the active profile that holds its content.</summary>
public static class ProfileRoutes
{
    /// <summary>Merge chains only descend in id, so they are short; a longer one means something is wrong.</summary>
    public const int MaxHops = 64;

    public static async Task<string> TerminalAsync(this IGrainFactory grains, string profileId) =>
        (await TerminalRouteAsync(id => grains.GetGrain<IProfileGrain>(id), profileId)).ProfileId;

    /// <summary>
    /// The active profile at the end of the redirects, and whether it was ever written. With <paramref name="refuseClosed"/>,
    /// a profile being erased (or erased) at the end throws <see cref="ProfileClosedException"/>.
    /// </summary>
    public static async Task<(string ProfileId, bool Exists)> TerminalRouteAsync(Func<string, IProfileGrain> profiles, string profileId, bool refuseClosed = false)
    {
        var current = profileId;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var route = await profiles(current).GetRouteAsync();
            if (route.Target is null)
            {
                return route.Closed && refuseClosed ? throw new ProfileClosedException(current) : (current, route.Exists);
            }

            current = route.Target;
        }

        throw new InvalidOperationException($"Profile {profileId}: no active profile within {MaxHops} hops.");
    }
}

/// <summary>An ingest reached a profile that is being erased or was erased: the record is refused, not joined to it.</summary>
public sealed class ProfileClosedException(string profileId)
    : Exception($"Profile {profileId} is being erased or was erased.")
{
    public string ProfileId { get; } = profileId;

    /// <summary>What the caller of the refused ingest is told.</summary>
    public static FieldViolation Violation { get; } = new(
        "record", "the record links to a person whose data is being erased or was erased at their request; it was not stored");
}
