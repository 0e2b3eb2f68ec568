using Cdm.Contracts.Consent;
using Cdm.Grains.Consent;

namespace Cdm.UnitTests.Consent;

public sealed class ConsentLedgerTests
{
    private const string Email = "email_marketing";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ConsentStatement Said(ConsentStatus status, int day, string purpose = Email, int? expiresDay = null, string source = "crm") =>
        new(purpose, status, LawfulBasis.Consent, source, T0.AddDays(day), expiresDay is { } d ? T0.AddDays(d) : null, T0.AddDays(100));

    [Fact]
    public void Current_IsTheNewestByTimestamp_NotTheLastToArrive()
    {
        var ledger = new ConsentLedger();
        ledger.Record(Said(ConsentStatus.Withdrawn, day: 5));
        ledger.Record(Said(ConsentStatus.Granted, day: 2));

        Assert.Equal(ConsentStatus.Withdrawn, ledger.Current(Email)!.Status);
        Assert.False(ledger.Effective(Email, T0.AddDays(10)).Allows);
    }

    [Fact]
    public void Current_OnEqualTimestamps_IsTheMoreRestrictive()
    {
        var ledger = new ConsentLedger();
        ledger.Record(Said(ConsentStatus.Denied, day: 3, source: "shop"));
        ledger.Record(Said(ConsentStatus.Granted, day: 3));

        Assert.Equal(ConsentStatus.Denied, ledger.Current(Email)!.Status);
    }

    [Fact]
    public void Record_TheSameStatementTwice_ChangesNothing()
    {
        var ledger = new ConsentLedger();
        Assert.True(ledger.Record(Said(ConsentStatus.Granted, day: 1)));
        Assert.False(ledger.Record(Said(ConsentStatus.Granted, day: 1) with { RecordedAt = T0.AddDays(200) }));

        Assert.Single(ledger.History(Email));
    }

    [Fact]
    public void Effective_WithoutAnyStatement_DoesNotAllow()
    {
        var state = new ConsentLedger().Effective("sms", T0);

        Assert.Null(state.Statement);
        Assert.False(state.Allows);
    }

    [Fact]
    public void Effective_AfterTheExpiry_IsExpiredAndDoesNotAllow()
    {
        var ledger = new ConsentLedger();
        ledger.Record(Said(ConsentStatus.Granted, day: 1, expiresDay: 30));

        Assert.True(ledger.Effective(Email, T0.AddDays(29)).Allows);
        var lapsed = ledger.Effective(Email, T0.AddDays(30));
        Assert.True(lapsed.Expired);
        Assert.False(lapsed.Allows);
    }

    [Fact]
    public void NextExpiry_IsTheEarliestLapseOfAGrantInForce()
    {
        var ledger = new ConsentLedger();
        ledger.Record(Said(ConsentStatus.Granted, day: 1, expiresDay: 40));
        ledger.Record(Said(ConsentStatus.Granted, day: 1, purpose: "sms", expiresDay: 20));
        // A grant already replaced by a refusal will not lapse: the refusal is in force.
        ledger.Record(Said(ConsentStatus.Granted, day: 1, purpose: "ads", expiresDay: 10));
        ledger.Record(Said(ConsentStatus.Denied, day: 2, purpose: "ads"));

        Assert.Equal(T0.AddDays(20), ledger.NextExpiry(T0.AddDays(5)));
        Assert.Equal(T0.AddDays(40), ledger.NextExpiry(T0.AddDays(20)));
        Assert.Null(ledger.NextExpiry(T0.AddDays(40)));
    }

    [Fact]
    public void Absorb_KeepsTheMostRestrictiveEvenWhenTheGrantIsNewer()
    {
        var survivor = new ConsentLedger();
        survivor.Record(Said(ConsentStatus.Granted, day: 9));
        var loser = new ConsentLedger();
        loser.Record(Said(ConsentStatus.Withdrawn, day: 4, source: "support"));

        Assert.True(survivor.Absorb(loser, T0.AddDays(10)));

        var current = survivor.Current(Email)!;
        Assert.Equal(ConsentStatus.Withdrawn, current.Status);
        Assert.Equal(ConsentStatement.MergeSource, current.Source);
        Assert.Equal(T0.AddDays(9), current.At);
        Assert.Equal(3, survivor.History(Email).Count);
    }

    [Fact]
    public void Absorb_ThenANewerGrant_GrantsAgain()
    {
        var survivor = new ConsentLedger();
        survivor.Record(Said(ConsentStatus.Granted, day: 9));
        var loser = new ConsentLedger();
        loser.Record(Said(ConsentStatus.Denied, day: 4));
        survivor.Absorb(loser, T0.AddDays(10));

        survivor.Record(Said(ConsentStatus.Granted, day: 11));

        Assert.True(survivor.Effective(Email, T0.AddDays(12)).Allows);
    }

    [Fact]
    public void Absorb_Twice_ChangesNothingTheSecondTime()
    {
        var survivor = new ConsentLedger();
        survivor.Record(Said(ConsentStatus.Granted, day: 2));
        var loser = new ConsentLedger();
        loser.Record(Said(ConsentStatus.Denied, day: 1));
        loser.Record(Said(ConsentStatus.Granted, day: 1, purpose: "analytics"));

        Assert.True(survivor.Absorb(loser, T0.AddDays(3)));
        Assert.False(survivor.Absorb(loser, T0.AddDays(4)));

        Assert.Equal(["analytics", Email], survivor.Purposes);
        Assert.Equal(ConsentStatus.Granted, survivor.Current("analytics")!.Status);
    }

    [Fact]
    public void Absorb_IsTheSameWhicheverSideSurvives()
    {
        var a = new ConsentLedger();
        a.Record(Said(ConsentStatus.Granted, day: 6));
        var b = new ConsentLedger();
        b.Record(Said(ConsentStatus.Withdrawn, day: 2));

        var left = new ConsentLedger();
        left.Absorb(a, T0);
        left.Absorb(b, T0);
        var right = new ConsentLedger();
        right.Absorb(b, T0);
        right.Absorb(a, T0);

        Assert.Equal(left.Current(Email)!.Status, right.Current(Email)!.Status);
        Assert.Equal(ConsentStatus.Withdrawn, left.Current(Email)!.Status);
    }

    [Fact]
    public void NoteLapses_NotesEachLapsedGrantOnce_AndNeverASupersededOne()
    {
        var ledger = new ConsentLedger();
        ledger.Record(Said(ConsentStatus.Granted, day: 1, expiresDay: 10));
        ledger.Record(Said(ConsentStatus.Granted, day: 1, purpose: "sms", expiresDay: 5));
        ledger.Record(Said(ConsentStatus.Withdrawn, day: 3, purpose: "sms"));
        ledger.Record(Said(ConsentStatus.Granted, day: 1, purpose: "ads", expiresDay: 30));

        Assert.Empty(ledger.NoteLapses(T0.AddDays(9)));
        var lapsed = ledger.NoteLapses(T0.AddDays(11));
        var again = ledger.NoteLapses(T0.AddDays(12));

        Assert.Equal([Email], lapsed.Select(s => s.Purpose));
        Assert.Empty(again);
        Assert.Equal(T0.AddDays(30), ledger.NextExpiry(T0.AddDays(12)));
        // A renewed grant lapses in its own right.
        ledger.Record(Said(ConsentStatus.Granted, day: 11, expiresDay: 20));
        Assert.Equal([Email], ledger.NoteLapses(T0.AddDays(21)).Select(s => s.Purpose));
    }
}
