#include "authsession.h"
#include "browserbot.h"
#include "embeddedsandbox.h"
#include "recordingnam.h"
#include "secretstore.h"
#include "signinflow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

using State = AuthSession::State;

std::optional<QString> readSecret(SecretStore &store, const QString &key)
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

QString storedRefreshToken(SecretStore &store, const QString &key)
{
    const auto secret = readSecret(store, key);
    return secret ? QJsonDocument::fromJson(secret->toUtf8()).object().value(u"refresh_token").toString()
                  : QString();
}

void writeSecret(SecretStore &store, const QString &key, const QString &value)
{
    bool done = false;
    QObject context;
    store.write(key, value, &context, [&](bool, const QString &) { done = true; });
    (void)QTest::qWaitFor([&done] { return done; }, 5000);
}

} // namespace

// The token lifecycle against the identity provider of a real insights-sandbox: adopt, refresh with
// rotation, reuse detection -> Expired, restart with a remembered token, sign-out.
class TestAuthSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<EmbeddedSandbox> m_sandbox;
    ConnectionSettings m_settings;

    // A full interactive sign-in, BrowserBot playing the browser.
    TokenSet signIn(const ConnectionSettings &settings)
    {
        RecordingNam nam;
        SignInFlow flow(&nam, settings);
        BrowserBot browser;
        flow.setBrowser(browser.asBrowser());
        QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
        flow.start();
        if (!signedIn.wait(10000))
            return {};
        return signedIn.first().first().value<TokenSet>();
    }

    // GET /v1/instances with the token: 200 when the API accepts it.
    int apiStatus(const QString &accessToken)
    {
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(m_sandbox->apiBaseUrl().toString() + QStringLiteral("/instances")));
        request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
        request.setRawHeader("Ocp-Apim-Subscription-Key", m_sandbox->subscriptionKey().toLatin1());
        QNetworkReply *reply = nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(5000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<EmbeddedSandbox>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_settings = ConnectionSettings::sandboxDefaults(m_sandbox->baseUrl());
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void refreshTime_data()
    {
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<int>("refreshAfter");
        QTest::addRow("1 h: at 80 percent") << 3600 << 2880;
        QTest::addRow("20 min: 5 min before") << 1200 << 900;
        QTest::addRow("6 min: half") << 360 << 180;
        QTest::addRow("60 s: half") << 60 << 30;
        QTest::addRow("expired") << 0 << 0;
    }

    void refreshTime()
    {
        QFETCH(int, lifetime);
        QFETCH(int, refreshAfter);
        const QDateTime issued(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        QCOMPARE(AuthSession::refreshTimeFor(issued, issued.addSecs(lifetime)), issued.addSecs(refreshAfter));
        QVERIFY(!AuthSession::refreshTimeFor(issued, QDateTime()).isValid());
    }

    void adoptKeepsTheRefreshTokenInTheStoreOnly()
    {
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(m_settings);
        QSignalSpy states(&session, &AuthSession::stateChanged);
        QSignalSpy accessTokens(&session, &AuthSession::accessTokenChanged);
        const TokenSet tokens = signIn(m_settings);
        QVERIFY(tokens.isValid());

        session.adopt(tokens);
        QCOMPARE(session.state(), State::SignedIn);
        QCOMPARE(session.accessToken(), tokens.accessToken);
        QCOMPARE(session.account(), QStringLiteral("admin@contoso.example"));
        QCOMPARE(session.expiresAt(), tokens.expiresAt);
        QCOMPARE(accessTokens.size(), 1);
        QVERIFY(session.nextRefreshAt() > QDateTime::currentDateTimeUtc().addSecs(2800));
        QTRY_COMPARE(storedRefreshToken(store, m_settings.secretKey()), tokens.refreshToken);
        const auto stored = readSecret(store, m_settings.secretKey());
        QVERIFY(!stored->contains(tokens.accessToken));
        QCOMPARE(store.keys(), QStringList{m_settings.secretKey()});
        QVERIFY(!session.remembersRefreshToken()); // memory only
        QCOMPARE(session.secretStoreStatus(), QStringLiteral("Not remembered: no secret store available"));
        QCOMPARE(apiStatus(session.accessToken()), 200);
    }

    void refreshRotatesTheRefreshToken()
    {
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(m_settings);
        const TokenSet tokens = signIn(m_settings);
        session.adopt(tokens);
        QSignalSpy accessTokens(&session, &AuthSession::accessTokenChanged);
        QSignalSpy states(&session, &AuthSession::stateChanged);

        session.refreshNow();
        QCOMPARE(session.state(), State::Refreshing);
        QVERIFY(accessTokens.wait(10000));
        QCOMPARE(session.state(), State::SignedIn);
        QVERIFY(session.accessToken() != tokens.accessToken);
        QCOMPARE(accessTokens.first().first().toString(), session.accessToken());
        QCOMPARE(session.account(), QStringLiteral("admin@contoso.example"));
        QTRY_VERIFY(storedRefreshToken(store, m_settings.secretKey()) != tokens.refreshToken);
        QVERIFY(!storedRefreshToken(store, m_settings.secretKey()).isEmpty());
        QCOMPARE(apiStatus(session.accessToken()), 200);

        // Rotation again from the new token.
        const QString second = storedRefreshToken(store, m_settings.secretKey());
        session.refreshNow();
        QVERIFY(accessTokens.wait(10000));
        QTRY_VERIFY(storedRefreshToken(store, m_settings.secretKey()) != second);

        const auto posts =
            nam.postsTo(QUrl(m_settings.authority.toString() + QStringLiteral("/oauth2/v2.0/token")));
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.first().body.contains("grant_type=refresh_token"));
    }

    void reusedRefreshTokenExpiresTheSession()
    {
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(m_settings);
        const TokenSet tokens = signIn(m_settings);
        session.adopt(tokens);
        QSignalSpy accessTokens(&session, &AuthSession::accessTokenChanged);
        session.refreshNow();
        QVERIFY(accessTokens.wait(10000));

        // Someone presents the old, already used refresh token (a copy): the provider revokes the family.
        MemorySecretStore stolen;
        writeSecret(stolen, m_settings.secretKey(), tokens.refreshToken);
        AuthSession thief(&nam, &stolen);
        thief.setSettings(m_settings);
        QSignalSpy thiefFailed(&thief, &AuthSession::refreshFailed);
        thief.restore();
        QTRY_COMPARE_WITH_TIMEOUT(thief.state(), State::Expired, 10000);
        QCOMPARE(thiefFailed.size(), 1);
        QCOMPARE(thiefFailed.first().first().value<SignInError>().kind, SignInError::Kind::InvalidGrant);
        QTRY_VERIFY(!readSecret(stolen, m_settings.secretKey()));

        // The legitimate session's next refresh is refused too: "Sign-in expired", sign in again.
        QSignalSpy failed(&session, &AuthSession::refreshFailed);
        session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Expired, 10000);
        QCOMPARE(failed.size(), 1);
        const auto error = failed.first().first().value<SignInError>();
        QCOMPARE(error.kind, SignInError::Kind::InvalidGrant);
        QCOMPARE(error.message, QStringLiteral("Your sign-in has expired. Sign in again."));
        QVERIFY(error.details.contains(QStringLiteral("invalid_grant")));
        QVERIFY(session.accessToken().isEmpty());
        QCOMPARE(session.account(), QStringLiteral("admin@contoso.example")); // for "Sign-in expired for ..."
        QCOMPARE(accessTokens.last().first().toString(), QString());
        QTRY_VERIFY(!readSecret(store, m_settings.secretKey()));

        // One click: a new sign-in is adopted.
        session.adopt(signIn(m_settings));
        QCOMPARE(session.state(), State::SignedIn);
    }

    void restartSignsInWithoutBrowser()
    {
        MemorySecretStore store; // outlives both sessions, like the OS secret store
        {
            RecordingNam nam;
            AuthSession first(&nam, &store);
            first.setSettings(m_settings);
            first.adopt(signIn(m_settings));
            QTRY_VERIFY(readSecret(store, m_settings.secretKey()).has_value());
        }

        RecordingNam nam;
        AuthSession second(&nam, &store);
        second.setSettings(m_settings);
        QSignalSpy states(&second, &AuthSession::stateChanged);
        second.restore();
        QCOMPARE(second.state(), State::Restoring);
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), State::SignedIn, 10000);
        QCOMPARE(second.account(), QStringLiteral("admin@contoso.example"));
        QCOMPARE(apiStatus(second.accessToken()), 200);
        for (const auto &request : std::as_const(nam.requests))
            QVERIFY2(!request.url.path().endsWith(QStringLiteral("/authorize")),
                     qPrintable(request.url.toString()));
    }

    void restoreWithNothingRemembered()
    {
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(m_settings);
        QSignalSpy states(&session, &AuthSession::stateChanged);
        session.restore();
        QTRY_COMPARE(session.state(), State::SignedOut);
        QCOMPARE(states.size(), 2); // Restoring, SignedOut
        QVERIFY(nam.requests.isEmpty());
    }

    void signOutForgetsEverything()
    {
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(m_settings);
        session.adopt(signIn(m_settings));
        session.signOut(); // right away: the pending write must not win over the removal
        QCOMPARE(session.state(), State::SignedOut);
        QVERIFY(session.accessToken().isEmpty());
        QVERIFY(session.account().isEmpty());
        QVERIFY(!session.expiresAt().isValid());
        QTRY_VERIFY(store.keys().isEmpty());
        QVERIFY(!readSecret(store, m_settings.secretKey()));
        session.refreshNow(); // nothing to refresh with
        QCOMPARE(session.state(), State::SignedOut);
    }

    void refreshesAheadOfExpiry()
    {
        SandboxOptions options;
        options.accessTokenLifetime = std::chrono::seconds(2);
        EmbeddedSandbox shortLived(options);
        QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
        const auto settings = ConnectionSettings::sandboxDefaults(shortLived.baseUrl());

        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(settings);
        const TokenSet tokens = signIn(settings);
        QVERIFY(tokens.isValid());
        session.adopt(tokens);
        QSignalSpy accessTokens(&session, &AuthSession::accessTokenChanged);
        QVERIFY(session.nextRefreshAt() < session.expiresAt());
        QVERIFY(accessTokens.wait(5000)); // by the timer, before the 2 s are up
        QVERIFY(session.accessToken() != tokens.accessToken);
        QCOMPARE(session.state(), State::SignedIn);
    }

    void networkFailureKeepsTheSession()
    {
        ConnectionSettings down = m_settings;
        down.authority = QUrl(QStringLiteral("http://127.0.0.1:1/contoso"));
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(down);
        TokenSet tokens;
        tokens.accessToken = QStringLiteral("AT");
        tokens.refreshToken = QStringLiteral("RT");
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        session.adopt(tokens);
        QSignalSpy failed(&session, &AuthSession::refreshFailed);
        session.refreshNow();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::Network);
        QCOMPARE(session.state(), State::SignedIn); // the access token is still good; retried later
        QCOMPARE(session.accessToken(), QStringLiteral("AT"));
        const qint64 retryIn = QDateTime::currentDateTimeUtc().secsTo(session.nextRefreshAt());
        QVERIFY2(retryIn >= 10 && retryIn <= 15, QByteArray::number(retryIn).constData());
        QVERIFY(readSecret(store, down.secretKey()).has_value());
    }

    void restoreWhileOfflineKeepsTheRememberedToken()
    {
        ConnectionSettings down = m_settings;
        down.authority = QUrl(QStringLiteral("http://127.0.0.1:1/contoso"));
        RecordingNam nam;
        MemorySecretStore store;
        writeSecret(store, down.secretKey(), QStringLiteral("{\"refresh_token\":\"RT\"}"));
        AuthSession session(&nam, &store);
        session.setSettings(down);
        QSignalSpy failed(&session, &AuthSession::refreshFailed);
        session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(session.state(), State::SignedOut);
        QVERIFY(readSecret(store, down.secretKey()).has_value()); // tried again at the next start
    }

    void otherConnectionSignsOutInMemory()
    {
        RecordingNam nam;
        MemorySecretStore store;
        AuthSession session(&nam, &store);
        session.setSettings(m_settings);
        TokenSet tokens;
        tokens.accessToken = QStringLiteral("AT");
        tokens.refreshToken = QStringLiteral("RT");
        session.adopt(tokens);
        QTRY_VERIFY(readSecret(store, m_settings.secretKey()).has_value());

        ConnectionSettings same = m_settings;
        same.apiBase = QUrl(QStringLiteral("http://127.0.0.1:2/v1"));
        session.setSettings(same); // the API base is not part of the sign-in
        QCOMPARE(session.state(), State::SignedIn);

        ConnectionSettings other = m_settings;
        other.clientId = QStringLiteral("another-client");
        session.setSettings(other);
        QCOMPARE(session.state(), State::SignedOut);
        QVERIFY(session.accessToken().isEmpty());
        QVERIFY(readSecret(store, m_settings.secretKey()).has_value()); // still remembered for the old one
    }
};

QTEST_MAIN(TestAuthSession)
#include "tst_authsession.moc"
