using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>
/// CPU time of the measuring thread. On a machine shared with other builds, wall time mostly measures the other
/// processes; the thread's own CPU time (which includes the gen0 collections it triggers) is what the analysis costs.
/// Falls back to the process's CPU time where the thread clock is not available.
/// </summary>
internal static class CpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux.

    private static readonly bool HasThreadClock = OperatingSystem.IsLinux() && TryThreadTime(out _);

    /// <summary>Which clock <see cref="Now"/> reads, for the report.</summary>
    public static string Kind => HasThreadClock ? "thread CPU time" : "process CPU time";

    public static TimeSpan Now()
    {
        if (HasThreadClock && TryThreadTime(out var time))
        {
            return time;
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static bool TryThreadTime(out TimeSpan time)
    {
        try
        {
            if (clock_gettime(ThreadCpuTimeClock, out var spec) == 0)
            {
                time = TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        time = default;
        return false;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled in the project.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

/// <summary>One measured loop: CPU and wall time, allocations, and how many units of work ran.</summary>
internal readonly record struct Sample(TimeSpan Cpu, TimeSpan Wall, long Allocated, long Rounds)
{
    /// <summary>
    /// Runs <paramref name="round"/> repeatedly for about <paramref name="seconds"/> in three trials and keeps the
    /// fastest trial (by CPU time per round): noise from other processes only ever makes a trial slower.
    /// </summary>
    public static Sample Best(double seconds, Action round)
    {
        round();
        Sample? best = null;
        for (var trial = 0; trial < 3; trial++)
        {
            var sample = Once(seconds / 3, round);
            if (best is null || sample.CpuPerRound < best.Value.CpuPerRound)
            {
                best = sample;
            }
        }

        return best!.Value;
    }

    public double CpuPerRound => Cpu.TotalSeconds / Rounds;

    private static Sample Once(double seconds, Action round)
    {
        var rounds = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = CpuClock.Now();
        var wall = Stopwatch.StartNew();
        while (rounds < 2 || wall.Elapsed.TotalSeconds < seconds)
        {
            round();
            rounds++;
        }

        wall.Stop();
        return new Sample(CpuClock.Now() - cpuBefore, wall.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, rounds);
    }
}
