using System.Globalization;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tests.Knowledge;

/// <summary>Lookups in the built-in catalog and the checks the table-driven tests share.</summary>
internal static class CatalogAssertions
{
    /// <summary>The built-in entry for <paramref name="image"/>; fails the test when the image is unknown.</summary>
    public static BaseImageInfo Find(string image)
    {
        Assert.That(ImageReference.TryParse(image, out var reference, out var error), Is.True, error);
        var info = BaseImageCatalog.BuiltIn.Find(reference!);
        Assert.That(info, Is.Not.Null, $"{image} should be known");
        return info!;
    }

    /// <summary>Fails unless the built-in catalog deliberately knows nothing about <paramref name="image"/>.</summary>
    public static void IsUnknown(string image)
    {
        Assert.That(ImageReference.TryParse(image, out var reference, out var error), Is.True, error);
        Assert.That(BaseImageCatalog.BuiltIn.Find(reference!), Is.Null, $"{image} should be unknown");
    }

    /// <summary>
    /// Checks one row of a lookup table: the default user (null = root), whether the accounts are known, users that
    /// must be present ("name" or "name:uid"), users that must be absent, and the exact ENV ("" = none).
    /// </summary>
    public static void Knows(string image, string? runsAs, bool accountsKnown, string present, string absent, string env)
    {
        var info = Find(image);
        Assert.Multiple(() =>
        {
            Assert.That(info.DefaultUser, Is.EqualTo(runsAs), "default user");
            Assert.That(info.AccountsKnown, Is.EqualTo(accountsKnown), "accounts known");
            foreach (var expected in List(present))
            {
                var name = expected.Split(':')[0];
                var user = info.Users.FirstOrDefault(u => u.Name == name);
                Assert.That(user, Is.Not.Null, $"user {name} should be present");
                if (user is not null && expected.Contains(':'))
                {
                    Assert.That(user.Uid, Is.EqualTo(int.Parse(expected.Split(':')[1], CultureInfo.InvariantCulture)), $"uid of {name}");
                }
            }

            foreach (var name in List(absent))
            {
                Assert.That(info.Users.Select(u => u.Name), Does.Not.Contain(name), $"user {name} should be absent");
            }

            var expectedEnv = List(env).ToDictionary(e => e.Split('=')[0], e => e.Split('=')[1]);
            Assert.That(info.Environment, Is.EquivalentTo(expectedEnv), "environment");
            Assert.That(info.Source, Is.Not.Empty, "source");
        });
    }

    public static IEnumerable<string> List(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
