#pragma once

#include "httptestclient.h"
#include "sandbox.h"
#include "sandboxclock.h"
#include "scenario.h"

#include <QUrlQuery>

#include <memory>

// An in-process Sandbox on 127.0.0.1 with a manual clock, a test HTTP client and a ready access token.
// The scenario clock stays stopped unless a test starts it.
struct SandboxFixture
{
    explicit SandboxFixture(SandboxOptions options = {})
    {
        options.clock = clock;
        QString error;
        const auto definition = Scenario::loadDefinition(options.scenarioFile, &error);
        Q_ASSERT(definition);
        sandbox = std::make_unique<Sandbox>(options, *definition);
        listening = sandbox->listen(&error);
        accessToken = mintToken();
    }

    QUrl url(const QString &path, const QString &query = {}) const
    {
        QUrl result = sandbox->baseUrl();
        result.setPath(path);
        if (!query.isEmpty())
            result.setQuery(query);
        return result;
    }
    QString instanceId() const { return sandbox->scenario()->instance().id; }
    QUrl instanceUrl(const QString &rest, const QString &query = {}) const
    {
        return url(QStringLiteral("/v1/instances/") + instanceId() + rest, query);
    }
    HttpTestClient::Headers auth(const QString &token = {}) const
    {
        return {{"Authorization", "Bearer " + (token.isEmpty() ? accessToken : token).toLatin1()},
                {"Ocp-Apim-Subscription-Key", "sandbox-key"}};
    }
    QString mintToken(const QString &subject = {})
    {
        const auto response = http.postJson(
            url(QStringLiteral("/sandbox/control/tokens")),
            subject.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("subject"), subject}});
        return response.object().value(QStringLiteral("access_token")).toString();
    }
    HttpTestClient::Response api(const QUrl &url) { return http.get(url, auth()); }

    std::shared_ptr<SandboxManualClock> clock = std::make_shared<SandboxManualClock>();
    std::unique_ptr<Sandbox> sandbox;
    HttpTestClient http;
    QString accessToken;
    bool listening = false;
};
