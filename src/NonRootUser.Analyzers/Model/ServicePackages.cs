using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Model;

/// <summary>
/// Packages whose install scripts create a system user for their service (apk add nginx creates user nginx). After
/// installing one, the accounts are no longer fully known, so no user is claimed missing.
/// </summary>
internal static class ServicePackages
{
    private static readonly string[] Prefixes =
    {
        "nginx", "apache2", "httpd", "lighttpd", "postgresql", "postgres", "mysql", "mariadb", "redis", "valkey",
        "memcached", "mongodb", "rabbitmq", "openssh", "ssh", "squid", "dnsmasq", "tor", "haproxy", "varnish",
        "chrony", "ntp", "tomcat", "jetty", "elasticsearch", "opensearch", "clamav", "postfix", "exim", "dovecot",
        "bind9", "bind", "unbound", "vsftpd", "proftpd", "samba", "cups", "avahi", "dbus", "polkit", "systemd",
        "pulseaudio", "colord", "mosquitto", "grafana", "prometheus", "influxdb", "telegraf", "jenkins", "gitlab",
        "git-daemon", "subversion", "couchdb", "cassandra", "zookeeper", "kafka", "php-fpm", "php8", "php7", "uwsgi",
        "supervisor", "docker", "containerd", "podman", "openldap", "slapd", "krb5",
        "freeradius", "icecast", "mpd", "transmission", "sonarr", "plex", "asterisk", "coturn", "nut", "zabbix",
    };

    public static bool CreateAccounts(IReadOnlyList<string> packages)
    {
        foreach (var package in packages)
        {
            foreach (var prefix in Prefixes)
            {
                if (package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
