using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Cdm.Grains.Storage;

/// <summary>
/// The state of a grain, read from and written to the grain storage directly. Orleans' <c>[PersistentState]</c>
/// builds its bridge by reflection and locks for every activation; identifier and profile grains are activated
/// thousands of times a second, and this holder does the same reads and writes without that cost.
/// </summary>
public sealed class StoredState<T> where T : class, new()
{
    private readonly IGrainStorage storage;
    private readonly string stateName;
    private readonly GrainId grainId;
    private readonly GrainState<T> state = new(new T());

    public StoredState(IGrainContext grain, string stateName, string storageName = StorageNames.Cdm)
    {
        storage = grain.ActivationServices.GetRequiredKeyedService<IGrainStorage>(storageName);
        this.stateName = stateName;
        grainId = grain.GrainId;
    }

    public T State => state.State ??= new T();

    /// <summary>True once the state was read from or written to storage.</summary>
    public bool RecordExists => state.RecordExists;

    public Task ReadAsync() => storage.ReadStateAsync(stateName, grainId, state);

    public Task WriteAsync() => storage.WriteStateAsync(stateName, grainId, state);

    /// <summary>Removes the stored row (<see cref="IGrainStateEraser"/>), or clears it on a storage that cannot; the state is new after.</summary>
    public Task EraseAsync() => storage is IGrainStateEraser eraser
        ? eraser.EraseStateAsync(stateName, grainId, state)
        : storage.ClearStateAsync(stateName, grainId, state);
}
