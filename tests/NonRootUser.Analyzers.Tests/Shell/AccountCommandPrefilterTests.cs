using NonRootUser.Analyzers.Shell;

namespace NonRootUser.Analyzers.Tests.Shell;

/// <summary>The prefilter may only skip scripts in which the reader would find nothing.</summary>
public class AccountCommandPrefilterTests
{
    [TestCase("useradd -r app")]
    [TestCase("/usr/sbin/groupadd web")]
    [TestCase("adduser -D app")]
    [TestCase("addgroup -S web")]
    [TestCase("echo 'svc:x:1001:1001::/:/bin/false' >> /etc/passwd")]
    [TestCase("printf 'web:x:1001:' | tee -a /etc/group")]
    [TestCase("cp passwd.new /etc/passwd")]
    [TestCase("apt-get install -y nginx")]
    [TestCase("apk add --no-cache postgresql")]
    [TestCase("microdnf install -y httpd")]
    [TestCase("./create-users.sh")]
    [TestCase("bash setup")]
    [TestCase("net user appuser /add")]
    [TestCase("New-LocalUser -Name app")]
    [TestCase("$CREATE app")]
    [TestCase("`which useradd` app")]
    [TestCase("for u in a b; do true; done")]
    [TestCase("eval \"$CMD\"")]
    [TestCase(". ./env")]
    [TestCase("u\\seradd app")]
    [TestCase("use\"r\"add app")]
    public void Sends_anything_that_may_touch_accounts_to_the_reader(string script) =>
        Assert.That(AccountCommandPrefilter.MayMatter(script), Is.True);

    [TestCase("dotnet restore")]
    [TestCase("dotnet build -c Release -o /app/out /p:UseAppHost=false")]
    [TestCase("mkdir -p /app && chmod 755 /app")]
    [TestCase("rm -rf /var/lib/cache")]
    [TestCase("curl -fsSL https://example.com/x -o /tmp/x")]
    public void Skips_scripts_that_cannot(string script)
    {
        Assert.That(AccountCommandPrefilter.MayMatter(script), Is.False);
        var changes = AccountCommandReader.ReadScript(script, _ => null);
        Assert.That(changes.UsersCreated, Is.Empty);
        Assert.That(changes.GroupsCreated, Is.Empty);
        Assert.That(changes.MayCreateUnlistedAccounts, Is.False);
        Assert.That(changes.PackagesInstalled, Is.Empty);
    }
}
