using Cdm.Contracts.Audit;
using Orleans.Concurrency;

namespace Cdm.Grains.Audit;

/// <summary>Answers audit queries from the silo's <see cref="IAuditStore"/>.</summary>
[StatelessWorker]
[GrainType("audit-log")]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    public const int MaxLimit = 1000;

    public Task<AuditPage> QueryAsync(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit must be 1 to {MaxLimit}", nameof(query));
        }

        if (query.ProfileIds.IsDefaultOrEmpty == (query.Caller is null))
        {
            throw new ArgumentException("name profiles or a caller, not both", nameof(query));
        }

        return store.QueryAsync(query);
    }
}
