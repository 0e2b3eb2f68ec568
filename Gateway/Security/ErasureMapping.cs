using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Contract = Cdm.Contracts.Privacy;

namespace Cdm.Gateway.Security;

/// <summary>Erasure receipts from the grains' types to protobuf.</summary>
public static class ErasureMapping
{
    public static ErasureReceipt ToProto(this Contract.ErasureReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var proto = new ErasureReceipt
        {
            ErasureId = receipt.ErasureId,
            Status = receipt.Status == Contract.ErasureStatus.Completed ? ErasureStatus.Completed : ErasureStatus.InProgress,
            RequestedAt = Timestamp.FromDateTimeOffset(receipt.RequestedAt),
            CompletedAt = receipt.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
            RequestedBy = receipt.RequestedBy,
            Records = receipt.Counts.Records,
            RecordVersions = receipt.Counts.Versions,
            Identifiers = receipt.Counts.Identifiers,
            SuppressionEntries = receipt.Counts.SuppressionEntries,
            BlockEntries = receipt.Counts.BlockEntries,
            ReviewTasks = receipt.Counts.ReviewTasks,
            RelatedProfiles = receipt.Counts.RelatedProfiles,
            ConsentStatements = receipt.Counts.ConsentStatements,
        };
        proto.ProfileIds.AddRange(receipt.ProfileIds);
        proto.Steps.AddRange(receipt.Steps.Select(static s => new ErasureStep { Name = s.Name, At = Timestamp.FromDateTimeOffset(s.At) }));
        return proto;
    }
}
