using Cdm.Grains.Consent;
using Cdm.Grains.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cdm.Silo.Hosting;

/// <summary>
/// The read policy (<c>Cdm:Privacy</c>), shared by the silo, which enforces it, and the gateway, which refuses unknown
/// purposes at the door. Registered once even when both live in one process.
/// </summary>
public static class PrivacyRegistration
{
    public static IServiceCollection AddCdmPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(static d => d.ServiceType == typeof(ReadPolicy)))
        {
            return services;
        }

        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidation>();
        services.TryAddSingleton(sp => new ReadPolicy(
            sp.GetRequiredService<IOptions<PrivacyOptions>>().Value,
            sp.GetRequiredService<IOptions<ConsentOptions>>().Value));
        services.TryAddSingleton<ProfileReadFilter>();
        return services;
    }

    /// <summary>Refuses a policy that names an unknown class or consent purpose, with every problem listed.</summary>
    private sealed class PrivacyOptionsValidation(IOptions<ConsentOptions> consent) : IValidateOptions<PrivacyOptions>
    {
        public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
        {
            var problems = new ReadPolicy(options, consent.Value).Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
