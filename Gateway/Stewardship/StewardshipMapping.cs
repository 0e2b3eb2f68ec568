using Cdm.Api.V1;
using Cdm.Contracts.Records;
using Cdm.Contracts.Stewardship;
using Cdm.Gateway.Profiles;
using Google.Protobuf.WellKnownTypes;
using Contract = Cdm.Contracts.Stewardship;

namespace Cdm.Gateway.Stewardship;

/// <summary>Maps review tasks between the grain contracts and <c>cdm.v1</c>.</summary>
public static class StewardshipMapping
{
    public static Api.V1.ReviewTask ToProto(this ReviewTaskView view)
    {
        var proto = view.Task.ToProto();
        proto.Left = view.Left.ToProto();
        proto.Right = view.Right.ToProto();
        proto.SameProfile = view.Left.ProfileId is { } left && left == view.Right.ProfileId;
        return proto;
    }

    public static Api.V1.ReviewTask ToProto(this Contract.ReviewTask task)
    {
        var proto = new Api.V1.ReviewTask
        {
            TaskId = task.Id,
            Kind = task.Kind,
            Status = task.Status.ToProto(),
            Left = new Api.V1.ReviewSide { Record = ToSourceKey(task.LeftSourceKey) },
            Right = new Api.V1.ReviewSide { Record = ToSourceKey(task.RightSourceKey) },
            Weight = double.IsFinite(task.Weight) ? task.Weight : 0,
            Probability = task.Probability,
            ModelVersion = task.ModelVersion,
            OpenedAt = Timestamp.FromDateTimeOffset(task.OpenedAt),
            DecidedBy = task.DecidedBy ?? "",
            DecidedAt = task.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        proto.Evidence.AddRange(task.Evidence.Select(static e => new Api.V1.FieldEvidence { Field = e.Field, Level = e.Level, Weight = e.Weight }));
        return proto;
    }

    public static Contract.ReviewStatus ToContract(this Api.V1.ReviewStatus status) => status switch
    {
        Api.V1.ReviewStatus.Accepted => Contract.ReviewStatus.Accepted,
        Api.V1.ReviewStatus.Rejected => Contract.ReviewStatus.Rejected,
        _ => Contract.ReviewStatus.Open,
    };

    private static Api.V1.ReviewStatus ToProto(this Contract.ReviewStatus status) => status switch
    {
        Contract.ReviewStatus.Accepted => Api.V1.ReviewStatus.Accepted,
        Contract.ReviewStatus.Rejected => Api.V1.ReviewStatus.Rejected,
        _ => Api.V1.ReviewStatus.Open,
    };

    private static Api.V1.ReviewSide ToProto(this Contract.ReviewSide side) => new()
    {
        Record = ToSourceKey(side.SourceKey),
        ProfileId = side.ProfileId ?? "",
        Current = side.Record?.ToProto(),
    };

    /// <summary>Splits <c>src:{source}:{record id}</c>; a source never holds a colon, a record id may.</summary>
    private static SourceKey ToSourceKey(string sourceKey)
    {
        var rest = sourceKey.StartsWith(SourceKeys.Prefix, StringComparison.Ordinal) ? sourceKey[SourceKeys.Prefix.Length..] : sourceKey;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SourceKey { RecordId = rest } : new SourceKey { Source = rest[..colon], RecordId = rest[(colon + 1)..] };
    }
}
