using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cdm.Api.V1;

namespace Cdm.Cli.Tests.Fakes;

/// <summary>What the fake gateway holds and what it saw, shared by its services and the test.</summary>
public sealed class FakeGatewayState
{
    private int maxOutstanding;

    public ConcurrentDictionary<string, Profile> Profiles { get; } = new();

    /// <summary>The purpose of every profile and history read, in order.</summary>
    public ConcurrentQueue<string> ReadPurposes { get; } = new();

    public List<CrossReference> CrossReferences { get; } = [];

    public ConcurrentQueue<SourceRecord> Received { get; } = new();

    /// <summary>The largest number of records one stream had received but not yet answered.</summary>
    public int MaxOutstandingPerStream => Volatile.Read(ref maxOutstanding);

    /// <summary>How the fake resolves a record; by default an <c>email</c> of <c>bad</c> is rejected.</summary>
    public Func<SourceRecord, IngestResult> Decide { get; set; } = DecideByDefault;

    /// <summary>When set, the fake fails the stream with INTERNAL once it has received this many records.</summary>
    public int? FailStreamAfter { get; set; }

    internal void Arrived(StrongBox<int> streamOutstanding)
    {
        var now = Interlocked.Increment(ref streamOutstanding.Value);
        int seen;
        while (now > (seen = Volatile.Read(ref maxOutstanding)) && Interlocked.CompareExchange(ref maxOutstanding, now, seen) != seen)
        {
            // Another stream raised the maximum meanwhile; try again against the new value.
        }
    }

    internal static void Answered(StrongBox<int> streamOutstanding) => Interlocked.Decrement(ref streamOutstanding.Value);

    private static IngestResult DecideByDefault(SourceRecord record)
    {
        var result = new IngestResult { Source = record.Source, RecordId = record.RecordId };
        if (record.Attributes.TryGetValue("email", out var email) && email == "bad")
        {
            result.Status = IngestStatus.Rejected;
            result.Violations.Add(new FieldViolation { Field = "attributes.email", Reason = "not an email address" });
            return result;
        }

        result.Status = IngestStatus.Created;
        result.ProfileId = "p-" + (record.Attributes.TryGetValue("person", out var person) ? person : record.RecordId);
        return result;
    }
}
