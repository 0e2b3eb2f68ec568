namespace Cdm.Operations.Dashboard;

/// <summary>Registered when the silo in this process runs the dashboard, so the endpoints know to map it.</summary>
internal sealed class DashboardEnabled;
