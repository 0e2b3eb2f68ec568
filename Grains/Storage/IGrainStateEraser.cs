using Orleans.Storage;

namespace Cdm.Grains.Storage;

/// <summary>
/// A grain storage that can remove a state's row altogether. Clearing keeps the row (its version guards against stale
/// writers), and the row's key is the grain's key; an identifier grain's key is the identifier itself, so erasing a
/// person must remove the row, not empty it. A storage without this is cleared instead (<see cref="StoredState{T}.EraseAsync"/>).
/// </summary>
public interface IGrainStateEraser
{
    /// <summary>Deletes the row of <paramref name="stateName"/> of <paramref name="grainId"/>, whatever its version; nothing when there is none.</summary>
    Task EraseStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
