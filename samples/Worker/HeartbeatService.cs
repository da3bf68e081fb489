namespace Worker;

/// <summary>Logs a heartbeat every ten seconds until the host stops.</summary>
public sealed partial class HeartbeatService(ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LogHeartbeat(logger, DateTimeOffset.UtcNow);
            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Heartbeat at {Time}")]
    private static partial void LogHeartbeat(ILogger logger, DateTimeOffset time);
}
