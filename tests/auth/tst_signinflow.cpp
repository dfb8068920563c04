#include "browserbot.h"
#include "embeddedsandbox.h"
#include "recordingnam.h"
#include "signinflow.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

using State = SignInFlow::State;
using Kind = SignInError::Kind;

// Whether a TCP connection to address:port is refused (nothing listens there).
bool connectionRefused(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy errors(&socket, &QTcpSocket::errorOccurred);
    socket.connectToHost(address, port);
    (void)QTest::qWaitFor([&] { return !connected.isEmpty() || !errors.isEmpty(); }, 5000);
    return connected.isEmpty() && socket.error() == QAbstractSocket::ConnectionRefusedError;
}

// Everything logged while it lives, from any thread.
class LogCapture
{
public:
    LogCapture()
    {
        s_instance = this;
        // Our categories at full verbosity; Qt's own stay at their defaults (qt.httpserver's opt-in debug
        // output prints whole request URLs).
        QLoggingCategory::setFilterRules(QStringLiteral("insights.*.debug=true"));
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_instance = nullptr;
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    QStringList categories() const
    {
        QMutexLocker lock(&m_mutex);
        return m_categories;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (LogCapture *self = s_instance) {
            QMutexLocker lock(&self->m_mutex);
            self->m_categories.append(QString::fromLatin1(context.category ? context.category : ""));
            self->m_lines.append(message);
        }
        Q_UNUSED(type);
    }

    static inline LogCapture *s_instance = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
    QStringList m_categories;
};

} // namespace

// End to end against the identity provider of a real insights-sandbox (in-process, its own thread, real
// sockets on 127.0.0.1). BrowserBot plays the system browser with a real QNetworkAccessManager.
class TestSignInFlow : public QObject
{
    Q_OBJECT

    struct Attempt
    {
        explicit Attempt(const ConnectionSettings &settings)
            : flow(&nam, settings)
            , states(&flow, &SignInFlow::stateChanged)
            , signedIn(&flow, &SignInFlow::signedIn)
            , failed(&flow, &SignInFlow::failed)
        {}
        QList<State> stateHistory() const
        {
            QList<State> result;
            for (const auto &arguments : states)
                result << arguments.at(0).value<State>();
            return result;
        }
        TokenSet tokens() const { return signedIn.value(0).value(0).value<TokenSet>(); }
        SignInError error() const { return failed.value(0).value(0).value<SignInError>(); }

        RecordingNam nam;
        SignInFlow flow;
        BrowserBot browser;
        QSignalSpy states;
        QSignalSpy signedIn;
        QSignalSpy failed;
    };

    std::unique_ptr<EmbeddedSandbox> m_sandbox;
    ConnectionSettings m_settings;

    QUrl tokenUrl() const
    {
        QUrl url = m_settings.authority;
        url.setPath(url.path() + QStringLiteral("/oauth2/v2.0/token"));
        return url;
    }

    // POSTs a code to the token endpoint as an attacker would; returns the error_description.
    QString redeem(const QString &code,
                   const QString &redirectUri = QStringLiteral("http://127.0.0.1:1/callback"))
    {
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(tokenUrl());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(code)));
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("insights-admin"));
        form.addQueryItem(QStringLiteral("redirect_uri"),
                          QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
        form.addQueryItem(QStringLiteral("code_verifier"), QString(43, u'a'));
        QNetworkReply *reply = nam.post(request, form.query(QUrl::FullyEncoded).toLatin1());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(5000))
            return QStringLiteral("no answer");
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        return QString::fromUtf8(body);
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<EmbeddedSandbox>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_settings = ConnectionSettings::sandboxDefaults(m_sandbox->baseUrl());
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    // The injected browser sees the link and hands it to BrowserBot.
    void signInSucceeds()
    {
        Attempt attempt(m_settings);
        QList<QUrl> opened;
        attempt.flow.setBrowser([&attempt, &opened](const QUrl &url) {
            opened << url;
            return attempt.browser.asBrowser()(url);
        });
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        QCOMPARE(attempt.failed.size(), 0);

        const TokenSet tokens = attempt.tokens();
        QVERIFY(!tokens.accessToken.isEmpty());
        QVERIFY(!tokens.refreshToken.isEmpty());
        QCOMPARE(tokens.account, QStringLiteral("admin@contoso.example"));
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(tokens.expiresAt) - 3600) < 60);
        QCOMPARE(attempt.stateHistory(),
                 (QList<State>{State::Discovering, State::OpeningBrowser, State::WaitingForBrowser,
                               State::ExchangingCode, State::SignedIn}));
        QCOMPARE(attempt.flow.state(), State::SignedIn);

        // What went to the browser: PKCE S256, a 32-byte state, the loopback redirect.
        QCOMPARE(opened.size(), 1);
        const QUrl authorize = opened.first();
        QCOMPARE(authorize, attempt.flow.authorizeUrl());
        QCOMPARE(authorize.path(), QStringLiteral("/contoso/oauth2/v2.0/authorize"));
        QCOMPARE(BrowserBot::queryValue(authorize, QStringLiteral("code_challenge_method")),
                 QStringLiteral("S256"));
        QCOMPARE(BrowserBot::queryValue(authorize, QStringLiteral("code_challenge")).size(), 43);
        QCOMPARE(BrowserBot::queryValue(authorize, QStringLiteral("state")).size(), 43);
        QCOMPARE(BrowserBot::queryValue(authorize, QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(BrowserBot::queryValue(authorize, QStringLiteral("client_id")),
                 QStringLiteral("insights-admin"));
        QCOMPARE(BrowserBot::queryValue(authorize, QStringLiteral("scope")), m_settings.scopes.join(u' '));
        const QUrl redirect(BrowserBot::queryValue(authorize, QStringLiteral("redirect_uri")));
        QCOMPARE(redirect.scheme(), QStringLiteral("http"));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));

        // The token request carried the verifier of that challenge.
        const auto posts = attempt.nam.postsTo(tokenUrl());
        QCOMPARE(posts.size(), 1);
        const QUrlQuery form(QString::fromLatin1(posts.first().body));
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(form.queryItemValue(QStringLiteral("code_verifier")).size(), 43);
        QCOMPARE(form.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 redirect.toString());

        // The browser tab says so, and the listener is gone.
        QTRY_COMPARE(attempt.browser.callbackStatus(), 200);
        QVERIFY(attempt.browser.callbackPage().contains(
            QStringLiteral("Signed in to Insights Admin — you can close this tab")));
        QCOMPARE(attempt.flow.listenerPort(), quint16(0));
        QVERIFY(connectionRefused(QHostAddress::LocalHost, redirect.port()));
    }

    void explicitEndpointsWithoutDiscovery()
    {
        ConnectionSettings settings = m_settings;
        settings.authority = QUrl(); // nothing to discover from
        settings.authorizeUrl = m_settings.authority;
        settings.authorizeUrl.setPath(settings.authorizeUrl.path() +
                                      QStringLiteral("/oauth2/v2.0/authorize"));
        settings.tokenUrl = tokenUrl();
        Attempt attempt(settings);
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        for (const auto &request : std::as_const(attempt.nam.requests))
            QVERIFY(!request.url.path().contains(QStringLiteral(".well-known")));
    }

    void denied()
    {
        Attempt attempt(m_settings);
        BrowserBot::Credentials deny;
        deny.consent = QStringLiteral("deny");
        attempt.flow.setBrowser(attempt.browser.asBrowser(deny));
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.failed.size(), 1, 10000);
        QCOMPARE(attempt.error().kind, Kind::Denied);
        QVERIFY(attempt.error().message.contains(QStringLiteral("declined")));
        QVERIFY(attempt.error().details.contains(QStringLiteral("access_denied")));
        QCOMPARE(attempt.flow.state(), State::Failed);
        QTRY_COMPARE(attempt.browser.callbackStatus(), 400);
        QVERIFY(attempt.browser.callbackPage().contains(QStringLiteral("The user declined to consent.")));
        QVERIFY(attempt.nam.postsTo(tokenUrl()).isEmpty());
        QCOMPARE(attempt.flow.listenerPort(), quint16(0));
    }

    void wrongPasswordThenSuccess()
    {
        Attempt attempt(m_settings);
        QSignalSpy forms(&attempt.browser, &BrowserBot::formShown);
        BrowserBot::Credentials wrong;
        wrong.password = QStringLiteral("not-the-password");
        attempt.flow.setBrowser(attempt.browser.asBrowser(wrong));
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(forms.size(), 2, 10000); // the form, then the form again with an error
        QVERIFY(attempt.browser.formPage().contains(QStringLiteral("incorrect")));
        QCOMPARE(attempt.flow.state(), State::WaitingForBrowser);
        QCOMPARE(attempt.failed.size(), 0);

        attempt.browser.submit(BrowserBot::Credentials());
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        QCOMPARE(attempt.tokens().account, QStringLiteral("admin@contoso.example"));
    }

    void tamperedStateIsRejected()
    {
        Attempt attempt(m_settings);
        QString code;
        attempt.browser.setRedirectHook([&code](const QUrl &target) {
            QUrlQuery query(target);
            code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
            query.removeAllQueryItems(QStringLiteral("state"));
            query.addQueryItem(QStringLiteral("state"), QStringLiteral("forged-state-value"));
            QUrl tampered = target;
            tampered.setQuery(query);
            return tampered;
        });
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.failed.size(), 1, 10000);
        QCOMPARE(attempt.error().kind, Kind::StateMismatch);
        QTRY_COMPARE(attempt.browser.callbackStatus(), 400);
        QVERIFY(!code.isEmpty());

        // The code was never exchanged: no token request, and the provider still has it unused.
        QVERIFY(attempt.nam.postsTo(tokenUrl()).isEmpty());
        const QString answer =
            redeem(code, BrowserBot::queryValue(attempt.flow.authorizeUrl(), QStringLiteral("redirect_uri")));
        QVERIFY2(answer.contains(QStringLiteral("code_verifier does not match")), qPrintable(answer));
        QVERIFY(!answer.contains(QStringLiteral("already been redeemed")));
    }

    void missingStateIsIgnoredAsStray()
    {
        Attempt attempt(m_settings);
        QUrl target;
        attempt.browser.setRedirectHook([&target](const QUrl &url) {
            target = url;
            QUrlQuery query(url);
            query.removeAllQueryItems(QStringLiteral("state"));
            QUrl stripped = url;
            stripped.setQuery(query);
            return stripped;
        });
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.browser.callbackStatus(), 404, 10000);
        QCOMPARE(attempt.flow.state(), State::WaitingForBrowser); // still waiting for the real callback
        attempt.browser.follow(target);
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
    }

    void codeReplayIsRejected()
    {
        Attempt attempt(m_settings);
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        const QUrl callback = attempt.browser.redirectTarget();
        const QString code = BrowserBot::queryValue(callback, QStringLiteral("code"));
        QVERIFY(!code.isEmpty());

        // Replaying the callback finds no listener; replaying the code at the provider is refused.
        QVERIFY(connectionRefused(QHostAddress::LocalHost, quint16(callback.port())));
        const QString answer = redeem(code);
        QVERIFY2(answer.contains(QStringLiteral("invalid_grant")), qPrintable(answer));
        QVERIFY2(answer.contains(QStringLiteral("already been redeemed")), qPrintable(answer));
    }

    void browserNeverReturnsTimesOut()
    {
        Attempt attempt(m_settings);
        attempt.flow.setTimeout(std::chrono::milliseconds(500));
        attempt.browser.setRedirectHook([](const QUrl &) { return QUrl(); }); // the tab was closed
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.flow.state(), State::WaitingForBrowser, 10000);
        const quint16 port = attempt.flow.listenerPort();
        QVERIFY(port != 0);
        QVERIFY(attempt.flow.deadline() >= before.addMSecs(500));
        QVERIFY(attempt.flow.deadline() <= QDateTime::currentDateTimeUtc().addMSecs(500));

        QTRY_COMPARE_WITH_TIMEOUT(attempt.failed.size(), 1, 10000);
        QCOMPARE(attempt.error().kind, Kind::Timeout);
        QCOMPARE(attempt.flow.state(), State::Failed);
        QCOMPARE(attempt.flow.listenerPort(), quint16(0));
        QVERIFY(connectionRefused(QHostAddress::LocalHost, port));
    }

    void defaultTimeoutIsFiveMinutes()
    {
        Attempt attempt(m_settings);
        attempt.browser.setRedirectHook([](const QUrl &) { return QUrl(); });
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.flow.state(), State::WaitingForBrowser, 10000);
        const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(attempt.flow.deadline());
        QVERIFY2(seconds > 290 && seconds <= 300, QByteArray::number(seconds).constData());
        attempt.flow.cancel();
    }

    void cancel()
    {
        Attempt attempt(m_settings);
        attempt.browser.setRedirectHook([](const QUrl &) { return QUrl(); });
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.flow.state(), State::WaitingForBrowser, 10000);
        const quint16 port = attempt.flow.listenerPort();
        attempt.flow.cancel();
        QCOMPARE(attempt.failed.size(), 1);
        QCOMPARE(attempt.error().kind, Kind::Cancelled);
        QCOMPARE(attempt.flow.state(), State::Failed);
        QVERIFY(connectionRefused(QHostAddress::LocalHost, port));
        attempt.flow.cancel(); // harmless twice
        QCOMPARE(attempt.failed.size(), 1);
    }

    void strayFaviconGets404AndTheFlowContinues()
    {
        Attempt attempt(m_settings);
        QUrl target;
        attempt.browser.setRedirectHook([&target](const QUrl &url) {
            target = url;
            return QUrl(); // hold the real callback back for a moment
        });
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(target.isValid(), 10000);

        QUrl favicon = target;
        favicon.setPath(QStringLiteral("/favicon.ico"));
        favicon.setQuery(QString());
        BrowserBot stray;
        stray.follow(favicon);
        QTRY_COMPARE(stray.callbackStatus(), 404);
        QCOMPARE(attempt.flow.state(), State::WaitingForBrowser);
        QCOMPARE(attempt.failed.size(), 0);

        attempt.browser.follow(target);
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        QTRY_COMPARE(attempt.browser.callbackStatus(), 200);
    }

    void listenerIsBoundToLoopbackOnly()
    {
        Attempt attempt(m_settings);
        attempt.browser.setRedirectHook([](const QUrl &) { return QUrl(); });
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.flow.state(), State::WaitingForBrowser, 10000);
        const quint16 port = attempt.flow.listenerPort();
        QCOMPARE(attempt.flow.listenerAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(attempt.flow.listenerAddress().toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(
            QUrl(BrowserBot::queryValue(attempt.flow.authorizeUrl(), QStringLiteral("redirect_uri"))).port(),
            int(port));

        // Not reachable through any other address of this machine.
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QVERIFY2(connectionRefused(address, port), qPrintable(address.toString()));
        }
        attempt.flow.cancel();
        QVERIFY(connectionRefused(QHostAddress::LocalHost, port));
    }

    void browserThatCannotOpenLeavesTheLink()
    {
        Attempt attempt(m_settings);
        QSignalSpy openFailed(&attempt.flow, &SignInFlow::browserOpenFailed);
        attempt.flow.setBrowser([](const QUrl &) { return false; });
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.flow.state(), State::WaitingForBrowser, 10000);
        QCOMPARE(openFailed.size(), 1);
        QVERIFY(attempt.flow.authorizeUrl().isValid());

        // The user copies the link into a browser (or clicks Open browser again).
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.openBrowserAgain();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        QCOMPARE(attempt.browser.opened(), 1);
    }

    void discoveryFailures()
    {
        ConnectionSettings nowhere = m_settings;
        nowhere.authority.setPath(QStringLiteral("/no-such-tenant"));
        Attempt missing(nowhere);
        missing.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(missing.failed.size(), 1, 10000);
        QCOMPARE(missing.error().kind, Kind::Discovery);
        QCOMPARE(missing.browser.opened(), 0);

        ConnectionSettings down = m_settings;
        down.authority = QUrl(QStringLiteral("http://127.0.0.1:1/contoso"));
        Attempt unreachable(down);
        unreachable.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(unreachable.failed.size(), 1, 10000);
        QCOMPARE(unreachable.error().kind, Kind::Network);
        QVERIFY(!unreachable.error().details.isEmpty());
    }

    void invalidSettingsFailAtOnce()
    {
        ConnectionSettings bad = m_settings;
        bad.clientId.clear();
        Attempt attempt(bad);
        attempt.flow.start();
        QCOMPARE(attempt.failed.size(), 1);
        QCOMPARE(attempt.error().kind, Kind::Configuration);
        QVERIFY(attempt.error().details.contains(QStringLiteral("Client ID")));
    }

    void tokenEndpointErrorIsShownInTheBrowser()
    {
        // A client id the provider does not know: the authorize page refuses it, so use explicit endpoints
        // with a token URL that answers 404 instead.
        ConnectionSettings settings = m_settings;
        settings.authorizeUrl = m_settings.authority;
        settings.authorizeUrl.setPath(settings.authorizeUrl.path() +
                                      QStringLiteral("/oauth2/v2.0/authorize"));
        settings.tokenUrl = m_sandbox->baseUrl();
        settings.tokenUrl.setPath(QStringLiteral("/contoso/oauth2/v2.0/no-token-here"));
        Attempt attempt(settings);
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.failed.size(), 1, 10000);
        QCOMPARE(attempt.error().kind, Kind::TokenEndpoint);
        QVERIFY(attempt.error().details.startsWith(QStringLiteral("HTTP 404")));
        QTRY_COMPARE(attempt.browser.callbackStatus(), 400);
        QVERIFY(attempt.browser.callbackPage().contains(QStringLiteral("Sign-in failed")));
    }

    // Every message logged during a full sign-in (debug included, any category, any thread) is free of
    // the tokens, the code, the verifier, the state and the password.
    void logsContainNoSecrets()
    {
        LogCapture capture;
        Attempt attempt(m_settings);
        attempt.flow.setBrowser(attempt.browser.asBrowser());
        attempt.flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(attempt.signedIn.size(), 1, 10000);
        QTRY_COMPARE(attempt.browser.callbackStatus(), 200);

        const TokenSet tokens = attempt.tokens();
        const QUrlQuery form(QString::fromLatin1(attempt.nam.postsTo(tokenUrl()).value(0).body));
        const QStringList secrets = {
            tokens.accessToken,
            tokens.refreshToken,
            BrowserBot::queryValue(attempt.browser.redirectTarget(), QStringLiteral("code")),
            form.queryItemValue(QStringLiteral("code_verifier")),
            BrowserBot::queryValue(attempt.flow.authorizeUrl(), QStringLiteral("state")),
            BrowserBot::Credentials().password,
        };
        const QStringList lines = capture.lines();
        QVERIFY2(lines.size() >= 5, "the sign-in logs its steps");
        const bool sawAuth = capture.categories().contains(QStringLiteral("insights.auth"));
        for (const QString &line : lines) {
            for (const QString &secret : secrets) {
                QVERIFY(!secret.isEmpty());
                QVERIFY2(!line.contains(secret), qPrintable(line));
            }
        }
        QVERIFY(sawAuth);
    }
};

QTEST_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
