namespace Cdm.PostgresTests.Storage;

public enum TestColour
{
    Red,
    Green,
    Blue,
}
