namespace NonRootUser.Analyzers;

internal static class Placeholder
{
}
