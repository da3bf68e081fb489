var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from a container that does not run as root.");
app.MapGet("/whoami", () => Environment.UserName);

app.Run();
