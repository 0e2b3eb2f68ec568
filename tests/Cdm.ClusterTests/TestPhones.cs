namespace Cdm.ClusterTests;

/// <summary>Phone numbers unique to a test.</summary>
public static class TestPhones
{
    /// <summary>
    /// An Australian mobile number made from a test's hex prefix: 0412 is a range the phone library accepts whatever the
    /// six digits after it, so the number always becomes an identifier.
    /// </summary>
    public static string Mobile(string prefix) =>
        "+61412" + string.Concat(prefix.Take(6).Select(static c => (char)('0' + (Convert.ToInt32(c.ToString(), 16) % 10))));
}
