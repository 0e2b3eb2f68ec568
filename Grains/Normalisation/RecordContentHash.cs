using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// The content hash of a record version: lower-hex SHA-256 over a canonical encoding of the source, the record id,
/// observed-at (UTC ticks), the attributes sorted by name and the identifier keys sorted, all ordinal. The arrival
/// time is not part of it, so a re-sent record hashes the same whatever the order of its attributes and identifiers.
/// </summary>
public static class RecordContentHash
{
    // Names the encoding, so a future change of it cannot collide with hashes stored under this one.
    private const string EncodingTag = "cdm.record-content.v1";

    /// <summary>Computes the content hash.</summary>
    public static string Compute(
        string source,
        string recordId,
        DateTimeOffset observedAt,
        IReadOnlyDictionary<string, string> attributes,
        ImmutableArray<LinkIdentifier> identifiers,
        IReadOnlyList<string>? consents = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(attributes);

        // Sorted here rather than trusted to the dictionary's comparer: a deserialised dictionary may sort another way.
        var names = new string[attributes.Count];
        var n = 0;
        foreach (var name in attributes.Keys)
        {
            names[n++] = name;
        }

        Array.Sort(names, StringComparer.Ordinal);
        var keys = identifiers.IsDefaultOrEmpty ? [] : new string[identifiers.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = identifiers[i].Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);

        // Each string is length-prefixed, so no two different contents share an encoding.
        var size = Measure(EncodingTag) + Measure(source) + Measure(recordId) + sizeof(long) + sizeof(int) * 2;
        foreach (var name in names)
        {
            size += Measure(name) + Measure(attributes[name]);
        }

        foreach (var key in keys)
        {
            size += Measure(key);
        }

        // Consent statements (canonical lines) are encoded only when there are any, so the hash of a record without
        // them is what it was before they existed.
        var consentLines = consents is { Count: > 0 } ? consents.Order(StringComparer.Ordinal).ToArray() : [];
        if (consentLines.Length > 0)
        {
            size += sizeof(int);
            foreach (var line in consentLines)
            {
                size += Measure(line);
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var span = buffer.AsSpan(0, size);
            var at = 0;
            at += Write(span[at..], EncodingTag);
            at += Write(span[at..], source);
            at += Write(span[at..], recordId);
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], observedAt.UtcTicks);
            at += sizeof(long);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], names.Length);
            at += sizeof(int);
            foreach (var name in names)
            {
                at += Write(span[at..], name);
                at += Write(span[at..], attributes[name]);
            }

            BinaryPrimitives.WriteInt32LittleEndian(span[at..], keys.Length);
            at += sizeof(int);
            foreach (var key in keys)
            {
                at += Write(span[at..], key);
            }

            if (consentLines.Length > 0)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[at..], consentLines.Length);
                at += sizeof(int);
                foreach (var line in consentLines)
                {
                    at += Write(span[at..], line);
                }
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(span[..at], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Measure(string text) => sizeof(int) + Encoding.UTF8.GetByteCount(text);

    private static int Write(Span<byte> destination, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, destination[sizeof(int)..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, length);
        return sizeof(int) + length;
    }
}
