#include "appsettings.h"
#include "connectionsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

ConnectionSettings entra()
{
    ConnectionSettings settings;
    settings.authority = QUrl(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com"));
    settings.apiBase = QUrl(QStringLiteral("https://api.ci.ai.dynamics.com/v1"));
    return settings;
}

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const ConnectionSettings settings;
        QCOMPARE(settings.clientId, QStringLiteral("insights-admin"));
        QCOMPARE(settings.scopes,
                 (QStringList{QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation"),
                              QStringLiteral("offline_access"), QStringLiteral("openid")}));
        QVERIFY(!settings.validate().isEmpty()); // no authority, no API base
    }

    void sandboxDefaults()
    {
        const auto settings =
            ConnectionSettings::sandboxDefaults(QUrl(QStringLiteral("http://127.0.0.1:8123")));
        QCOMPARE(settings.authority, QUrl(QStringLiteral("http://127.0.0.1:8123/contoso")));
        QCOMPARE(settings.apiBase, QUrl(QStringLiteral("http://127.0.0.1:8123/v1")));
        QCOMPARE(settings.validate(), QStringList());
        QCOMPARE(settings.discoveryUrls().value(0),
                 QUrl(QStringLiteral("http://127.0.0.1:8123/contoso/v2.0/.well-known/openid-configuration")));
        QCOMPARE(settings.discoveryUrls().value(1),
                 QUrl(QStringLiteral("http://127.0.0.1:8123/contoso/.well-known/openid-configuration")));
        QCOMPARE(settings.secretKey(), QStringLiteral("refresh-token/insights-admin@127.0.0.1:8123/contoso"));
        // A trailing slash on the base does not double it.
        QCOMPARE(
            ConnectionSettings::sandboxDefaults(QUrl(QStringLiteral("http://127.0.0.1:8123/"))).authority,
            settings.authority);
    }

    void realTenantIsValid()
    {
        QCOMPARE(entra().validate(), QStringList());
        QCOMPARE(
            entra().secretKey(),
            QStringLiteral("refresh-token/insights-admin@login.microsoftonline.com/contoso.onmicrosoft.com"));
    }

    void validate_data()
    {
        QTest::addColumn<ConnectionSettings>("settings");
        QTest::addColumn<QString>("mentions"); // the field the message names

        ConnectionSettings s = entra();
        s.authority = QUrl(QStringLiteral("http://login.example.com/t"));
        QTest::addRow("http authority") << s << QStringLiteral("Authority URL must use https://");
        s = entra();
        s.authority = QUrl(QStringLiteral("ftp://login.example.com/t"));
        QTest::addRow("ftp authority") << s << QStringLiteral("Authority URL must start with https://");
        s = entra();
        s.authority = QUrl(QStringLiteral("login.example.com"));
        QTest::addRow("no scheme") << s << QStringLiteral("Authority URL is not a valid URL");
        s = entra();
        s.authority = QUrl();
        QTest::addRow("no authority") << s << QStringLiteral("Authority URL is required");
        s = entra();
        s.authority = QUrl(QStringLiteral("https://login.example.com/t?x=1"));
        QTest::addRow("authority query") << s << QStringLiteral("Authority URL must not contain a query");
        s = entra();
        s.authority = QUrl(QStringLiteral("https://user:pw@login.example.com/t"));
        QTest::addRow("user info") << s << QStringLiteral("Authority URL must not contain a user name");
        s = entra();
        s.tokenUrl = QUrl(QStringLiteral("https://login.example.com/token"));
        QTest::addRow("token without authorize")
            << s << QStringLiteral("Authorize URL and token URL go together");
        s = entra();
        s.authorizeUrl = QUrl(QStringLiteral("https://login.example.com/authorize"));
        s.tokenUrl = QUrl(QStringLiteral("http://login.example.com/token"));
        QTest::addRow("http token url") << s << QStringLiteral("Token URL must use https://");
        s = entra();
        s.clientId.clear();
        QTest::addRow("no client id") << s << QStringLiteral("Client ID is required");
        s = entra();
        s.clientId = QStringLiteral("a b");
        QTest::addRow("client id with space") << s << QStringLiteral("Client ID must not contain spaces");
        s = entra();
        s.scopes.clear();
        QTest::addRow("no scopes") << s << QStringLiteral("At least one scope is required");
        s = entra();
        s.scopes = QStringList{QStringLiteral("openid"), QString()};
        QTest::addRow("empty scope") << s << QStringLiteral("Scopes must be separated by spaces");
        s = entra();
        s.apiBase = QUrl();
        QTest::addRow("no api") << s << QStringLiteral("API base URL is required");
        s = entra();
        s.apiBase = QUrl(QStringLiteral("http://api.example.com/v1"));
        QTest::addRow("http api") << s << QStringLiteral("API base URL must use https://");
    }

    void validate()
    {
        QFETCH(ConnectionSettings, settings);
        QFETCH(QString, mentions);
        const QStringList problems = settings.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(mentions), qPrintable(problems.first()));
    }

    void loopbackHttpIsAllowed_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("acceptable");
        QTest::addRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:5000/contoso") << true;
        QTest::addRow("localhost") << QStringLiteral("http://localhost:5000/contoso") << true;
        QTest::addRow("[::1]") << QStringLiteral("http://[::1]:5000/contoso") << true;
        QTest::addRow("127.1.2.3") << QStringLiteral("http://127.1.2.3/contoso") << true;
        QTest::addRow("LAN") << QStringLiteral("http://192.168.1.2/contoso") << false;
        QTest::addRow("localhost.evil") << QStringLiteral("http://localhost.evil.com/contoso") << false;
        QTest::addRow("https anywhere") << QStringLiteral("https://example.com/x") << true;
    }

    void loopbackHttpIsAllowed()
    {
        QFETCH(QString, url);
        QFETCH(bool, acceptable);
        QCOMPARE(isAcceptableEndpoint(QUrl(url)), acceptable);
    }

    void explicitEndpointsWithoutAuthority()
    {
        ConnectionSettings s = entra();
        s.authority = QUrl();
        s.authorizeUrl = QUrl(QStringLiteral("https://idp.example.com/oauth/authorize"));
        s.tokenUrl = QUrl(QStringLiteral("https://idp.example.com/oauth/token"));
        QCOMPARE(s.validate(), QStringList());
        QVERIFY(s.hasExplicitEndpoints());
        QVERIFY(s.discoveryUrls().isEmpty());
        QCOMPARE(s.secretKey(), QStringLiteral("refresh-token/insights-admin@idp.example.com/oauth/token"));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("a.ini")));
        ConnectionSettings original = entra();
        original.authorizeUrl = QUrl(QStringLiteral("https://idp.example.com/authorize?p=policy"));
        original.tokenUrl = QUrl(QStringLiteral("https://idp.example.com/token"));
        original.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        original.scopes = {QStringLiteral("api://x/.default"), QStringLiteral("offline_access")};
        original.save(settings);
        settings.sync();
        QCOMPARE(QSettings(dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat)
                     .value(QStringLiteral("connection/clientId"))
                     .toString(),
                 original.clientId);

        const AppSettings reread(dir.filePath(QStringLiteral("a.ini")));
        QCOMPARE(ConnectionSettings::load(reread, ConnectionSettings()), original);
    }

    void loadTakesMissingValuesFromDefaults()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("b.ini")));
        settings.setValue(AppSettings::Key::ClientId, QStringLiteral("other"));
        const auto defaults = ConnectionSettings::sandboxDefaults(QUrl(QStringLiteral("http://127.0.0.1:1")));
        const ConnectionSettings loaded = ConnectionSettings::load(settings, defaults);
        QCOMPARE(loaded.clientId, QStringLiteral("other"));
        QCOMPARE(loaded.authority, defaults.authority);
        QCOMPARE(loaded.apiBase, defaults.apiBase);
        QCOMPARE(loaded.scopes, defaults.scopes);
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
