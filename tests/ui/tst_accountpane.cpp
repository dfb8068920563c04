#include "account/accountpane.h"
#include "authsession.h"
#include "connectionsettings.h"
#include "embeddedsandbox.h"
#include "secretstore.h"
#include "tokenset.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

class TestAccountPane : public QObject
{
    Q_OBJECT

private:
    EmbeddedSandbox m_sandbox;
    QNetworkAccessManager m_network;

    template<typename T>
    static T *child(QWidget &pane, const char *name)
    {
        return pane.findChild<T *>(QLatin1String(name));
    }

    // Tokens from the sandbox's control API.
    TokenSet sandboxTokens()
    {
        TokenSet set;
        QNetworkRequest request(
            m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/sandbox/control/tokens"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.post(request, QByteArrayLiteral("{}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return set;
        const QJsonObject tokens = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        set.accessToken = tokens.value(u"access_token").toString();
        set.refreshToken = tokens.value(u"refresh_token").toString();
        set.expiresAt = QDateTime::currentDateTimeUtc().addSecs(tokens.value(u"expires_in").toInt());
        set.account = QStringLiteral("admin@contoso.example");
        return set;
    }

    // A secret store that says it survives the process, as the system's does.
    class PersistentStore : public MemorySecretStore
    {
    public:
        bool isPersistent() const override { return true; }
    };

    static std::optional<QString> readSecret(SecretStore &store, const QString &key)
    {
        std::optional<QString> result;
        bool done = false;
        QObject context;
        store.read(key, &context, [&](std::optional<QString> secret, const QString &) {
            result = secret;
            done = true;
        });
        (void)QTest::qWaitFor([&done] { return done; }, 5000);
        return result;
    }

private slots:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void showsTheSignedOutState()
    {
        MemorySecretStore secrets;
        AuthSession session(&m_network, &secrets);
        session.setSettings(ConnectionSettings::sandboxDefaults(m_sandbox.baseUrl()));
        AccountPane pane(&session);
        QSignalSpy signIn(&pane, &AccountPane::signInRequested);
        QCOMPARE(child<QLabel>(pane, "accountValue")->text(), QStringLiteral("Not signed in"));
        QCOMPARE(child<QLabel>(pane, "authorityValue")->text(), m_sandbox.authorityUrl().toString());
        QCOMPARE(child<QLabel>(pane, "secretStoreValue")->text(), secrets.status());
        QVERIFY(!child<QPushButton>(pane, "signInButton")->isHidden());
        QVERIFY(child<QPushButton>(pane, "signOutButton")->isHidden());
        QTest::mouseClick(child<QPushButton>(pane, "signInButton"), Qt::LeftButton);
        QCOMPARE(signIn.size(), 1);
    }

    void connectionSettingsAreValidatedAndSaved()
    {
        MemorySecretStore secrets;
        AuthSession session(&m_network, &secrets);
        session.setSettings(ConnectionSettings::sandboxDefaults(m_sandbox.baseUrl()));
        AccountPane pane(&session);
        QSignalSpy saved(&pane, &AccountPane::settingsSaved);
        auto *save = child<QPushButton>(pane, "saveButton");
        auto *validation = child<QLabel>(pane, "validationLabel");
        QVERIFY(!save->isEnabled()); // nothing changed

        auto *authority = child<QLineEdit>(pane, "authorityEdit");
        authority->setText(QStringLiteral("http://login.example.org/contoso")); // plain http to a remote host
        QVERIFY(!save->isEnabled());
        QVERIFY(!validation->isHidden());
        QVERIFY(!validation->text().isEmpty());
        authority->setText(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com"));
        child<QLineEdit>(pane, "apiBaseEdit")->setText(QStringLiteral("https://api.ci.ai.dynamics.com/v1"));
        QVERIFY2(validation->isHidden(), qPrintable(validation->text()));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(session.settings().authority,
                 QUrl(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com")));
        QVERIFY(!save->isEnabled());

        child<QLineEdit>(pane, "clientIdEdit")->setText(QStringLiteral("other"));
        QTest::mouseClick(child<QPushButton>(pane, "revertButton"), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(pane, "clientIdEdit")->text(), ConnectionSettings::defaultClientId());
    }

    void showsTheSignedInAccountAndSignsOut()
    {
        MemorySecretStore secrets;
        AuthSession session(&m_network, &secrets);
        session.setSettings(ConnectionSettings::sandboxDefaults(m_sandbox.baseUrl()));
        AccountPane pane(&session);

        session.adopt(sandboxTokens()); // as after an interactive sign-in

        QCOMPARE(child<QLabel>(pane, "accountValue")->text(), QStringLiteral("admin@contoso.example"));
        QCOMPARE(child<QLabel>(pane, "stateValue")->text(),
                 QStringLiteral("Signed in as admin@contoso.example"));
        QVERIFY(child<QPushButton>(pane, "signInButton")->isHidden());
        QTest::mouseClick(child<QPushButton>(pane, "signOutButton"), Qt::LeftButton);
        QCOMPARE(session.state(), AuthSession::State::SignedOut);
        QCOMPARE(child<QLabel>(pane, "accountValue")->text(), QStringLiteral("Not signed in"));
        QTRY_VERIFY(secrets.keys().isEmpty());
    }

    // The subscription key: stored or missing, and replaced from the pane (saved once signed in).
    void showsAndReplacesTheSubscriptionKey()
    {
        PersistentStore secrets;
        const ConnectionSettings settings = ConnectionSettings::sandboxDefaults(m_sandbox.baseUrl());
        AuthSession session(&m_network, &secrets);
        session.setSettings(settings);
        AccountPane pane(&session);
        auto *status = child<QLabel>(pane, "subscriptionKeyValue");
        QTRY_COMPARE(status->text(), QStringLiteral("Missing"));
        auto *edit = child<QLineEdit>(pane, "subscriptionKeyEdit");
        auto *replace = child<QPushButton>(pane, "replaceKeyButton");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!replace->isEnabled());
        QTest::keyClicks(edit, QStringLiteral("new-key"));
        QVERIFY(replace->isEnabled());
        QTest::mouseClick(replace, Qt::LeftButton);
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(session.subscriptionKey(), QStringLiteral("new-key"));
        QVERIFY(status->text().startsWith(QLatin1String("Not stored yet")));
        QVERIFY(!readSecret(secrets, settings.subscriptionKeySecretKey()).has_value());

        session.adopt(sandboxTokens());
        QTRY_COMPARE(status->text(), QStringLiteral("Stored"));
        QCOMPARE(readSecret(secrets, settings.subscriptionKeySecretKey()),
                 std::optional(QStringLiteral("new-key")));

        // The next start reads it.
        AuthSession next(&m_network, &secrets);
        next.setSettings(settings);
        AccountPane again(&next);
        QTRY_COMPARE(child<QLabel>(again, "subscriptionKeyValue")->text(), QStringLiteral("Stored"));
        QCOMPARE(next.subscriptionKey(), QStringLiteral("new-key"));
    }
};

QTEST_MAIN(TestAccountPane)
#include "tst_accountpane.moc"
