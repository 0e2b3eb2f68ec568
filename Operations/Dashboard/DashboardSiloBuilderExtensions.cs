using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Cdm.Operations.Dashboard;

public static class DashboardSiloBuilderExtensions
{
    public const string Section = "Cdm:Dashboard";

    /// <summary>
    /// Adds the Orleans dashboard to the silo when <c>Cdm:Dashboard:Enabled</c> is true; <c>MapCdmOperations</c>
    /// then serves it under <c>/dashboard</c>. Off by default: it profiles every grain call. The other keys of the
    /// section bind to <see cref="DashboardOptions"/>.
    /// </summary>
    public static ISiloBuilder UseCdmDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.GetValue("Enabled", false))
        {
            return silo;
        }

        silo.AddDashboard(options =>
        {
            // The live log stream shows whatever is logged, customer identifiers included; it must be asked for.
            options.HideTrace = true;
            section.Bind(options);
        });
        silo.Services.AddSingleton<DashboardEnabled>();
        return silo;
    }
}
