using Cdm.Api.V1;
using Cdm.Contracts.Profiles;
using Google.Protobuf.WellKnownTypes;
using Contract = Cdm.Contracts.Records;

namespace Cdm.Gateway.Profiles;

/// <summary>Maps profile views from the grain contracts to the public API.</summary>
public static class ProfileMapping
{
    public static Profile ToProto(this ProfileView view)
    {
        var profile = new Profile
        {
            ProfileId = view.ProfileId,
            CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(view.UpdatedAt),
            RequestedProfileId = view.RequestedProfileId ?? "",
        };
        profile.Golden.AddRange(view.Golden.Select(static g => new Api.V1.GoldenValue
        {
            Attribute = g.Attribute,
            Value = g.Value,
            Lineage = new Lineage
            {
                Source = g.Lineage.Source,
                RecordId = g.Lineage.RecordId,
                ObservedAt = Timestamp.FromDateTimeOffset(g.Lineage.ObservedAt),
                Rule = g.Lineage.Rule,
                Derived = g.Lineage.IsDerived,
                DerivedFrom = g.Lineage.DerivedFrom ?? "",
            },
        }));
        profile.Identifiers.AddRange(view.IdentifierKeys.Select(ToIdentifier));
        profile.Records.AddRange(view.Members.Select(static m =>
        {
            var member = new MemberRecord
            {
                Source = m.Source,
                RecordId = m.RecordId,
                Current = m.Current.ToProto(),
                VersionCount = m.VersionCount,
                LinkReason = m.LinkReason,
            };
            member.Versions.AddRange(m.Versions.Select(static v => v.ToProto()));
            return member;
        }));
        profile.MergedProfileIds.AddRange(view.MergedProfileIds);
        profile.Purpose = view.Purpose;
        profile.Withheld.AddRange(view.Withheld.Select(static w => new WithheldValue
        {
            Attribute = w.Attribute,
            AttributeClass = w.AttributeClass,
            Reason = ToProto(w.Reason),
            Identifier = w.Identifier,
        }));
        return profile;
    }

    private static WithholdReason ToProto(Contracts.Privacy.WithholdReason reason) => reason switch
    {
        Contracts.Privacy.WithholdReason.NotForPurpose => WithholdReason.NotForPurpose,
        Contracts.Privacy.WithholdReason.NoConsent => WithholdReason.NoConsent,
        Contracts.Privacy.WithholdReason.ConsentDenied => WithholdReason.ConsentDenied,
        Contracts.Privacy.WithholdReason.ConsentWithdrawn => WithholdReason.ConsentWithdrawn,
        Contracts.Privacy.WithholdReason.ConsentExpired => WithholdReason.ConsentExpired,
        _ => WithholdReason.Unspecified,
    };

    public static ProfileHistory ToProto(this ProfileHistoryView history)
    {
        var proto = new ProfileHistory { ProfileId = history.ProfileId };
        proto.Events.AddRange(history.Entries.Select(static e => e.ToProto()));
        return proto;
    }

    public static HistoryEvent ToProto(this HistoryEntry e) => new()
        {
            At = Timestamp.FromDateTimeOffset(e.At),
            Kind = e.Kind switch
            {
                HistoryKind.RecordAdded => HistoryEventKind.RecordAdded,
                HistoryKind.RecordUpdated => HistoryEventKind.RecordUpdated,
                HistoryKind.RecordRemoved => HistoryEventKind.RecordRemoved,
                HistoryKind.Absorbed => HistoryEventKind.Absorbed,
                HistoryKind.MergedInto => HistoryEventKind.MergedInto,
                HistoryKind.DoNotLink => HistoryEventKind.DoNotLink,
                HistoryKind.MergeRefused => HistoryEventKind.MergeRefused,
                HistoryKind.SplitOut => HistoryEventKind.SplitOut,
                HistoryKind.ConsentLapsed => HistoryEventKind.ConsentLapsed,
                HistoryKind.ErasedReference => HistoryEventKind.ErasedReference,
                HistoryKind.RetentionExpired => HistoryEventKind.RetentionExpired,
                _ => HistoryEventKind.Unspecified,
            },
            Record = e.Source is null ? null : new SourceKey { Source = e.Source, RecordId = e.RecordId ?? "" },
            OtherProfileId = e.OtherProfileId ?? "",
            Reason = e.Reason,
        };

    public static Api.V1.RecordVersion ToProto(this Contract.RecordVersion version)
    {
        var proto = new Api.V1.RecordVersion
        {
            ObservedAt = Timestamp.FromDateTimeOffset(version.ObservedAt),
            ReceivedAt = Timestamp.FromDateTimeOffset(version.ReceivedAt),
        };
        proto.Attributes.Add(version.Attributes);
        proto.Identifiers.AddRange(version.Identifiers.Select(static i => new Identifier { Type = i.Type, Value = i.Value }));
        proto.QualityFlags.AddRange(version.QualityFlags.Select(static f => new Api.V1.QualityFlag { Attribute = f.Attribute, Issue = f.Issue }));
        if (version.DerivedAttributes is { } derived)
        {
            proto.DerivedAttributes.Add(derived);
        }

        return proto;
    }

    // Identifier keys are `type:value`; hashed long values keep their `sha256:` marker as the value.
    private static Identifier ToIdentifier(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new Identifier { Type = key } : new Identifier { Type = key[..colon], Value = key[(colon + 1)..] };
    }
}
