using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace Cdm.Grains.Blocking.Rows;

/// <summary>
/// The stored form of a member's comparison features: a flat JSON object of attribute name to value, in UTF-8.
/// JSON so that a block row can be read with any SQL client; flat so that writing it needs no serializer metadata.
/// </summary>
public static class BlockFeatureCodec
{
    // One buffer and writer per thread, reset for each record: a record's features are encoded once per write, and
    // a fresh writer with its growing buffer was a twentieth of everything ingest allocated.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? encoder;

    public static byte[] Encode(ImmutableDictionary<string, string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (buffer, writer) = encoder ??= NewEncoder();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (name, value) in features)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewEncoder()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        return (buffer, new Utf8JsonWriter(buffer));
    }

    /// <exception cref="JsonException">The bytes are not a flat object of strings.</exception>
    public static ImmutableDictionary<string, string> Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new Utf8JsonReader(encoded);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Block member features must be a JSON object.");
        }

        var features = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Block member feature '{name}' must be a string.");
            }

            features[name] = reader.GetString()!;
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("Block member features must be a flat JSON object of strings.");
        }

        return features.ToImmutable();
    }
}
