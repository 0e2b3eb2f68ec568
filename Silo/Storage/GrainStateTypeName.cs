using System.Reflection;

namespace Cdm.Silo.Storage;

/// <summary>
/// The name stored with a state so that the stored data says what it is: the type's <c>[Alias]</c>, which
/// survives renames, or else its full name.
/// </summary>
internal static class GrainStateTypeName<T>
{
    public static readonly string Value =
        typeof(T).GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias
        ?? typeof(T).FullName
        ?? typeof(T).Name;
}
