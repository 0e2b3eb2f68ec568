using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Cdm.PostgresTests.Storage;

/// <summary>Orleans' activator provider, which storages use to make a default state, outside a silo.</summary>
internal static class TestActivators
{
    private static readonly Lazy<IActivatorProvider> Provider = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>());

    public static IActivatorProvider Instance => Provider.Value;
}
