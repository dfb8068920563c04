#pragma once

#include "faultinjector.h"
#include "sandboxrequest.h"
#include "sandboxresponse.h"
#include "scenario.h"

#include <QString>

#include <functional>

class IdentityProvider;
class SandboxServer;
class Throttle;

// The subset of the Customer Insights REST API that the connector uses, under /v1 (docs/api-and-budget.md),
// with the wire format of ci-api-schema.json. Every call goes through the same gate as the real service:
//
//   Bearer token valid?  no -> 401 + WWW-Authenticate
//   subscription key?    no -> 403 ApiErrorResult
//   injected 429?        -> 429 + Retry-After
//   Throttle::admit      refused -> 429 + Retry-After (seconds)
//   injected 500 / drop / delay, then the operation itself
class CiApi
{
public:
    CiApi(Scenario *scenario, IdentityProvider *identity, Throttle *throttle, FaultInjector *faults,
          const SandboxServer *server, QString subscriptionKey);

    void registerRoutes(SandboxServer &server);

    static QString connectionKey(const QString &subject, const QString &subscriptionKey);
    static QString timestamp(const QDateTime &time);

private:
    using Operation = std::function<SandboxResponse(const SandboxRequest &)>;

    SandboxResponse guarded(const SandboxRequest &request, bool odata, const Operation &operation);
    static SandboxResponse apiError(int status, const QString &code, const QString &message);
    static SandboxResponse odataError(int status, const QString &code, const QString &message);
    bool knownInstance(const QString &id) const;

    SandboxResponse listInstances() const;
    SandboxResponse getInstance(const SandboxRequest &request) const;
    SandboxResponse listDataSources(const SandboxRequest &request) const;
    SandboxResponse getDataSource(const SandboxRequest &request) const;
    SandboxResponse listSegments(const SandboxRequest &request) const;
    SandboxResponse listMeasures(const SandboxRequest &request) const;
    SandboxResponse getMeasure(const SandboxRequest &request) const;
    SandboxResponse listEntities(const SandboxRequest &request) const;
    SandboxResponse queryData(const SandboxRequest &request) const;
    SandboxResponse listJobs(const SandboxRequest &request) const;
    SandboxResponse getJob(const SandboxRequest &request) const;
    SandboxResponse submitJob(const SandboxRequest &request);
    SandboxResponse cancelJob(const SandboxRequest &request);
    SandboxResponse listHistory(const SandboxRequest &request) const;

    QJsonObject instanceInfo() const;
    QJsonObject dataSourceInfo(const Scenario::DataSource &source, bool includeModel) const;
    QJsonObject segmentMetadata(const Scenario::Segment &segment, bool history) const;
    QJsonObject measureMetadata(const Scenario::Measure &measure, bool history) const;
    QJsonObject jobInfo(const Scenario::Job &job, bool includeTasks) const;
    QJsonObject taskInfo(const Scenario::Task &task, const QString &jobId) const;

    Scenario *m_scenario;
    IdentityProvider *m_identity;
    Throttle *m_throttle;
    FaultInjector *m_faults;
    const SandboxServer *m_server;
    QString m_subscriptionKey;
};
