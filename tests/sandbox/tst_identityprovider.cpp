#include "identityprovider.h"
#include "sandboxfixture.h"

#include <QTest>

using namespace std::chrono_literals;

namespace {
const QString kRedirect = QStringLiteral("http://127.0.0.1:51234/callback");
const QString kScope =
    QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation offline_access openid");
} // namespace

class TestIdentityProvider : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fixture;

    QUrl authorizeUrl(const QList<QPair<QString, QString>> &parameters) const
    {
        QUrl url = m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/authorize"));
        QUrlQuery query;
        for (const auto &[key, value] : parameters)
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(query);
        return url;
    }
    QUrl tokenUrl() const { return m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/token")); }

    static QList<QPair<QString, QString>> authorizeParameters(const QString &challenge,
                                                              const QString &redirect = kRedirect)
    {
        return {{QStringLiteral("client_id"), QStringLiteral("insights-admin")},
                {QStringLiteral("response_type"), QStringLiteral("code")},
                {QStringLiteral("redirect_uri"), redirect},
                {QStringLiteral("scope"), kScope},
                {QStringLiteral("state"), QStringLiteral("s t&ate")},
                {QStringLiteral("code_challenge"), challenge},
                {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    }

    // Plays the browser: posts the sign-in form with the given answer; returns the response.
    HttpTestClient::Response submitForm(const QString &challenge, const QString &consent,
                                        const QString &password = QStringLiteral("sandbox"),
                                        const QString &redirect = kRedirect)
    {
        auto fields = authorizeParameters(challenge, redirect);
        fields.append({QStringLiteral("username"), QStringLiteral("Admin@Contoso.example")});
        fields.append({QStringLiteral("password"), password});
        fields.append({QStringLiteral("consent"), consent});
        return m_fixture->http.postForm(m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/authorize")),
                                        fields);
    }

    QString codeFor(const QString &verifier, const QString &redirect = kRedirect)
    {
        const auto response = submitForm(HttpTestClient::challengeFor(verifier), QStringLiteral("accept"),
                                         QStringLiteral("sandbox"), redirect);
        const QUrl location(QString::fromUtf8(response.header("Location")));
        return QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }

    HttpTestClient::Response redeem(const QString &code, const QString &verifier,
                                    const QString &redirect = kRedirect)
    {
        QList<QPair<QString, QString>> fields = {
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("redirect_uri"), redirect},
            {QStringLiteral("client_id"), QStringLiteral("insights-admin")}};
        if (!verifier.isNull())
            fields.append({QStringLiteral("code_verifier"), verifier});
        return m_fixture->http.postForm(tokenUrl(), fields);
    }

    HttpTestClient::Response refresh(const QString &refreshToken)
    {
        return m_fixture->http.postForm(tokenUrl(),
                                        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                         {QStringLiteral("refresh_token"), refreshToken},
                                         {QStringLiteral("client_id"), QStringLiteral("insights-admin")}});
    }

    int apiStatus(const QString &token)
    {
        return m_fixture->http.get(m_fixture->url(QStringLiteral("/v1/instances")), m_fixture->auth(token))
            .status;
    }

    static void verifyOAuthError(const HttpTestClient::Response &response, const QString &error)
    {
        QVERIFY2(response.status == 400 || response.status == 401, response.body.constData());
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        QCOMPARE(response.object().value(QStringLiteral("error")).toString(), error);
        QVERIFY(!response.object().value(QStringLiteral("error_description")).toString().isEmpty());
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->listening);
    }
    void cleanup() { m_fixture.reset(); }

    void discovery()
    {
        const auto response = m_fixture->http.get(
            m_fixture->url(QStringLiteral("/contoso/v2.0/.well-known/openid-configuration")));
        QCOMPARE(response.status, 200);
        const QJsonObject document = response.object();
        const QString base = m_fixture->sandbox->baseUrl().toString();
        QCOMPARE(document.value(QStringLiteral("authorization_endpoint")).toString(),
                 base + QStringLiteral("/contoso/oauth2/v2.0/authorize"));
        QCOMPARE(document.value(QStringLiteral("token_endpoint")).toString(),
                 base + QStringLiteral("/contoso/oauth2/v2.0/token"));
        QCOMPARE(document.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("S256")});
        QCOMPARE(m_fixture->http.get(QUrl(document.value(QStringLiteral("jwks_uri")).toString())).status,
                 200);
    }

    void signInFormStatesTheDemoAccount()
    {
        const QString challenge = HttpTestClient::challengeFor(HttpTestClient::makeVerifier());
        const auto response = m_fixture->http.get(authorizeUrl(authorizeParameters(challenge)));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Content-Type").startsWith("text/html"));
        QVERIFY(response.body.contains("admin@contoso.example"));
        QVERIFY(response.body.contains("sandbox"));
        QVERIFY(response.body.contains("name=\"consent\" value=\"accept\""));
        QVERIFY(response.body.contains("name=\"consent\" value=\"deny\""));
        QVERIFY(response.body.contains(
            QByteArray("name=\"code_challenge\" value=\"" + challenge.toLatin1() + "\"")));
    }

    void loopbackRedirectMatchesAnyPort_data()
    {
        QTest::addColumn<QString>("redirect");
        QTest::addRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:1/callback");
        QTest::addRow("127.0.0.1 high port") << QStringLiteral("http://127.0.0.1:65000/callback");
        QTest::addRow("localhost") << QStringLiteral("http://localhost:8080/callback");
        QTest::addRow("no port") << QStringLiteral("http://127.0.0.1/callback");
    }
    void loopbackRedirectMatchesAnyPort()
    {
        QFETCH(QString, redirect);
        const QString challenge = HttpTestClient::challengeFor(HttpTestClient::makeVerifier());
        QCOMPARE(m_fixture->http.get(authorizeUrl(authorizeParameters(challenge, redirect))).status, 200);
    }

    void authorizeErrorsShowAPageNeverARedirect_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addRow("unknown client") << QStringLiteral("client_id") << QStringLiteral("evil-app");
        QTest::addRow("non-loopback redirect")
            << QStringLiteral("redirect_uri") << QStringLiteral("http://evil.example/callback");
        QTest::addRow("https non-loopback")
            << QStringLiteral("redirect_uri") << QStringLiteral("https://evil.example:443/callback");
        QTest::addRow("unregistered path")
            << QStringLiteral("redirect_uri") << QStringLiteral("http://127.0.0.1:4000/other");
        QTest::addRow("missing redirect") << QStringLiteral("redirect_uri") << QString();
        QTest::addRow("missing challenge") << QStringLiteral("code_challenge") << QString();
        QTest::addRow("plain method") << QStringLiteral("code_challenge_method") << QStringLiteral("plain");
        QTest::addRow("missing method") << QStringLiteral("code_challenge_method") << QString();
        QTest::addRow("malformed challenge") << QStringLiteral("code_challenge") << QStringLiteral("short");
    }
    void authorizeErrorsShowAPageNeverARedirect()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto parameters = authorizeParameters(HttpTestClient::challengeFor(HttpTestClient::makeVerifier()));
        for (auto it = parameters.begin(); it != parameters.end();) {
            if (it->first == key && value.isNull()) {
                it = parameters.erase(it);
                continue;
            }
            if (it->first == key)
                it->second = value;
            ++it;
        }
        const auto get = m_fixture->http.get(authorizeUrl(parameters));
        QCOMPARE(get.status, 400);
        QVERIFY(get.header("Location").isEmpty());
        QVERIFY(get.header("Content-Type").startsWith("text/html"));
        // The form post is refused the same way.
        parameters.append({QStringLiteral("username"), QStringLiteral("admin@contoso.example")});
        parameters.append({QStringLiteral("password"), QStringLiteral("sandbox")});
        parameters.append({QStringLiteral("consent"), QStringLiteral("accept")});
        const auto post = m_fixture->http.postForm(
            m_fixture->url(QStringLiteral("/contoso/oauth2/v2.0/authorize")), parameters);
        QCOMPARE(post.status, 400);
        QVERIFY(post.header("Location").isEmpty());
    }

    void denyRedirectsWithAccessDenied()
    {
        const auto response =
            submitForm(HttpTestClient::challengeFor(HttpTestClient::makeVerifier()), QStringLiteral("deny"));
        QCOMPARE(response.status, 302);
        const QUrl location(QString::fromUtf8(response.header("Location")));
        QCOMPARE(location.port(), 51234);
        QCOMPARE(location.path(), QStringLiteral("/callback"));
        const QUrlQuery query(location);
        QCOMPARE(query.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QStringLiteral("s t&ate"));
        QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
    }

    void wrongPasswordShowsTheFormAgain()
    {
        const auto response = submitForm(HttpTestClient::challengeFor(HttpTestClient::makeVerifier()),
                                         QStringLiteral("accept"), QStringLiteral("wrong"));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Location").isEmpty());
        QVERIFY(response.body.contains("incorrect"));
        QVERIFY(response.body.contains("<form"));
    }

    void fullSignIn()
    {
        const QJsonObject tokens =
            signInToSandbox(m_fixture->http, m_fixture->sandbox->authorityUrl(), kRedirect, kScope);
        QCOMPARE(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 3600);
        QVERIFY(!tokens.value(QStringLiteral("refresh_token")).toString().isEmpty());
        QVERIFY(tokens.value(QStringLiteral("id_token")).toString().count(u'.') == 2);
        QCOMPARE(apiStatus(tokens.value(QStringLiteral("access_token")).toString()), 200);
    }

    void stateAndCodeComeBackOnAccept()
    {
        const QString verifier = HttpTestClient::makeVerifier();
        const auto response = submitForm(HttpTestClient::challengeFor(verifier), QStringLiteral("accept"));
        QCOMPARE(response.status, 302);
        const QUrlQuery query(QUrl(QString::fromUtf8(response.header("Location"))));
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QStringLiteral("s t&ate"));
        QVERIFY(!query.queryItemValue(QStringLiteral("code")).isEmpty());
    }

    void pkceFailures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("missing verifier") << 0;
        QTest::addRow("wrong verifier") << 1;
        QTest::addRow("verifier too short") << 2;
    }
    void pkceFailures()
    {
        QFETCH(int, kind);
        const QString verifier = HttpTestClient::makeVerifier();
        const QString code = codeFor(verifier);
        QVERIFY(!code.isEmpty());
        const QString sent =
            kind == 0 ? QString() : (kind == 1 ? HttpTestClient::makeVerifier() : QStringLiteral("abc"));
        verifyOAuthError(redeem(code, sent), QStringLiteral("invalid_grant"));
    }

    void codeIsSingleUseAndReuseRevokes()
    {
        const QString verifier = HttpTestClient::makeVerifier();
        const QString code = codeFor(verifier);
        const auto first = redeem(code, verifier);
        QCOMPARE(first.status, 200);
        const QString access = first.object().value(QStringLiteral("access_token")).toString();
        QCOMPARE(apiStatus(access), 200);
        verifyOAuthError(redeem(code, verifier), QStringLiteral("invalid_grant"));
        QCOMPARE(apiStatus(access), 401); // what the code was exchanged for is revoked
        verifyOAuthError(refresh(first.object().value(QStringLiteral("refresh_token")).toString()),
                         QStringLiteral("invalid_grant"));
    }

    void redirectUriMustMatch()
    {
        const QString verifier = HttpTestClient::makeVerifier();
        const QString code = codeFor(verifier);
        verifyOAuthError(redeem(code, verifier, QStringLiteral("http://127.0.0.1:51235/callback")),
                         QStringLiteral("invalid_grant"));
    }

    void codeExpiresAfterTenMinutes()
    {
        const QString verifier = HttpTestClient::makeVerifier();
        const QString code = codeFor(verifier);
        m_fixture->clock->advance(601s);
        verifyOAuthError(redeem(code, verifier), QStringLiteral("invalid_grant"));
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        const QJsonObject first =
            signInToSandbox(m_fixture->http, m_fixture->sandbox->authorityUrl(), kRedirect, kScope);
        const QString refresh1 = first.value(QStringLiteral("refresh_token")).toString();
        const auto second = refresh(refresh1);
        QCOMPARE(second.status, 200);
        const QString refresh2 = second.object().value(QStringLiteral("refresh_token")).toString();
        const QString access2 = second.object().value(QStringLiteral("access_token")).toString();
        QVERIFY(!refresh2.isEmpty());
        QVERIFY(refresh2 != refresh1);
        QCOMPARE(apiStatus(access2), 200);
        const auto third = refresh(refresh2);
        QCOMPARE(third.status, 200);
        const QString refresh3 = third.object().value(QStringLiteral("refresh_token")).toString();
        const QString access3 = third.object().value(QStringLiteral("access_token")).toString();

        // refresh1 again: reuse detected, the whole family goes.
        verifyOAuthError(refresh(refresh1), QStringLiteral("invalid_grant"));
        verifyOAuthError(refresh(refresh3), QStringLiteral("invalid_grant"));
        QCOMPARE(apiStatus(access3), 401);
        QCOMPARE(apiStatus(access2), 401);

        // Another sign-in is another family, untouched.
        const QJsonObject other =
            signInToSandbox(m_fixture->http, m_fixture->sandbox->authorityUrl(), kRedirect, kScope);
        QCOMPARE(apiStatus(other.value(QStringLiteral("access_token")).toString()), 200);
    }

    void accessTokenExpires()
    {
        const QJsonObject tokens =
            signInToSandbox(m_fixture->http, m_fixture->sandbox->authorityUrl(), kRedirect, kScope);
        const QString access = tokens.value(QStringLiteral("access_token")).toString();
        m_fixture->clock->advance(3599s);
        QCOMPARE(apiStatus(access), 200);
        m_fixture->clock->advance(1s);
        QCOMPARE(apiStatus(access), 401);
        const auto renewed = refresh(tokens.value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(renewed.status, 200);
        QCOMPARE(apiStatus(renewed.object().value(QStringLiteral("access_token")).toString()), 200);
    }

    void tokenRequestErrors()
    {
        verifyOAuthError(m_fixture->http.postForm(
                             tokenUrl(), {{QStringLiteral("grant_type"), QStringLiteral("password")}}),
                         QStringLiteral("unsupported_grant_type"));
        verifyOAuthError(m_fixture->http.postForm(tokenUrl(), {}), QStringLiteral("invalid_request"));
        verifyOAuthError(m_fixture->http.send("POST", tokenUrl(),
                                              {{"Content-Type", "application/x-www-form-urlencoded"}},
                                              "grant_type=%zz"),
                         QStringLiteral("invalid_request"));
        verifyOAuthError(
            m_fixture->http.send("POST", tokenUrl(), {{"Content-Type", "application/json"}}, "{}"),
            QStringLiteral("invalid_request"));
        verifyOAuthError(redeem(QStringLiteral("no-such-code"), HttpTestClient::makeVerifier()),
                         QStringLiteral("invalid_grant"));
        verifyOAuthError(refresh(QStringLiteral("no-such-token")), QStringLiteral("invalid_grant"));
        const auto unknownClient = m_fixture->http.postForm(
            tokenUrl(), {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                         {QStringLiteral("refresh_token"), QStringLiteral("x")},
                         {QStringLiteral("client_id"), QStringLiteral("evil-app")}});
        verifyOAuthError(unknownClient, QStringLiteral("invalid_client"));
    }
};

QTEST_GUILESS_MAIN(TestIdentityProvider)
#include "tst_identityprovider.moc"
