using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.Cli.Evaluation;

/// <summary>The gateway's cross references loaded into memory: which profile holds each source record.</summary>
public static class CrossReferenceIndex
{
    /// <summary>Reads <c>ListCrossReferences</c> to the end; <paramref name="source"/> filters when not empty.</summary>
    public static async Task<Dictionary<RecordKey, string>> LoadAsync(Profiles.ProfilesClient client, string? source, CancellationToken cancellationToken)
    {
        var index = new Dictionary<RecordKey, string>();
        using var call = client.ListCrossReferences(new ListCrossReferencesRequest { Source = source ?? "" }, cancellationToken: cancellationToken);
        await foreach (var reference in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            index[new RecordKey(reference.Source, reference.RecordId)] = reference.ProfileId;
        }

        return index;
    }
}
