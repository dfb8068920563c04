// The sandbox's request handlers behind its routing (identity provider, CI API, control API, Teams sink),
// without sockets: each input is a short conversation of HTTP/1.1-like requests against a fresh Sandbox.
//
//   POST /contoso/oauth2/v2.0/token HTTP/1.1        method, target (path?query)
//   Content-Type: application/x-www-form-urlencoded header lines, then an empty line
//
//   grant_type=refresh_token&refresh_token=$REFRESH  the body (one final line break dropped), up to a line
//   ----                                              "----" and the next request
//
// In targets, header values and bodies these stand for what the conversation got so far, so that inputs
// get past the gates: $TOKEN, $REFRESH and $CODE the latest access token, refresh token and authorization
// code (a token family is issued up front), $REFRESH0 the first refresh token (to replay), $KEY the
// subscription key, $CHALLENGE and $VERIFIER a PKCE pair.
//
// INSIGHTS_FUZZ_TRACE=1 prints each request line with the status it got (to check what a seed reaches).
//
// Invariants: a handler answers (or asks to drop the connection) with a status in 100..599, a JSON body
// parses, and no /v1 call succeeds without an access token the identity provider accepts.
#include "identityprovider.h"
#include "sandbox.h"
#include "sandboxclock.h"
#include "sandboxserver.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace {

using Method = QHttpServerRequest::Method;

// kChallenge = base64url(SHA-256(kVerifier)).
constexpr char kVerifier[] = "fuzz-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
constexpr char kChallenge[] = "oMGBJDm5bwJzWpUdm9sj4DVNHvSsmfAaVkVkxm7HDJE";
constexpr int kMaxRequests = 8;

Method methodOf(const QByteArray &name)
{
    static const QList<QPair<QByteArray, Method>> methods{
        {"GET", Method::Get},         {"POST", Method::Post},   {"PUT", Method::Put},
        {"DELETE", Method::Delete},   {"PATCH", Method::Patch}, {"HEAD", Method::Head},
        {"OPTIONS", Method::Options}, {"TRACE", Method::Trace}, {"CONNECT", Method::Connect},
    };
    for (const auto &method : methods) {
        if (method.first == name)
            return method.second;
    }
    return Method::Unknown;
}

struct Conversation
{
    QByteArray accessToken;
    QByteArray refreshToken;
    QByteArray firstRefreshToken;
    QByteArray code;
    QByteArray key;

    QByteArray substitute(QByteArray text) const
    {
        return text.replace("$TOKEN", accessToken)
            .replace("$REFRESH0", firstRefreshToken)
            .replace("$REFRESH", refreshToken)
            .replace("$CODE", code)
            .replace("$KEY", key)
            .replace("$VERIFIER", kVerifier)
            .replace("$CHALLENGE", kChallenge);
    }

    // Keeps what a response handed out, for the requests after it.
    void learn(const SandboxResponse &response)
    {
        for (const auto &header : response.headers) {
            if (header.first.compare("Location", Qt::CaseInsensitive) != 0)
                continue;
            const QUrlQuery query(QUrl::fromEncoded(header.second).query());
            if (query.hasQueryItem(QStringLiteral("code")))
                code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyEncoded).toUtf8();
        }
        if (!response.contentType.startsWith("application/json"))
            return;
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        if (object.contains(QLatin1String("access_token")))
            accessToken = object.value(QLatin1String("access_token")).toString().toUtf8();
        if (object.contains(QLatin1String("refresh_token")))
            refreshToken = object.value(QLatin1String("refresh_token")).toString().toUtf8();
    }
};

void check(bool condition)
{
    if (!condition)
        std::abort();
}

const QJsonObject &scenarioDefinition()
{
    static const QJsonObject definition = [] {
        QString error;
        auto loaded = Scenario::loadDefinition(QString(), &error);
        check(loaded.has_value());
        // The built-in scenario, smaller: a fresh Sandbox per input must cost milliseconds, not seconds.
        QJsonObject schedule = loaded->value(QLatin1String("schedule")).toObject();
        schedule.insert(QStringLiteral("historyDays"), 1);
        loaded->insert(QStringLiteral("schedule"), schedule);
        QJsonObject customers = loaded->value(QLatin1String("customers")).toObject();
        customers.insert(QStringLiteral("count"), 40);
        loaded->insert(QStringLiteral("customers"), customers);
        check(Scenario::validate(*loaded, &error));
        return *loaded;
    }();
    return definition;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    // The handlers log refusals at info/warning level; a million of them would only slow the fuzzer.
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    (void)scenarioDefinition();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    SandboxOptions options;
    options.clock = std::make_shared<SandboxManualClock>();
    Sandbox sandbox(options, scenarioDefinition());
    SandboxServer *server = sandbox.server();
    IdentityProvider *identity = sandbox.identityProvider();

    Conversation conversation;
    conversation.key = options.subscriptionKey.toUtf8();
    const QJsonObject issued = identity->issueTokens(
        identity->options().subject,
        QStringLiteral("https://api.ci.ai.microsoft.com/user_impersonation offline_access openid"));
    conversation.accessToken = issued.value(QLatin1String("access_token")).toString().toUtf8();
    conversation.refreshToken = issued.value(QLatin1String("refresh_token")).toString().toUtf8();
    conversation.firstRefreshToken = conversation.refreshToken;

    static const bool trace = qEnvironmentVariableIsSet("INSIGHTS_FUZZ_TRACE");
    int requests = 0;
    qsizetype from = 0;
    while (from < input.size() && requests++ < kMaxRequests) {
        qsizetype end = input.indexOf("\n----\n", from);
        if (end < 0)
            end = input.size();
        const QByteArray message = input.mid(from, end - from);
        from = end + 6;

        // Request line, headers, empty line, body.
        qsizetype lineEnd = message.indexOf('\n');
        const QByteArray requestLine = message.left(lineEnd < 0 ? message.size() : lineEnd).trimmed();
        const QList<QByteArray> parts = requestLine.split(' ');
        if (parts.size() < 2 || !parts.at(1).startsWith('/'))
            continue;
        const QUrl url = QUrl::fromEncoded("http://127.0.0.1" + conversation.substitute(parts.at(1)));
        if (!url.isValid())
            continue;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qsizetype position = lineEnd < 0 ? message.size() : lineEnd + 1;
        while (position < message.size()) {
            lineEnd = message.indexOf('\n', position);
            const QByteArray line =
                message.mid(position, (lineEnd < 0 ? message.size() : lineEnd) - position).trimmed();
            position = lineEnd < 0 ? message.size() : lineEnd + 1;
            if (line.isEmpty()) {
                body = conversation.substitute(message.mid(position));
                if (body.endsWith('\n'))
                    body.chop(1);
                break;
            }
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.append(
                    {line.left(colon).trimmed(), conversation.substitute(line.mid(colon + 1).trimmed())});
        }

        SandboxResponse response;
        try {
            response = server->dispatch(methodOf(parts.at(0)), url, headers, body);
        } catch (const std::exception &) {
            // SandboxServer::handleRequest answers 500; the fuzzer has nothing more to learn.
            continue;
        }
        if (trace)
            std::fprintf(stderr, "%s -> %d %s\n", requestLine.constData(), response.status,
                         response.body.left(160).constData());
        if (response.drop)
            continue;
        check(response.status >= 100 && response.status <= 599);
        if (response.contentType.startsWith("application/json")) {
            QJsonParseError error;
            (void)QJsonDocument::fromJson(response.body, &error);
            check(error.error == QJsonParseError::NoError);
        }
        if (url.path() == QLatin1String("/v1") || url.path().startsWith(QLatin1String("/v1/"))) {
            QByteArray authorization;
            for (const auto &header : headers) {
                if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0) {
                    authorization = header.second;
                    break;
                }
            }
            const bool authorized =
                identity->validateAccessToken(QString::fromLatin1(authorization.mid(7).trimmed()))
                    .has_value();
            check(authorized || response.status >= 400);
        }
        conversation.learn(response);
    }
    return 0;
}
