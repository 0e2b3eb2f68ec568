using System.Text.Json;

namespace Cdm.Grains.Matching;

/// <summary>The JSON form of a <see cref="MatchModelDocument"/>, as stored in the cluster and shown by <c>cdm model show</c>.</summary>
public static class MatchModelJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialise(MatchModelDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Reads and checks a document: it must build a model over the standard comparisons.</summary>
    /// <exception cref="ArgumentException">It is not JSON, not a model document, or does not fit the comparisons.</exception>
    public static (MatchModelDocument Document, MatchModel Model) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var document = JsonSerializer.Deserialize<MatchModelDocument>(json, Options)
                ?? throw new ArgumentException("The match model document is empty.", nameof(json));
            if (document.Comparisons.IsDefault)
            {
                throw new ArgumentException("The match model document has no comparisons.", nameof(json));
            }

            return (document, document.ToModel());
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentOutOfRangeException)
        {
            throw new ArgumentException($"The match model document is not usable: {e.Message}", nameof(json), e);
        }
    }
}
