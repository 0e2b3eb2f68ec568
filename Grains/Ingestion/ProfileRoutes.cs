using Cdm.Contracts.Profiles;

namespace Cdm.Grains.Ingestion;

/// <summary>Follows merge redirects from a profile id to the active profile that holds its content.</summary>
public static class ProfileRoutes
{
    /// <summary>Merge chains only descend in id, so they are short; a longer one means something is wrong.</summary>
    public const int MaxHops = 64;

    public static async Task<string> TerminalAsync(this IGrainFactory grains, string profileId) =>
        (await TerminalRouteAsync(id => grains.GetGrain<IProfileGrain>(id), profileId)).ProfileId;

    /// <summary>The active profile at the end of the redirects, and whether it was ever written.</summary>
    public static async Task<(string ProfileId, bool Exists)> TerminalRouteAsync(Func<string, IProfileGrain> profiles, string profileId)
    {
        var current = profileId;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var route = await profiles(current).GetRouteAsync();
            if (route.Target is null)
            {
                return (current, route.Exists);
            }

            current = route.Target;
        }

        throw new InvalidOperationException($"Profile {profileId}: no active profile within {MaxHops} hops.");
    }
}
