using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Tests.Fakes;
using Grpc.Core;

namespace Cdm.Cli.Tests.Gateway;

public sealed class RpcErrorFormatterTests
{
    [Fact]
    public async Task Format_IncludesBadRequestFieldViolationsFromTrailers()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var channel = GatewayConnection.Open(gateway.Address);
        var client = new Profiles.ProfilesClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = FakeProfilesService.InvalidId }));

        Assert.Equal("error: InvalidArgument: the request is not valid [profile_id: is not a profile id]",
            RpcErrorFormatter.Format(error, gateway.Address));
    }

    [Fact]
    public void Format_NamesTheGatewayWhenUnavailableAndKeepsToOneLine()
    {
        var error = new RpcException(new Status(StatusCode.Unavailable, "no\nconnection"));

        Assert.Equal("error: gateway http://h:1 is unreachable (Unavailable: no connection)", RpcErrorFormatter.Format(error, "http://h:1"));
    }
}
