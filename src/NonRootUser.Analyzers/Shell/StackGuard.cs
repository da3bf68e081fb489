using System;
using System.Runtime.CompilerServices;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// Stops recursion before the thread's stack runs out. The depth limits bound each layer (parser, interpreter,
/// nested shells), but layers multiply, and MSBuild may run tasks on threads with small stacks; a stack overflow
/// cannot be caught, so every recursive entry point asks first.
/// </summary>
internal static class StackGuard
{
    public static bool HasRoom()
    {
#if NET
        return RuntimeHelpers.TryEnsureSufficientExecutionStack();
#else
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return true;
        }
        catch (InsufficientExecutionStackException)
        {
            return false;
        }
#endif
    }
}
