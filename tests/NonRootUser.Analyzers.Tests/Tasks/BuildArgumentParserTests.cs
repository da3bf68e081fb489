using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

public class BuildArgumentParserTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static IReadOnlyDictionary<string, string> Parse(string? arguments) => BuildArgumentParser.Parse(arguments, NoEnvironment);

    [TestCase("--build-arg TAG=8.0", "TAG", "8.0")]
    [TestCase("--build-arg=TAG=8.0", "TAG", "8.0")]
    [TestCase("--build-arg TAG=\"8.0\"", "TAG", "8.0")]
    [TestCase("--build-arg \"TAG=8.0\"", "TAG", "8.0")]
    [TestCase("--build-arg 'TAG=8.0'", "TAG", "8.0")]
    [TestCase("--build-arg=TAG=\"8.0\"", "TAG", "8.0")]
    [TestCase("--build-arg GREETING=\"hello world\"", "GREETING", "hello world")]
    [TestCase("--build-arg GREETING=\"say \\\"hi\\\"\"", "GREETING", "say \"hi\"")]
    [TestCase("--build-arg URL=http://x/?a=b", "URL", "http://x/?a=b")]
    [TestCase("--build-arg EMPTY=", "EMPTY", "")]
    [TestCase("--build-arg PATH=C:\\tools\\bin", "PATH", "C:\\tools\\bin")]
    [TestCase("  --build-arg\tTAG=8.0  ", "TAG", "8.0")]
    public void Reads_one_build_argument(string arguments, string name, string value) =>
        Assert.That(Parse(arguments), Is.EquivalentTo(new Dictionary<string, string> { [name] = value }));

    [Test]
    public void Reads_the_build_arguments_among_other_docker_options()
    {
        var arguments = "-t contoso/api:dev --build-arg BUILD_CONFIGURATION=Debug --label a=b --build-arg=BASE=\"aspnet:8.0\" --no-cache --target final";

        Assert.That(Parse(arguments), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["BUILD_CONFIGURATION"] = "Debug",
            ["BASE"] = "aspnet:8.0",
        }));
    }

    [Test]
    public void A_later_value_for_the_same_name_wins() =>
        Assert.That(Parse("--build-arg A=1 --build-arg A=2")["A"], Is.EqualTo("2"));

    [Test]
    public void Names_are_case_sensitive_like_ARG() =>
        Assert.That(Parse("--build-arg a=1 --build-arg A=2"), Has.Count.EqualTo(2));

    [Test]
    public void A_name_without_a_value_takes_it_from_the_environment()
    {
        var result = BuildArgumentParser.Parse("--build-arg FROM_ENV --build-arg MISSING", name => name == "FROM_ENV" ? "from-env" : null);

        Assert.That(result, Is.EquivalentTo(new Dictionary<string, string> { ["FROM_ENV"] = "from-env" }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("--build-arg")]
    [TestCase("--build-arg =value")]
    [TestCase("--build-args A=1")]
    [TestCase("-t image --no-cache")]
    public void Finds_no_build_argument(string? arguments) => Assert.That(Parse(arguments), Is.Empty);

    [Test]
    public void An_unterminated_quote_runs_to_the_end() =>
        Assert.That(Parse("--build-arg A=\"open value"), Is.EquivalentTo(new Dictionary<string, string> { ["A"] = "open value" }));
}
