using Cdm.Contracts.Identity;
using Cdm.Contracts.Profiles;
using Orleans.GrainReferences;
using Orleans.Metadata;

namespace Cdm.Grains.Ingestion;

/// <summary>
/// References to identifier and profile grains for the ingest path. <c>IGrainFactory.GetGrain</c> looks the
/// grain interface up through its attributes on every call; an ingest makes a dozen such calls, so the
/// lookups are done once here and each reference is built straight from its grain id.
/// </summary>
public sealed class ResolutionGrains
{
    // Pinned by [GrainType] on the grain classes.
    private static readonly GrainType IdentifierType = GrainType.Create("identifier");
    private static readonly GrainType ProfileType = GrainType.Create("profile");

    private readonly GrainReferenceActivator activator;
    private readonly GrainInterfaceType identifierInterface;
    private readonly GrainInterfaceType profileInterface;

    public ResolutionGrains(GrainReferenceActivator activator, GrainInterfaceTypeResolver interfaces)
    {
        this.activator = activator;
        identifierInterface = interfaces.GetGrainInterfaceType(typeof(IIdentifierGrain));
        profileInterface = interfaces.GetGrainInterfaceType(typeof(IProfileGrain));
    }

    public IIdentifierGrain Identifier(string key) =>
        (IIdentifierGrain)activator.CreateReference(GrainId.Create(IdentifierType, IdSpan.Create(key)), identifierInterface);

    public IProfileGrain Profile(string profileId) =>
        (IProfileGrain)activator.CreateReference(GrainId.Create(ProfileType, IdSpan.Create(profileId)), profileInterface);

    /// <summary>Follows merge redirects from a profile id to the active profile that holds its content.</summary>
    public async Task<string> TerminalAsync(string profileId) => (await ProfileRoutes.TerminalRouteAsync(Profile, profileId)).ProfileId;

    /// <summary>The active profile at the end of the redirects, and whether it was ever written; <see cref="ProfileClosedException"/> when it is closed.</summary>
    public Task<(string ProfileId, bool Exists)> TerminalRouteAsync(string profileId) => ProfileRoutes.TerminalRouteAsync(Profile, profileId, refuseClosed: true);
}
