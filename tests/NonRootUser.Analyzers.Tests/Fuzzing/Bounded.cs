using System.Runtime.ExceptionServices;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>
/// Runs work on its own thread with a 1 MiB stack (the default main-thread stack on Windows, where MSBuild may run
/// the task) and waits a generous time for it. A hang then fails the test instead of stalling the run, and deep
/// recursion shows up here before it shows up in a user's build.
/// </summary>
internal static class Bounded
{
    public const int StackBytes = 1024 * 1024;

    /// <summary>The result of <paramref name="work"/>; fails the test if it runs longer than <paramref name="limit"/>.</summary>
    public static T Run<T>(Func<T> work, TimeSpan limit, string what)
    {
        if (!TryRun(work, limit, out var result))
        {
            Assert.Fail($"{what} did not finish within {limit.TotalSeconds:0} s");
        }

        return result!;
    }

    /// <summary>
    /// False if <paramref name="work"/> is still running after <paramref name="limit"/> (its thread is left behind as a
    /// background thread); exceptions of the work are rethrown here with their original stack.
    /// </summary>
    public static bool TryRun<T>(Func<T> work, TimeSpan limit, out T? result)
    {
        T? value = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    value = work();
                }
#pragma warning disable CA1031 // Rethrown on the test's thread below.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "bounded analysis",
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            result = default;
            return false;
        }

        failure?.Throw();
        result = value;
        return true;
    }
}
