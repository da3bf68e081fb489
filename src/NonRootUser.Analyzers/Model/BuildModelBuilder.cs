using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Expansion;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Shell;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Model;

/// <summary>
/// Turns a syntax tree into stages: resolves FROM targets, walks each stage's instructions with BuildKit's ARG/ENV
/// scoping, and records the accounts present and the USER in effect at every point.
/// </summary>
public static class BuildModelBuilder
{
    public static BuildModel Build(DockerfileSyntax syntax, AnalysisOptions options, BaseImageCatalog catalog)
    {
        var lexer = new ShellLexer(syntax.EscapeCharacter);
        var globalArgs = ReadGlobalArgs(syntax, options, lexer, out var firstFrom);
        var stages = new List<StageModel>();
        var stagesByName = new Dictionary<string, StageModel>(StringComparer.OrdinalIgnoreCase);

        var index = firstFrom;
        while (index < syntax.Instructions.Count)
        {
            var from = (FromInstruction)syntax.Instructions[index];
            var end = index + 1;
            while (end < syntax.Instructions.Count && syntax.Instructions[end] is not FromInstruction)
            {
                end++;
            }

            var body = new InstructionSyntax[end - index - 1];
            for (var i = 0; i < body.Length; i++)
            {
                body[i] = syntax.Instructions[index + 1 + i];
            }

            var stage = new StageModel(stages.Count, from, body);
            ResolveBase(stage, globalArgs, lexer, stagesByName, catalog);
            new StageWalker(stage, options, globalArgs, lexer, stages, stagesByName).Walk();
            stages.Add(stage);
            if (stage.Name is { } name)
            {
                stagesByName[name] = stage;
            }

            index = end;
        }

        StageModel? target = stages.Count > 0 ? stages[stages.Count - 1] : null;
        string? targetError = null;
        if (!string.IsNullOrEmpty(options.TargetStage))
        {
            target = BuildModel.FindStage(stages, options.TargetStage!);
            if (target is null)
            {
                targetError = $"target stage '{options.TargetStage}' could not be found";
            }
        }

        return new BuildModel(syntax, stages, target, targetError) { StructureError = StructureError(syntax, firstFrom) };
    }

    /// <summary>BuildKit refuses any instruction but ARG before the first FROM, and a file without FROM.</summary>
    private static ParseError? StructureError(DockerfileSyntax syntax, int firstFrom)
    {
        for (var i = 0; i < firstFrom; i++)
        {
            if (syntax.Instructions[i] is not ArgInstruction)
            {
                var instruction = syntax.Instructions[i];
                return new ParseError($"expected FROM before {instruction.Keyword.ToUpperInvariant()} (only ARG may come before the first FROM)", instruction.Span.Start);
            }
        }

        return firstFrom >= syntax.Instructions.Count
            ? new ParseError("expected a FROM instruction (the file has none)", syntax.Instructions.Count > 0 ? syntax.Instructions[0].Span.Start : new SourcePosition(1, 1))
            : null;
    }

    /// <summary>ARGs before the first FROM: usable in FROM lines, and inside a stage only when re-declared.</summary>
    private static VariableScope ReadGlobalArgs(DockerfileSyntax syntax, AnalysisOptions options, ShellLexer lexer, out int firstFrom)
    {
        var scope = VariableScope.Create(caseInsensitive: false, environment: null);
        firstFrom = 0;
        while (firstFrom < syntax.Instructions.Count && syntax.Instructions[firstFrom] is not FromInstruction)
        {
            if (syntax.Instructions[firstFrom] is ArgInstruction arg)
            {
                foreach (var declaration in arg.Declarations)
                {
                    DeclareArg(scope, declaration, options, lexer, inherited: null);
                }
            }

            firstFrom++;
        }

        return scope;
    }

    internal static void DeclareArg(VariableScope scope, ArgDeclarationSyntax declaration, AnalysisOptions options, ShellLexer lexer, VariableScope? inherited)
    {
        var name = declaration.Name.Value;
        if (options.BuildArguments.TryGetValue(name, out var overridden))
        {
            scope.DeclareArg(name, overridden, Array.Empty<string>());
        }
        else if (declaration.DefaultValue is { } defaultValue)
        {
            var expanded = scope.Expand(lexer, defaultValue.Value);
            scope.DeclareArg(name, expanded.Value, expanded.Unresolved);
        }
        else if (inherited?.Lookup(name) is { } globalValue)
        {
            // "ARG NAME" inside a stage takes the global ARG's value.
            var expanded = inherited.Expand(lexer, "${" + name + "}");
            scope.DeclareArg(name, globalValue, expanded.Unresolved);
        }
        else
        {
            scope.DeclareArg(name, null, Array.Empty<string>());
        }
    }

    private static void ResolveBase(StageModel stage, VariableScope globalArgs, ShellLexer lexer, Dictionary<string, StageModel> stagesByName, BaseImageCatalog catalog)
    {
        var expanded = globalArgs.Expand(lexer, stage.From.Image.Value);
        stage.BaseText = expanded.Value;
        if (!expanded.IsResolved)
        {
            stage.BaseKind = StageBaseKind.Unresolved;
            stage.UnresolvedBaseVariables = expanded.Unresolved;
            stage.IsWindows = LooksLikeWindows(stage.From.Image.Value);
            return;
        }

        if (stagesByName.TryGetValue(expanded.Value, out var parent))
        {
            stage.BaseKind = StageBaseKind.Stage;
            stage.Parent = parent;
            stage.IsWindows = parent.IsWindows;
            return;
        }

        if (string.Equals(expanded.Value, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            stage.BaseKind = StageBaseKind.Scratch;
            return;
        }

        stage.BaseKind = StageBaseKind.Image;
        if (ImageReference.TryParse(expanded.Value, out var image, out _) && image is not null)
        {
            stage.Image = image;
            stage.ImageInfo = catalog.Find(image);
        }

        stage.IsWindows = stage.ImageInfo?.IsWindows ?? LooksLikeWindows(expanded.Value);
    }

    private static bool LooksLikeWindows(string image) =>
        image.IndexOf("nanoserver", StringComparison.OrdinalIgnoreCase) >= 0
        || image.IndexOf("servercore", StringComparison.OrdinalIgnoreCase) >= 0
        || image.IndexOf("windows", StringComparison.OrdinalIgnoreCase) >= 0;
}
