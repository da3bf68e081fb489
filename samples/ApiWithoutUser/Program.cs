var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from a container that runs as root (see the build warning).");
app.MapGet("/whoami", () => Environment.UserName);

app.Run();
