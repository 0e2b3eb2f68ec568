namespace Cdm.Contracts.Records;

/// <summary>Why a field of a request was refused; <see cref="Field"/> is a path such as <c>attributes.email</c>.</summary>
[GenerateSerializer, Immutable, Alias("cdm.FieldViolation")]
public sealed record FieldViolation([property: Id(0)] string Field, [property: Id(1)] string Reason);
