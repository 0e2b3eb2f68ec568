using System.Diagnostics.CodeAnalysis;

namespace Cdm.UnitTests.Operations;

/// <summary>A silo whose status the test sets; readiness only reads the local silo's status and name.</summary>
internal sealed class FakeSiloStatusOracle : ISiloStatusOracle
{
    public SiloStatus CurrentStatus { get; set; } = SiloStatus.Joining;

    public string SiloName => "test-silo";

    public SiloAddress SiloAddress => throw new NotSupportedException();

    public SiloAddress[] GetActiveSilos() => throw new NotSupportedException();

    public SiloStatus GetApproximateSiloStatus(SiloAddress siloAddress) => throw new NotSupportedException();

    public Dictionary<SiloAddress, SiloStatus> GetApproximateSiloStatuses(bool onlyActive = false) => throw new NotSupportedException();

    public bool TryGetSiloName(SiloAddress siloAddress, [NotNullWhen(true)] out string? siloName) => throw new NotSupportedException();

    public bool IsFunctionalDirectory(SiloAddress siloAddress) => throw new NotSupportedException();

    public bool IsDeadSilo(SiloAddress silo) => throw new NotSupportedException();

    public bool SubscribeToSiloStatusEvents(ISiloStatusListener observer) => throw new NotSupportedException();

    public bool UnSubscribeFromSiloStatusEvents(ISiloStatusListener observer) => throw new NotSupportedException();
}
