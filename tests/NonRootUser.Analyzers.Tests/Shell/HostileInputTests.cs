using System.Diagnostics;
using System.Text;
using NonRootUser.Analyzers.Shell;

namespace NonRootUser.Analyzers.Tests.Shell;

/// <summary>Reading never throws and stays fast on deep, huge, unbalanced or repetitive input.</summary>
public class HostileInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static IEnumerable<TestCaseData> DeepInputs()
    {
        const int depth = 100_000;
        yield return new TestCaseData(Repeat("$(", depth) + "useradd x" + Repeat(")", depth)).SetName("Deep command substitutions");
        yield return new TestCaseData(Repeat("$((", depth)).SetName("Unclosed arithmetic");
        yield return new TestCaseData(Repeat("(", depth) + "useradd x" + Repeat(")", depth)).SetName("Deep subshells");
        yield return new TestCaseData(Repeat("{ ", depth) + "useradd x;" + Repeat(" }", depth)).SetName("Deep groups");
        yield return new TestCaseData(Repeat("${a:-", depth) + "x" + Repeat("}", depth)).SetName("Deep parameter defaults");
        yield return new TestCaseData(Repeat("\"$(", depth)).SetName("Deep quoted substitutions");
        yield return new TestCaseData(Repeat("if true; then ", depth)).SetName("Unclosed ifs");
        yield return new TestCaseData(Repeat("`", depth)).SetName("Backquotes");
        yield return new TestCaseData(Repeat("\\`", depth)).SetName("Escaped backquotes");
        yield return new TestCaseData(Repeat("cat <<EOF\n", depth)).SetName("Unclosed here-documents");
        yield return new TestCaseData(Repeat("'", depth * 3 + 1)).SetName("Odd single quotes");
        yield return new TestCaseData(Repeat("\\$\\$", depth * 5)).SetName("Escaped dollars in a word");
        yield return new TestCaseData("\"" + Repeat("\\$x", depth * 3) + "\"").SetName("Escapes in quotes");
        yield return new TestCaseData(Repeat("sh -c '", 5_000)).SetName("Nested sh -c");
        yield return new TestCaseData("f() { f; f; f; f; }; f").SetName("Exponential function");
        yield return new TestCaseData("S='eval \"$S\"; eval \"$S\"'; eval \"$S\"").SetName("Exponential eval");
        yield return new TestCaseData("A=x; " + Repeat("A=$A$A; ", 64) + "useradd $A").SetName("Doubling variable");
        yield return new TestCaseData("for a in 1 2 3 4 5 6 7 8 9 10; do " + Repeat("for b in 1 2 3 4 5 6 7 8 9 10; do ", 8) + "useradd \"u$a$b\"; " + Repeat("done; ", 9))
            .SetName("Nested loops");
        yield return new TestCaseData(Repeat("a=${a/x/yy}; ", 10_000) + "useradd ${a//[a-z]*y/z}").SetName("Pattern replacement");
        yield return new TestCaseData(Repeat("|| ;; ) } fi done esac && & ; ", 50_000)).SetName("Stray operators");
    }

    [TestCaseSource(nameof(DeepInputs))]
    public void Hostile_script_is_read_quickly(string script)
    {
        var watch = Stopwatch.StartNew();
        AccountChanges? changes = null;

        Assert.DoesNotThrow(() => changes = AccountCommandReader.ReadScript(script, AccountFormat.Lookup));

        Assert.That(watch.Elapsed, Is.LessThan(Limit));
        Assert.That(changes, Is.Not.Null);
    }

    [Test]
    public void Deep_nesting_is_reported_as_unresolved()
    {
        var script = Repeat("$(", 1000) + "useradd x" + Repeat(")", 1000);

        var changes = AccountCommandReader.ReadScript(script, AccountFormat.Lookup);

        Assert.That(changes.HasUnresolvedAccounts, Is.True);
    }

    [Test]
    public void Deepest_nesting_fits_a_small_thread_stack()
    {
        // Function calls nested past the limit, each body nesting every kind of construct: the layers multiply,
        // and the runtime's stack check cannot see the real size of a small custom stack on Linux.
        static string Nest(string inner, int levels)
        {
            var open = new StringBuilder();
            var close = new StringBuilder();
            string[] opens = { "\"$(", "${a:-", "$( { ", "$( ( " };
            string[] closes = { ")\"", "}", "; } )", " ) )" };
            for (var i = 0; i < levels; i++)
            {
                open.Append(opens[i % opens.Length]);
                close.Insert(0, closes[i % closes.Length]);
            }

            return open + inner + close;
        }

        var script = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            script.Append("f").Append(i).Append("() { echo ").Append(Nest("f" + (i + 1), 16)).Append("; }\n");
        }

        script.Append("f20() { useradd deepest; }\nf0\n");
        AccountChanges? changes = null;
        var thread = new Thread(() => changes = AccountCommandReader.ReadScript(script.ToString(), AccountFormat.Lookup), 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.That(changes?.HasUnresolvedAccounts, Is.True);
    }

    [Test]
    public void Exponential_function_is_cut_short_and_flagged()
    {
        var changes = AccountCommandReader.ReadScript("f() { useradd app; f; f; }; f", AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(AccountFormat.Users(changes), Is.EqualTo("app"));
            Assert.That(changes.HasUnresolvedAccounts, Is.True);
        });
    }

    [Test]
    public void One_megabyte_script_is_linear()
    {
        var script = new StringBuilder();
        var count = 0;
        while (script.Length < 1 << 20)
        {
            script.Append("useradd -m -u ").Append(1000 + count).Append(" \"user").Append(count).Append("\" && echo 'x' # c\n");
            count++;
        }

        var watch = Stopwatch.StartNew();
        var changes = AccountCommandReader.ReadScript(script.ToString(), AccountFormat.Lookup);
        var elapsed = watch.Elapsed;

        TestContext.Out.WriteLine($"{script.Length} chars, {count} commands: {elapsed.TotalMilliseconds:F0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(changes.UsersCreated, Has.Count.EqualTo(count));
            Assert.That(changes.HasUnresolvedAccounts, Is.False);
            Assert.That(elapsed, Is.LessThan(Limit));
        });
    }

    [Test]
    public void One_megabyte_here_document_is_linear()
    {
        var body = new StringBuilder();
        for (var i = 0; body.Length < 1 << 20; i++)
        {
            body.Append("u").Append(i).Append(":x:").Append(i).Append(':').Append(i).Append("::/home/u").Append(i).Append(":/bin/sh\n");
        }

        var watch = Stopwatch.StartNew();
        var changes = AccountCommandReader.ReadScript("cat >> /etc/passwd <<EOF\n" + body + "EOF\n", AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(changes.UsersCreated, Has.Count.GreaterThan(20_000));
            Assert.That(watch.Elapsed, Is.LessThan(Limit));
        });
    }

    [Test]
    public void Random_input_never_throws()
    {
        const string alphabet = " \t\n;&|()<>{}$`'\"\\#=:-_/*?![]%^,@~aeuxy0123456789";
        var fragments = new[]
        {
            "useradd ", "adduser ", "groupadd ", "addgroup ", "-u ", "-g ", "--system ", "/etc/passwd", "<<EOF\n",
            "EOF\n", "$(", "${", ":-", "case ", " in ", "esac", "if ", "then ", "fi", "for ", "do ", "done", "sh -c ",
            "eval ", "cmd /c ", "powershell -Command ", "net user ", "New-LocalUser ", "xargs ", "tee -a ", "printf '%s\\n' ",
        };
        var random = new Random(20240601);
        for (var round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 120);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.Next(4) == 0 ? fragments[random.Next(fragments.Length)] : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var script = text.ToString();
            Assert.DoesNotThrow(() => AccountCommandReader.ReadScript(script, AccountFormat.Lookup), script);
            Assert.DoesNotThrow(() => AccountCommandReader.ReadExec(script.Split(' '), AccountFormat.Lookup), script);
        }
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
