#include "tokenrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QDateTime kNow(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestTokenRequest : public QObject
{
    Q_OBJECT

private slots:
    void success()
    {
        const auto outcome = TokenRequest::parseResponse(
            200,
            json({{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                  {QStringLiteral("access_token"), QStringLiteral("AT")},
                  {QStringLiteral("refresh_token"), QStringLiteral("RT")},
                  {QStringLiteral("expires_in"), 3600},
                  {QStringLiteral("id_token"),
                   QStringLiteral("eyJhbGciOiJub25lIn0.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJhQGIuYyJ9.")}}),
            kNow);
        const auto *tokens = std::get_if<TokenSet>(&outcome);
        QVERIFY(tokens);
        QCOMPARE(tokens->accessToken, QStringLiteral("AT"));
        QCOMPARE(tokens->refreshToken, QStringLiteral("RT"));
        QCOMPARE(tokens->expiresAt, kNow.addSecs(3600));
        QCOMPARE(tokens->account, QStringLiteral("a@b.c"));
    }

    void expiresInAsStringAndMissing()
    {
        auto outcome =
            TokenRequest::parseResponse(200,
                                        json({{QStringLiteral("access_token"), QStringLiteral("AT")},
                                              {QStringLiteral("expires_in"), QStringLiteral("60")}}),
                                        kNow);
        QCOMPARE(std::get<TokenSet>(outcome).expiresAt, kNow.addSecs(60));
        outcome = TokenRequest::parseResponse(
            200, json({{QStringLiteral("access_token"), QStringLiteral("AT")}}), kNow);
        QVERIFY(!std::get<TokenSet>(outcome).expiresAt.isValid());
        QVERIFY(std::get<TokenSet>(outcome).refreshToken.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<SignInError::Kind>("kind");
        QTest::addColumn<QString>("details");
        const auto error = [](const char *code, const char *description) {
            return json({{QStringLiteral("error"), QString::fromLatin1(code)},
                         {QStringLiteral("error_description"), QString::fromLatin1(description)}});
        };
        QTest::addRow("invalid_grant")
            << 400 << error("invalid_grant", "The refresh token was already used.")
            << SignInError::Kind::InvalidGrant
            << QStringLiteral("HTTP 400: invalid_grant: The refresh token was already used.");
        QTest::addRow("invalid_client")
            << 401 << error("invalid_client", "Unknown client 'x'.") << SignInError::Kind::TokenEndpoint
            << QStringLiteral("HTTP 401: invalid_client: Unknown client 'x'.");
        QTest::addRow("server error, HTML")
            << 502 << QByteArray("<html>Bad gateway</html>") << SignInError::Kind::TokenEndpoint
            << QStringLiteral("HTTP 502: the response is not JSON");
        QTest::addRow("200 without token")
            << 200 << json({{QStringLiteral("token_type"), QStringLiteral("Bearer")}})
            << SignInError::Kind::TokenEndpoint
            << QStringLiteral("HTTP 200: no bearer access_token in the response");
        QTest::addRow("200 not JSON") << 200 << QByteArray("nope") << SignInError::Kind::TokenEndpoint
                                      << QStringLiteral("HTTP 200: no bearer access_token in the response");
        QTest::addRow("200 MAC token") << 200
                                       << json({{QStringLiteral("access_token"), QStringLiteral("AT")},
                                                {QStringLiteral("token_type"), QStringLiteral("mac")}})
                                       << SignInError::Kind::TokenEndpoint
                                       << QStringLiteral("HTTP 200: no bearer access_token in the response");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(SignInError::Kind, kind);
        QFETCH(QString, details);
        const auto outcome = TokenRequest::parseResponse(status, body, kNow);
        const auto *error = std::get_if<SignInError>(&outcome);
        QVERIFY(error);
        QCOMPARE(error->kind, kind);
        QCOMPARE(error->details, details);
        QVERIFY(!error->message.isEmpty());
    }

    void errorNeverEchoesTheToken()
    {
        const auto outcome =
            TokenRequest::parseResponse(200,
                                        json({{QStringLiteral("access_token"), QStringLiteral("SECRET-AT")},
                                              {QStringLiteral("token_type"), QStringLiteral("mac")}}),
                                        kNow);
        const auto &error = std::get<SignInError>(outcome);
        QVERIFY(!error.details.contains(QStringLiteral("SECRET")));
        QVERIFY(!error.message.contains(QStringLiteral("SECRET")));
    }

    void encodeForm()
    {
        QCOMPARE(
            TokenRequest::encodeForm(
                {{QStringLiteral("a b"), QStringLiteral("x+y&z=1/é")},
                 {QStringLiteral("scope"), QStringLiteral("https://h/p offline_access")}}),
            QByteArrayLiteral("a%20b=x%2By%26z%3D1%2F%C3%A9&scope=https%3A%2F%2Fh%2Fp%20offline_access"));
    }
};

QTEST_GUILESS_MAIN(TestTokenRequest)
#include "tst_tokenrequest.moc"
