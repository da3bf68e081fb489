using NonRootUser.Analyzers.Shell;

namespace NonRootUser.Analyzers.Tests.Shell;

/// <summary>When a script may create accounts that cannot be listed, it says so instead of guessing.</summary>
public class AccountUncertaintyTests
{
    // replaced: the account files are rewritten opaquely; unresolved: a name could not be computed;
    // opaque: a script file we cannot read runs.
    [TestCase("cp /tmp/passwd /etc/passwd", true, false, false)]
    [TestCase("cp -a /rootfs/etc/group /etc/group", true, false, false)]
    [TestCase("mv /etc/passwd.new /etc/passwd", true, false, false)]
    [TestCase("cp passwd group /etc/", true, false, false)]
    [TestCase("cp -t /etc /build/passwd", true, false, false)]
    [TestCase("ln -sf /data/passwd /etc/passwd", true, false, false)]
    [TestCase("install -m 644 passwd /etc/passwd", true, false, false)]
    [TestCase("rsync -a /staging/passwd /etc/passwd", true, false, false)]
    [TestCase("sed -i 's/1000/2000/' /etc/passwd", true, false, false)]
    [TestCase("sed -ri 's/a/b/' /etc/group", true, false, false)]
    [TestCase("sed -e 's/a/b/' -i /etc/passwd", true, false, false)]
    [TestCase("sed --in-place=.bak 's/a/b/' /etc/passwd", true, false, false)]
    [TestCase("perl -pi -e 's/a/b/' /etc/passwd", true, false, false)]
    [TestCase("cat /tmp/passwd >> /etc/passwd", true, false, false)]
    [TestCase("generate-users > /etc/passwd", true, false, false)]
    [TestCase(": > /etc/group", true, false, false)]
    [TestCase("> /etc/passwd", true, false, false)]
    [TestCase("tee /etc/passwd < /tmp/passwd", true, false, false)]
    [TestCase("dd if=/tmp/p of=/etc/passwd", true, false, false)]
    [TestCase("systemd-sysusers", true, false, false)]
    [TestCase("rm -f /etc/group", true, false, false)]
    [TestCase("newusers /tmp/users.txt", true, false, false)]
    [TestCase("cp /etc/passwd /tmp/passwd.bak", false, false, false)]
    [TestCase("sed 's/a/b/' /etc/passwd > /tmp/x", false, false, false)]
    [TestCase("chmod 644 /etc/passwd", false, false, false)]
    [TestCase("grep -q app /etc/passwd || echo missing", false, false, false)]
    [TestCase("awk -F: '{print $1}' /etc/passwd", false, false, false)]
    [TestCase("useradd $NAME", false, true, false)]
    [TestCase("useradd \"$(cat /name)\"", false, true, false)]
    [TestCase("adduser --disabled-password ${NO_SUCH_USER}", false, true, false)]
    [TestCase("groupadd `cat /etc/wanted-group`", false, true, false)]
    [TestCase("$CMD app", false, true, false)]
    [TestCase("while read u; do useradd $u; done < users.txt", false, true, false)]
    [TestCase("xargs -n1 useradd < users.txt", false, true, false)]
    [TestCase("echo \"$NAME:x:1000:1000::/:/bin/sh\" >> /etc/passwd", false, true, false)]
    [TestCase("f() { f; f; }; f", false, true, false)]
    [TestCase("./setup.sh", false, false, true)]
    [TestCase("bash /tmp/install.sh", false, false, true)]
    [TestCase("sh -x create-users.sh", false, false, true)]
    [TestCase(". /etc/os-release", false, false, true)]
    [TestCase("curl -fsSL https://example.com/install | sh", false, false, true)]
    [TestCase("/usr/local/bin/docker-entrypoint.sh", false, false, true)]
    [TestCase("sh -c \"$(curl -fsSL https://example.com/install.sh)\"", false, false, true)]
    [TestCase("exec >> /etc/passwd; echo 'x:x:1:1::/:/bin/sh'", true, false, false)]
    [TestCase("useradd app", false, false, false)]
    [TestCase("$JAVA_HOME/bin/keytool -list", false, false, false)]
    public void Flags_what_cannot_be_read(string script, bool replaced, bool unresolved, bool opaque)
    {
        var changes = AccountCommandReader.ReadScript(script, AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(changes.AccountDatabaseReplaced, Is.EqualTo(replaced), "replaced");
            Assert.That(changes.HasUnresolvedAccounts, Is.EqualTo(unresolved), "unresolved");
            Assert.That(changes.RunsOpaqueScripts, Is.EqualTo(opaque), "opaque script");
            Assert.That(changes.MayCreateUnlistedAccounts, Is.EqualTo(replaced || unresolved || opaque));
        });
    }

    [Test]
    public void An_unresolved_name_records_nothing_for_it()
    {
        var changes = AccountCommandReader.ReadScript("groupadd -g 1000 g && useradd -g g \"$WHO\"", AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(AccountFormat.Users(changes), Is.Empty);
            Assert.That(AccountFormat.Groups(changes), Is.EqualTo("g:1000"));
            Assert.That(changes.HasUnresolvedAccounts, Is.True);
        });
    }

    [TestCase("userdel -r ubuntu && useradd -u 1000 -m app", "app:1000", "app", "ubuntu", "ubuntu")]
    [TestCase("userdel --remove ubuntu; groupdel ubuntu", "", "", "ubuntu", "ubuntu")]
    [TestCase("useradd tmp && userdel tmp", "", "", "tmp", "tmp")]
    [TestCase("userdel app && useradd app", "app", "app", "", "")]
    [TestCase("deluser --remove-home old && delgroup oldgroup", "", "", "old", "oldgroup")]
    [TestCase("deluser --group legacy", "", "", "", "legacy")]
    [TestCase("deluser app sudo", "", "", "", "")]
    [TestCase("delgroup app docker", "", "", "", "")]
    [TestCase("userdel -R /mnt/root old", "", "", "", "")]
    public void Reads_deletions(string script, string users, string groups, string usersDeleted, string groupsDeleted)
    {
        var changes = AccountCommandReader.ReadScript(script, AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(AccountFormat.Users(changes), Is.EqualTo(users), "users");
            Assert.That(AccountFormat.Groups(changes), Is.EqualTo(groups), "groups");
            Assert.That(string.Join(", ", changes.UsersDeleted), Is.EqualTo(usersDeleted), "users deleted");
            Assert.That(string.Join(", ", changes.GroupsDeleted), Is.EqualTo(groupsDeleted), "groups deleted");
        });
    }

    [TestCase("apt-get update && apt-get install -y --no-install-recommends nginx curl=7.88.1-10", "nginx, curl")]
    [TestCase("apk add --no-cache --virtual .build-deps gcc musl-dev", "gcc, musl-dev")]
    [TestCase("dnf install -y postgresql-server && dnf clean all", "postgresql-server")]
    [TestCase("microdnf install -y shadow-utils", "shadow-utils")]
    [TestCase("zypper --non-interactive install redis", "redis")]
    [TestCase("apt-get remove -y nginx", "")]
    [TestCase("apt-get install -y ./local.deb", "")]
    public void Lists_installed_packages(string script, string packages)
    {
        var changes = AccountCommandReader.ReadScript(script, AccountFormat.Lookup);

        Assert.That(string.Join(", ", changes.PackagesInstalled), Is.EqualTo(packages));
    }
}
