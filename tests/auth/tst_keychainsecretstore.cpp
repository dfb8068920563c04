#include "authsession.h"
#include "pkce.h"
#include "secretstore.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The real OS secret store (Secret Service via QtKeychain). CTest runs this under
// tests/support/with-keyring.sh: a private D-Bus session with an unlocked gnome-keyring.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

    template<typename Call>
    static bool finish(Call call)
    {
        bool done = false;
        call(done);
        return QTest::qWaitFor([&done] { return done; }, 15000);
    }

    // What the Secret Service itself holds for `key` (QtKeychain's libsecret attributes), via secret-tool.
    static std::optional<QString> lookUp(const QString &key)
    {
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                    KeychainSecretStore::serviceName()});
        if (!tool.waitForFinished(15000) || tool.exitCode() != 0)
            return std::nullopt;
        return QString::fromUtf8(tool.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            if (qEnvironmentVariableIsSet("INSIGHTS_EXPECT_KEYRING"))
                QFAIL("no D-Bus session: run me under tests/support/with-keyring.sh");
            QSKIP("no D-Bus session: run me under tests/support/with-keyring.sh");
        }
    }

    void probeChoosesTheKeychain()
    {
        QObject owner;
        SecretStore *chosen = nullptr;
        SecretStoreProbe::probe(&owner, [&](SecretStore *store) { chosen = store; });
        QTRY_VERIFY_WITH_TIMEOUT(chosen, 15000);
        QVERIFY(qobject_cast<KeychainSecretStore *>(chosen));
        QVERIFY(chosen->isPersistent());
        QCOMPARE(chosen->status(), QStringLiteral("Remembered in the system secret store"));
    }

    void writeReadRemove()
    {
        KeychainSecretStore store;
        const QString key = QStringLiteral("test/") + QString::fromLatin1(Pkce::randomToken(6));
        const QString secret = QStringLiteral("s3cr3t-") + QString::fromLatin1(Pkce::randomToken(12));

        QVERIFY(finish([&](bool &done) {
            store.read(key, this, [&](std::optional<QString> value, const QString &error) {
                QVERIFY(!value);
                QVERIFY2(error.isEmpty(), qPrintable(error)); // missing is not an error
                done = true;
            });
        }));
        QVERIFY(finish([&](bool &done) {
            store.write(key, secret, this, [&](bool ok, const QString &error) {
                QVERIFY2(ok, qPrintable(error));
                done = true;
            });
        }));
        if (!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
            QCOMPARE(lookUp(key), std::optional<QString>(secret)); // really in the Secret Service

        // A second instance (as after a restart) reads it back.
        KeychainSecretStore again;
        QVERIFY(finish([&](bool &done) {
            again.read(key, this, [&](std::optional<QString> value, const QString &error) {
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QCOMPARE(value, std::optional<QString>(secret));
                done = true;
            });
        }));
        QVERIFY(finish([&](bool &done) {
            store.write(key, QStringLiteral("rotated"), this, [&](bool ok, const QString &) {
                QVERIFY(ok);
                done = true;
            });
        }));
        QVERIFY(finish([&](bool &done) {
            store.read(key, this, [&](std::optional<QString> value, const QString &) {
                QCOMPARE(value, std::optional<QString>(QStringLiteral("rotated")));
                done = true;
            });
        }));
        QVERIFY(finish([&](bool &done) {
            store.remove(key, this, [&](bool ok, const QString &error) {
                QVERIFY2(ok, qPrintable(error));
                done = true;
            });
        }));
        QVERIFY(finish([&](bool &done) {
            store.read(key, this, [&](std::optional<QString> value, const QString &) {
                QVERIFY(!value);
                done = true;
            });
        }));
        QVERIFY(finish([&](bool &done) {
            store.remove(key, this, [&](bool ok, const QString &error) {
                QVERIFY2(ok, qPrintable(error)); // removing a missing key succeeds
                done = true;
            });
        }));
    }

    // The session keeps its refresh token in the keychain and a sign-out removes it.
    void sessionRemembersAndForgets()
    {
        QNetworkAccessManager nam;
        KeychainSecretStore store;
        AuthSession session(&nam, &store);
        const auto settings = ConnectionSettings::sandboxDefaults(QUrl(QStringLiteral("http://127.0.0.1:9")));
        session.setSettings(settings);
        QSignalSpy status(&session, &AuthSession::secretStoreStatusChanged);
        TokenSet tokens;
        tokens.accessToken = QStringLiteral("AT");
        tokens.refreshToken = QStringLiteral("RT-") + QString::fromLatin1(Pkce::randomToken(12));
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        tokens.account = QStringLiteral("admin@contoso.example");
        session.adopt(tokens);
        QVERIFY(status.wait(15000));
        QVERIFY(session.remembersRefreshToken());
        QCOMPARE(session.secretStoreStatus(), QStringLiteral("Remembered in the system secret store"));

        std::optional<QString> stored;
        QVERIFY(finish([&](bool &done) {
            store.read(settings.secretKey(), this, [&](std::optional<QString> value, const QString &) {
                stored = value;
                done = true;
            });
        }));
        QVERIFY(stored && stored->contains(tokens.refreshToken));

        session.signOut();
        QVERIFY(status.wait(15000));
        QVERIFY(!session.remembersRefreshToken());
        QVERIFY(finish([&](bool &done) {
            store.read(settings.secretKey(), this, [&](std::optional<QString> value, const QString &) {
                QVERIFY(!value);
                done = true;
            });
        }));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
