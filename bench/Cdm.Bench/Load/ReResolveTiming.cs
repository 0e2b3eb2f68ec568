using System.Diagnostics;
using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.Bench.Load;

/// <summary>Times a re-resolution through <c>Models.ReResolve</c>, with the seconds each phase took as the client saw them.</summary>
public static class ReResolveTiming
{
    public static async Task<ReResolveFigures> MeasureAsync(Models.ModelsClient client, int modelVersion, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var clock = Stopwatch.StartNew();
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        string? phase = null;
        var phaseStarted = TimeSpan.Zero;
        ReResolveSummary? summary = null;
        using var call = client.ReResolve(new ReResolveRequest { ModelVersion = modelVersion, Apply = apply }, cancellationToken: cancellationToken);
        await foreach (var step in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (step.Phase != phase)
            {
                if (phase is not null)
                {
                    phases[phase] = (clock.Elapsed - phaseStarted).TotalSeconds;
                }

                (phase, phaseStarted) = (step.Phase, clock.Elapsed);
            }

            summary ??= step.Summary;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (summary is null)
        {
            throw new InvalidOperationException("The re-resolution ended without a summary.");
        }

        return new ReResolveFigures(
            summary.Applied, summary.ModelVersion, seconds, summary.Elapsed.ToTimeSpan().TotalSeconds, summary.Profiles, summary.Records,
            summary.CandidatePairs, summary.LinkPairs, summary.WouldMergeGroups, summary.WouldSplitProfiles,
            summary.MergesApplied, summary.SplitsApplied, summary.RefusedByDoNotLink, summary.LimitConflicts, summary.AcceptedLinks, phases);
    }

    public static void WriteText(TextWriter output, ReResolveFigures figures)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(figures);
        output.WriteLine($"re-resolve ({(figures.Applied ? "apply" : "shadow")}, model version {figures.ModelVersion}): {figures.Profiles:N0} profiles, " +
                         $"{figures.Records:N0} records in {figures.Seconds:N2} s ({figures.ProfilesPerSecond:N0} profiles/s; server {figures.ServerSeconds:N2} s)");
        output.WriteLine($"  phases           {string.Join(", ", figures.PhaseSeconds.Select(p => $"{p.Key} {p.Value:N2} s"))}");
        output.WriteLine($"  scored           {figures.CandidatePairs:N0} candidate pairs, {figures.LinkPairs:N0} linked");
        output.WriteLine($"  would            merge {figures.WouldMergeGroups:N0} groups, split {figures.WouldSplitProfiles:N0} profiles; " +
                         $"{figures.RefusedByDoNotLink:N0} links refused by do-not-link, {figures.LimitConflicts:N0} by identity-graph limits; " +
                         $"{figures.AcceptedLinks:N0} accepted pairs kept" +
                         (figures.Applied ? $"; applied {figures.MergesApplied:N0} merges, {figures.SplitsApplied:N0} splits" : ""));
    }
}
