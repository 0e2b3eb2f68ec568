using Cdm.Api.V1;
using Spectre.Console;

namespace Cdm.Cli.Lookup;

/// <summary>Prints a profile: the golden record with the lineage of each value, then members and identifiers.</summary>
public static class ProfileRenderer
{
    /// <summary>The rule, and for a derived value the attribute it was derived from: <c>derived from phone (most_recent)</c>.</summary>
    public static string? Rule(Lineage? lineage) => lineage is { Derived: true }
        ? $"derived from {lineage.DerivedFrom} ({lineage.Rule})"
        : lineage?.Rule;

    /// <summary>Why a value was withheld, in words.</summary>
    public static string Reason(WithholdReason reason) => reason switch
    {
        WithholdReason.NotForPurpose => "not for this purpose",
        WithholdReason.NoConsent => "no consent",
        WithholdReason.ConsentDenied => "consent denied",
        WithholdReason.ConsentWithdrawn => "consent withdrawn",
        WithholdReason.ConsentExpired => "consent expired",
        _ => "withheld",
    };

    public static void Write(IAnsiConsole console, Cdm.Api.V1.Profile profile)
    {
        var title = $"profile {profile.ProfileId}";
        if (profile.RequestedProfileId.Length > 0 && profile.RequestedProfileId != profile.ProfileId)
        {
            title += $" (asked for {profile.RequestedProfileId}, which was merged into it)";
        }

        console.WriteLine(title);
        console.WriteLine($"created {Cells.Time(profile.CreatedAt)}, updated {Cells.Time(profile.UpdatedAt)}, read for {profile.Purpose}");

        var golden = new Table().Title("golden record")
            .AddColumns("attribute", "value", "source", "record id", "observed at", "rule");
        foreach (var value in profile.Golden)
        {
            golden.AddRow(Cells.Row(value.Attribute, value.Value, value.Lineage?.Source, value.Lineage?.RecordId,
                Cells.Time(value.Lineage?.ObservedAt), Rule(value.Lineage)));
        }

        console.Write(golden);


        var members = new Table().Title("member records")
            .AddColumns("source", "record id", "observed at", "received at", "versions", "link reason");
        foreach (var member in profile.Records)
        {
            members.AddRow(Cells.Row(member.Source, member.RecordId, Cells.Time(member.Current?.ObservedAt),
                Cells.Time(member.Current?.ReceivedAt), member.VersionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                member.LinkReason));
        }

        console.Write(members);

        var identifiers = new Table().Title("identifiers").AddColumns("type", "value");
        foreach (var identifier in profile.Identifiers)
        {
            identifiers.AddRow(Cells.Row(identifier.Type, identifier.Value));
        }

        console.Write(identifiers);

        if (profile.MergedProfileIds.Count > 0)
        {
            console.WriteLine($"merged into this profile: {string.Join(", ", profile.MergedProfileIds)}");
        }

        if (profile.Withheld.Count > 0)
        {
            var withheld = new Table().Title($"withheld for {profile.Purpose}").AddColumns("attribute", "class", "reason");
            foreach (var value in profile.Withheld)
            {
                withheld.AddRow(Cells.Row(value.Identifier ? $"identifier {value.Attribute}" : value.Attribute, value.AttributeClass, Reason(value.Reason)));
            }

            console.Write(withheld);
        }
    }
}
