using Google.Protobuf.WellKnownTypes;

namespace Cdm.Gateway.Errors;

/// <summary>Reads timestamp fields of requests, refusing values that are no time.</summary>
public static class TimestampFields
{
    /// <summary>The time of a timestamp field, or null when unset; INVALID_ARGUMENT naming <paramref name="field"/> when it is not a time.</summary>
    public static DateTimeOffset? TimeOf(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            return null;
        }

        // Timestamp.ToDateTimeOffset throws on values outside 0001..9999 or with bad nanos.
        if (timestamp.Seconds < -62135596800 || timestamp.Seconds > 253402300799 || timestamp.Nanos is < 0 or > 999_999_999)
        {
            RpcErrors.ThrowInvalid(field, "not a valid timestamp");
        }

        return timestamp.ToDateTimeOffset();
    }
}
