using Microsoft.Extensions.DependencyInjection;

namespace Cdm.Silo.Reminders;

public static class SqliteReminderRegistration
{
    /// <summary>Durable reminders in <c>reminders.db</c> under <paramref name="dataDirectory"/> (the embedded default).</summary>
    public static ISiloBuilder UseCdmSqliteReminders(this ISiloBuilder silo, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(Path.Combine(dataDirectory, "reminders.db")));
        return silo;
    }
}
