using System.Text;
using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

public class NRU000DockerfileCannotBeParsedTests
{
    private static IReadOnlyList<Diagnostic> Analyze(string text, AnalysisOptions? options = null) =>
        DockerfileAnalyzer.Analyze(text, "Dockerfile", options ?? AnalysisOptions.Default);

    [TestCase("", 1, TestName = "empty file")]
    [TestCase("\n\n   \n", 4, TestName = "blank lines only (reported at the end)")]
    [TestCase("# just a comment\n", 2, TestName = "comments only (reported at the end)")]
    [TestCase("FROM ubuntu:24.04\nENV PATH\n", 2, TestName = "ENV without value")]
    [TestCase("FROM ubuntu:24.04\nCMD [ \"echo\", [ \"nested json\" ] ]\n", 2, TestName = "nested JSON")]
    [TestCase("FROM\n", 1, TestName = "FROM without image")]
    [TestCase("FROM ubuntu:24.04\nRUN <<EOF\necho hi\n", 4, TestName = "unterminated heredoc (reported where the delimiter is missing)")]
    [TestCase("RUN echo hi\n", 1, TestName = "no FROM before the first instruction")]
    public void Reports_what_Docker_rejects_at_the_error_line(string text, int line)
    {
        var diagnostics = Analyze(text);
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { RuleIdentifiers.DockerfileCannotBeParsed }), () => string.Join("\n", diagnostics));
        Assert.That(diagnostics[0].Span.Start.Line, Is.EqualTo(line), diagnostics[0].Message);
        Assert.That(diagnostics[0].Span.Start.Column, Is.GreaterThanOrEqualTo(1));
        Assert.That(diagnostics[0].Message, Does.StartWith("The Dockerfile cannot be parsed: line "));
    }

    [TestCase("FROM ubuntu:24.04\nUSER root\n", TestName = "valid file")]
    [TestCase("FROM ubuntu:24.04\nFOO bar\n", TestName = "unknown instruction is Docker's later problem")]
    [TestCase("FROM ubuntu:24.04\nCMD [\"unterminated\"\n", TestName = "invalid JSON falls back to shell form")]
    [TestCase("\uFEFFFROM ubuntu:24.04\nUSER ubuntu\n", TestName = "byte order mark")]
    [TestCase("FROM ubuntu:24.04\r\nUSER ubuntu\r\n", TestName = "CRLF")]
    public void Stays_silent_for_files_Docker_accepts(string text) =>
        Assert.That(Analyze(text).Where(d => d.Id == RuleIdentifiers.DockerfileCannotBeParsed), Is.Empty);

    [Test]
    public void Skips_the_other_rules_when_the_file_cannot_be_parsed()
    {
        var diagnostics = Analyze("FROM ubuntu:24.04\nUSER root\nENV PATH\n");
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { RuleIdentifiers.DockerfileCannotBeParsed }));
    }

    [Test]
    public void Reports_a_target_stage_that_does_not_exist()
    {
        var diagnostics = Analyze("FROM ubuntu:24.04 AS build\nFROM ubuntu:24.04 AS final\nUSER ubuntu\n", new AnalysisOptions { TargetStage = "runtime" });
        Assert.That(diagnostics.Single().Id, Is.EqualTo(RuleIdentifiers.DockerfileCannotBeParsed));
        Assert.That(diagnostics.Single().Message, Does.Contain("'runtime'"));
    }

    [Test]
    public void Reports_a_directory_named_Dockerfile()
    {
        var directory = Directory.CreateTempSubdirectory("nru-dir");
        try
        {
            var path = Directory.CreateDirectory(Path.Combine(directory.FullName, "Dockerfile")).FullName;
            var diagnostic = DockerfileAnalyzer.AnalyzeFile(path, AnalysisOptions.Default).Single();
            Assert.That(diagnostic.Id, Is.EqualTo(RuleIdentifiers.DockerfileCannotBeParsed));
            Assert.That(diagnostic.Message, Does.Contain("directory"));
            Assert.That(diagnostic.FilePath, Is.EqualTo(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Reports_a_missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "nru-missing-" + Guid.NewGuid().ToString("N"), "Dockerfile");
        var diagnostic = DockerfileAnalyzer.AnalyzeFile(path, AnalysisOptions.Default).Single();
        Assert.That(diagnostic.Id, Is.EqualTo(RuleIdentifiers.DockerfileCannotBeParsed));
        Assert.That(diagnostic.Span.Start, Is.EqualTo(new NonRootUser.Analyzers.Syntax.SourcePosition(1, 1)));
    }

    [Test]
    public void Reports_a_UTF16_file_clearly()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "FROM ubuntu:24.04\r\nUSER ubuntu\r\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
            var diagnostic = DockerfileAnalyzer.AnalyzeFile(path, AnalysisOptions.Default).Single();
            Assert.That(diagnostic.Id, Is.EqualTo(RuleIdentifiers.DockerfileCannotBeParsed));
            Assert.That(diagnostic.Message, Does.Contain("UTF-16"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Reads_a_file_from_disk_with_exact_positions()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "FROM ubuntu:24.04\n\nUSER root\n");
            var diagnostic = DockerfileAnalyzer.AnalyzeFile(path, AnalysisOptions.Default).Single();
            Assert.That(diagnostic.Id, Is.EqualTo(RuleIdentifiers.UserIsRoot));
            Assert.That(diagnostic.Span, Is.EqualTo(new NonRootUser.Analyzers.Syntax.SourceSpan(3, 1, 3, 10)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
