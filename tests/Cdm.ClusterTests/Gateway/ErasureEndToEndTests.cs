using Cdm.Api.V1;
using Cdm.ClusterTests.Matching;
using Cdm.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>Erasure (right to be forgotten) through <c>cdm.v1.Privacy</c> on the embedded default, checked in its SQLite files.</summary>
[Collection(SecuredHostCollection.Name)]
public sealed class ErasureEndToEndTests(SecuredHostFixture fixture)
{
    private readonly ApiRecords crm = new("crm");

    private EmbeddedHost Host => fixture.Host;

    private Privacy.PrivacyClient PrivacyDesk => new(Host.Channel);

    [Fact]
    public async Task Erasure_LeavesNoTraceInStorage_RefusesTheReturn_AndSparesOthers()
    {
        var shop = new ApiRecords("shop");
        var writer = SecuredHostFixture.ApiKey(await fixture.KeyAsync("writer-" + crm.Prefix, ["source"], sources: [crm.Source, shop.Source]));
        var officer = SecuredHostFixture.Bearer(fixture.Token("officer-" + crm.Prefix, ["privacy_officer"]));
        var person = new Person(crm.Prefix);
        var other = new Person(shop.Prefix);

        var first = person.Record(crm, "a");
        first.ObservedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        first.Consents.Add(new ConsentStatement { Purpose = "sms", Status = ConsentStatus.Granted, Basis = LawfulBasis.Consent });
        var created = await Host.Ingestion.IngestAsync(first, writer);
        var second = first.Clone();
        second.ObservedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        second.Attributes["city"] = "Paris";
        await Host.Ingestion.IngestAsync(second, writer);
        // Same email, a second crm_id: the identity-graph limit (one crm_id) keeps it apart and opens a review task.
        var linked = person.Record(shop, "b");
        linked.Identifiers.Add(new Identifier { Type = "crm_id", Value = "second-" + crm.Prefix });
        var linkedOutcome = await Host.Ingestion.IngestAsync(linked, writer);
        var kept = await Host.Ingestion.IngestAsync(other.Record(shop, "z"), writer);
        Assert.Equal(created.ProfileId, linkedOutcome.ProfileId);

        // A stored (inactive) model whose name tables count the person's names, the other person's, and a common one.
        var models = new Models.ModelsClient(Host.Channel);
        var names = new Dictionary<string, string[]>
        {
            ["first_name"] = [person.FirstName.ToLowerInvariant(), other.FirstName.ToLowerInvariant(), "smith", "smith"],
            ["last_name"] = [person.LastName.ToLowerInvariant(), other.LastName.ToLowerInvariant(), "smith", "smith"],
        };
        var model = await models.AddModelAsync(new AddModelRequest { Document = TestMatchModel.Document(names: names), Description = "names " + crm.Prefix }, fixture.Admin);

        var receipt = await PrivacyDesk.EraseSubjectAsync(new EraseSubjectRequest { Identifier = new Identifier { Type = "email", Value = person.Email } }, officer);

        Assert.Equal(ErasureStatus.Completed, receipt.Status);
        Assert.Equal(created.ProfileId, receipt.ProfileIds[0]);
        Assert.Equal((2, 3), (receipt.Records, receipt.RecordVersions));
        Assert.True(receipt.Identifiers >= 5, $"{receipt.Identifiers} identifiers released");
        Assert.Equal(receipt.Identifiers, receipt.SuppressionEntries);
        Assert.True(receipt.ReviewTasks >= 1, "the identifier-limit review task is dropped");
        Assert.Equal(2, receipt.ConsentStatements); // the statement, as carried by each version (given at its observed-at)
        Assert.Equal("officer-" + crm.Prefix, receipt.RequestedBy);
        Assert.Equal(["profile_closed", "suppressed", "blocks_left", "identifiers_released", "review_tasks_dropped", "references_removed", "profiles_erased", "completed"],
            receipt.Steps.Select(s => s.Name));

        // Nothing of the person can be read, by any key; asked again, the same receipt.
        foreach (var lookup in new[]
        {
            new GetProfileRequest { Identifier = new Identifier { Type = "email", Value = person.Email }, Purpose = "privacy_request" },
            new GetProfileRequest { SourceKey = new SourceKey { Source = crm.Source, RecordId = person.RecordId("a") }, Purpose = "privacy_request" },
            new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "privacy_request" },
        })
        {
            var missing = await Assert.ThrowsAsync<RpcException>(() => Host.Profiles.GetProfileAsync(lookup, fixture.Admin).ResponseAsync);
            Assert.True(missing.StatusCode == StatusCode.NotFound, $"{lookup.LookupCase}: {missing.Status}");
        }

        var again = await PrivacyDesk.EraseSubjectAsync(new EraseSubjectRequest { Identifier = new Identifier { Type = "phone", Value = person.Phone } }, officer);
        var byId = await PrivacyDesk.EraseSubjectAsync(new EraseSubjectRequest { ProfileId = created.ProfileId }, officer);
        var stored = await PrivacyDesk.GetErasureAsync(new GetErasureRequest { ErasureId = receipt.ErasureId }, officer);
        Assert.Equal([receipt.ErasureId, receipt.ErasureId, receipt.ErasureId], new[] { again.ErasureId, byId.ErasureId, stored.ErasureId });
        Assert.Equal(receipt, stored);

        // The next import of the same record, or of another carrying the person's phone, is refused and says why.
        var returned = await Assert.ThrowsAsync<RpcException>(() => Host.Ingestion.IngestAsync(first, writer).ResponseAsync);
        var byPhone = await Assert.ThrowsAsync<RpcException>(() => Host.Ingestion.IngestAsync(
            new SourceRecord { Source = shop.Source, RecordId = "new-" + shop.Prefix, Attributes = { ["phone"] = person.Phone } }, writer).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (returned.StatusCode, byPhone.StatusCode));
        Assert.Contains("record_id: this source key belongs to a person whose data was erased", returned.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("attributes.email: this email belongs to a person whose data was erased", returned.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("invalid request: attributes.phone: this phone belongs to a person whose data was erased", byPhone.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("record_id", byPhone.Status.Detail, StringComparison.Ordinal);

        // Storage: none of the person's values in any table of any database file; the other person's are all there.
        var hits = new List<string>();
        var controls = new List<string>();
        foreach (var file in Directory.GetFiles(Host.DataDirectory, "*.db"))
        {
            hits.AddRange(await StoredValueSearch.InSqliteAsync(file, person.Values));
            controls.AddRange(await StoredValueSearch.InSqliteAsync(file, other.Values));
        }

        Assert.Empty(hits);
        var document = (await models.GetModelAsync(new GetModelRequest { Version = model.Version }, fixture.Admin)).Document;
        Assert.DoesNotContain(person.LastName, document, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(other.LastName, document, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("smith", document, StringComparison.Ordinal);
        // The other person sent record z alone.
        Assert.Equal(other.Values.Where(v => !v.EndsWith("-rec", StringComparison.Ordinal) || v.StartsWith("z-", StringComparison.Ordinal)).Order(), controls.Select(c => c[(c.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Order());
        var survivor = await Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = kept.ProfileId, Purpose = "privacy_request" }, fixture.Admin);
        Assert.Contains(survivor.Golden, g => g.Attribute == "last_name" && string.Equals(g.Value, other.LastName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Erasure_IsForPrivacyOfficersOnly_AndNamesBadRequests()
    {
        var reader = SecuredHostFixture.ApiKey(await fixture.KeyAsync("bi-" + crm.Prefix, ["reader"], purposes: ["analytics"]));
        var nobody = new EraseSubjectRequest { Identifier = new Identifier { Type = "email", Value = crm.Email("nobody") } };

        var denied = await Assert.ThrowsAsync<RpcException>(() => PrivacyDesk.EraseSubjectAsync(nobody, reader).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => PrivacyDesk.EraseSubjectAsync(nobody, fixture.Admin).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => PrivacyDesk.EraseSubjectAsync(new EraseSubjectRequest(), fixture.Admin).ResponseAsync);
        var badId = await Assert.ThrowsAsync<RpcException>(() => PrivacyDesk.GetErasureAsync(new GetErasureRequest { ErasureId = "er_../../x" }, fixture.Admin).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => PrivacyDesk.GetErasureAsync(new GetErasureRequest { ErasureId = "er_" + new string('0', 24) }, fixture.Admin).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badId.StatusCode);
        Assert.StartsWith("invalid request: erasure_id:", badId.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>A person whose every value is unique to one test, so a search of storage finds only theirs.</summary>
    private sealed class Person(string prefix)
    {
        // Names are letters only: the prefix's hex digits become letters.
        private readonly string letters = new([.. prefix.Select(static c => (char)('a' + (char.IsDigit(c) ? c - '0' : c - 'a' + 10)))]);

        public string FirstName => "Adal" + letters;

        public string LastName => "Lovel" + letters;

        public string Email => $"ada.{prefix}@cdmtest.net";

        public string Phone => TestPhones.Mobile(prefix);

        public string CrmId => "cid-" + prefix;

        public IReadOnlyCollection<string> Values => [FirstName, LastName, Email, Phone, CrmId, RecordId("a"), RecordId("b"), RecordId("z")];

        public string RecordId(string local) => $"{local}-{prefix}-rec";

        public SourceRecord Record(ApiRecords source, string local) => new()
        {
            Source = source.Source,
            RecordId = RecordId(local),
            Attributes = { ["first_name"] = FirstName, ["last_name"] = LastName, ["email"] = Email, ["phone"] = Phone, ["city"] = "London" },
            Identifiers = { new Identifier { Type = "crm_id", Value = CrmId } },
        };
    }
}
