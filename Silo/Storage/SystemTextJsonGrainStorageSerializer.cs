using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Cdm.Silo.Storage;

/// <summary>
/// Grain state as UTF-8 JSON through System.Text.Json, for both the project's own SQLite storage and Orleans'
/// ADO.NET storage, so stored data stays readable by other tools and independent of Orleans' wire format.
/// </summary>
public sealed class SystemTextJsonGrainStorageSerializer(JsonSerializerOptions options) : IGrainStorageSerializer
{
    /// <summary>The options in use.</summary>
    public JsonSerializerOptions Options { get; } = options;

    /// <summary>
    /// Property names as declared (not camelCase), enums as their names so that reordering members never changes
    /// stored meaning, and fields left out so only the declared shape of a state is stored.
    /// </summary>
    public static JsonSerializerOptions CreateDefaultOptions() => new(JsonSerializerDefaults.General)
    {
        IncludeFields = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public BinaryData Serialize<T>(T? input) => new(SerializeToBytes(input));

    public T? Deserialize<T>(BinaryData input) => Deserialize<T>(input.ToMemory().Span);

    internal byte[] SerializeToBytes<T>(T? input) => JsonSerializer.SerializeToUtf8Bytes(input, Options);

    internal T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options);
}
