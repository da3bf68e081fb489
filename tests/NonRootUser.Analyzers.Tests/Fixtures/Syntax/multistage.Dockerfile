ARG DOTNET_VERSION=8.0

# build
from mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} as build
workdir /src
copy . .
run dotnet publish -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
COPY --from=build --chown=app:app /out /app
# nonroot-user ignore=NRU002
USER root
ENTRYPOINT ["dotnet", "/app/App.dll"]
