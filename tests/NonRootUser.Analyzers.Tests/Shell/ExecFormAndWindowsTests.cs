using System.Text;
using NonRootUser.Analyzers.Shell;

namespace NonRootUser.Analyzers.Tests.Shell;

/// <summary>Exec-form RUN (argv), explicit SHELLs, cmd.exe and PowerShell.</summary>
public class ExecFormAndWindowsTests
{
    private static readonly object[] ExecCases =
    {
        new object[] { new[] { "useradd", "-u", "1000", "app" }, "app:1000", "app" },
        new object[] { new[] { "/usr/sbin/groupadd", "-g", "10001", "app" }, "", "app:10001" },
        new object[] { new[] { "/bin/sh", "-c", "groupadd -r app && useradd -r -g app app" }, "app", "app" },
        new object[] { new[] { "bash", "-c", "useradd -u \"$APP_UID\" app" }, "app:1654", "app" },
        // Exec form has no shell: "$USERNAME" reaches useradd unexpanded, which no account tool accepts as a name.
        new object[] { new[] { "useradd", "$USERNAME" }, "", "" },
        new object[] { new[] { "echo", "useradd app" }, "", "" },
        new object[] { new[] { "cmd", "/S", "/C", "net user app /add && net localgroup Administrators app /add" }, "app", "" },
        new object[] { new[] { "cmd", "/S", "/C", "\"net user app P@ssw0rd /add /passwordchg:no\"" }, "app", "" },
        new object[] { new[] { "cmd", "/C", "net user %APP_USER% /add" }, "svc", "" },
        new object[] { new[] { "cmd", "/C", "set NAME=ops && net user %NAME% /add" }, "", "" },
        new object[] { new[] { "cmd", "/C", "net localgroup devs /add" }, "", "devs" },
        new object[] { new[] { "cmd", "/C", "for %i in (a b) do net user %i /add" }, "", "" },
        new object[] { new[] { "C:\\Windows\\System32\\net.exe", "USER", "app", "/ADD" }, "app", "" },
        new object[] { new[] { "powershell", "-Command", "New-LocalUser -Name 'app' -NoPassword" }, "app", "" },
        new object[] { new[] { "powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';", "New-LocalUser app -Password (ConvertTo-SecureString 'x' -AsPlainText -Force) -Description \"App\"" }, "app", "" },
        new object[] { new[] { "pwsh", "-NoProfile", "-Command", "New-LocalGroup -Name devs; Add-LocalGroupMember -Group devs -Member app" }, "", "devs" },
        new object[] { new[] { "powershell", "-Command", "New-LocalUser -Name $env:APP_USER -NoPassword" }, "svc", "" },
        new object[] { new[] { "powershell", "-Command", "$name = 'ops'; New-LocalUser -Name \"$name\" -NoPassword" }, "ops", "" },
        new object[] { new[] { "powershell", "-Command", "New-LocalUser -Name app -NoPassword -WhatIf" }, "", "" },
        new object[] { new[] { "powershell", "-Command", "# New-LocalUser fake\nnet user real /add" }, "real", "" },
        new object[] { new[] { "powershell", "-Command", "if (-not (Get-LocalUser app -ErrorAction SilentlyContinue)) { New-LocalUser -Name app -NoPassword }" }, "app", "" },
        new object[] { new[] { "powershell", "-EncodedCommand", Convert.ToBase64String(Encoding.Unicode.GetBytes("New-LocalUser -Name enc -NoPassword")) }, "enc", "" },
        new object[] { new[] { "powershell", "-Command", "cmd /c 'net user nested /add'" }, "nested", "" },
    };

    [TestCaseSource(nameof(ExecCases))]
    public void Reads_exec_form(string[] argv, string users, string groups)
    {
        var changes = AccountCommandReader.ReadExec(argv, AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(AccountFormat.Users(changes), Is.EqualTo(users), "users");
            Assert.That(AccountFormat.Groups(changes), Is.EqualTo(groups), "groups");
        });
    }

    [Test]
    public void Cmd_set_then_use_in_a_later_line_is_read()
    {
        // cmd expands %NAME% when the whole line is read, so the same line's `set` is not yet visible: unknown.
        var changes = AccountCommandReader.ReadExec(new[] { "cmd", "/C", "set NAME=ops && net user %NAME% /add" }, AccountFormat.Lookup);

        Assert.That(changes.HasUnresolvedAccounts, Is.True);
    }

    [TestCase("powershell", "-Command", "New-LocalUser -Name $someVar -NoPassword")]
    [TestCase("powershell", "-Command", "$u = Get-Content users.txt; New-LocalUser $u")]
    [TestCase("cmd", "/C", "net user %NOT_SET% /add")]
    public void Unknown_windows_names_are_flagged(string shell, string flag, string script)
    {
        var changes = AccountCommandReader.ReadExec(new[] { shell, flag, script }, AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(changes.UsersCreated, Is.Empty);
            Assert.That(changes.HasUnresolvedAccounts, Is.True);
        });
    }

    [Test]
    public void Powershell_file_and_adsi_are_opaque()
    {
        var file = AccountCommandReader.ReadExec(new[] { "powershell", "-File", "C:\\setup.ps1" }, AccountFormat.Lookup);
        var adsi = AccountCommandReader.ReadExec(
            new[] { "powershell", "-Command", "$c = [ADSI]'WinNT://.'; $u = $c.Create('User', 'app'); $u.SetInfo()" },
            AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(file.RunsOpaqueScripts, Is.True);
            Assert.That(adsi.AccountDatabaseReplaced, Is.True);
        });
    }

    [Test]
    public void Shell_form_runs_under_the_stage_shell()
    {
        var cmd = AccountCommandReader.ReadShellForm("net user app /add", new[] { "cmd", "/S", "/C" }, AccountFormat.Lookup);
        var posix = AccountCommandReader.ReadShellForm("useradd app", null, AccountFormat.Lookup);
        var bash = AccountCommandReader.ReadShellForm("useradd -u $UID app", new[] { "/bin/bash", "-o", "pipefail", "-c" }, AccountFormat.Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(AccountFormat.Users(cmd), Is.EqualTo("app"));
            Assert.That(AccountFormat.Users(posix), Is.EqualTo("app"));
            Assert.That(AccountFormat.Users(bash), Is.EqualTo("app:1001"));
        });
    }

    [Test]
    public void Null_inputs_are_read_as_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AccountCommandReader.ReadScript(null!, null!).UsersCreated, Is.Empty);
            Assert.That(AccountCommandReader.ReadExec(null!, null!).UsersCreated, Is.Empty);
            Assert.That(AccountCommandReader.ReadExec(new string[0], _ => null).UsersCreated, Is.Empty);
            Assert.That(AccountCommandReader.ReadScript("useradd $X", _ => throw new InvalidOperationException()).HasUnresolvedAccounts, Is.True);
        });
    }
}
