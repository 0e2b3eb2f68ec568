# One image for every role of the cluster: the silo host, the gateway and the `cdm` command (migrations).
# docker-compose.yml picks the role per service.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish SiloHost/Cdm.SiloHost.csproj -c Release -o /app/silo \
 && dotnet publish Gateway/Cdm.Gateway.csproj -c Release -o /app/gateway \
 && dotnet publish Cli/Cdm.Cli.csproj -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app /app
# Not root: nothing in the image needs it.
USER app
