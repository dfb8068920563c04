#pragma once

#include "apiclient.h"
#include "cimodels.h"
#include "clock.h"
#include "connectorconfig.h"
#include "connectorstatus.h"
#include "firinglog.h"
#include "jobtracker.h"
#include "pollcycle.h"
#include "secretstore.h"
#include "triggerengine.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class ConnectorRequests;
class Database;
class DetectorStateStore;
class FlowStore;
class ObservationStore;
class QNetworkAccessManager;
class QTimer;
class RateWindowStore;
class StepRunner;

// The connector worker: watches one Customer Insights instance and records every firing of the enabled
// flows exactly once. It lives on its own thread (Connector owns the thread) and owns everything it uses
// there: the network access manager, the rate limiter, the API client and its own database connection.
//
// One poll cycle (docs/api-and-budget.md; the calls per minute do not depend on the number of flows):
//
//   [GET instances, once]  [GET manage/datasources, rarely]
//   GET workflows/main/jobs?top=N&includeTasks=true   <- the leading signal, one per cycle
//       (a larger top while catching up, until the newest job seen before is listed)
//   GET manage/segments?includeHistoricStats=true   only after a segmentation task ended, for a baseline,
//                         or every reconcile interval
//   GET manage/measures   likewise after a measures task
//   GET manage/measures/{name}?includeHistoricStats=true   per measure (never per flow) that a flow watches
//                         and whose evaluation is newer than the last one that flow saw
//   (the evaluation history is replayed from the last evaluation seen: a crossing between two looks, while
//   held or away, still fires once, caughtUp)
//   --> one transaction: firings + detector state --> firingsRecorded (only the new ones, once committed)
//
// The next cycle starts activeInterval (a job runs) or idleInterval after the start of the last one; the
// rate limiter keeps every call inside the budget and holds all of them during a 429. After a failure or
// a hold the next cycle is a catch-up: what it finds is marked caughtUp.
//
// A cycle gathers what it finds in one PollCycle (pollcycle.h: the next job history, the firings, the
// detector states and the observed values) and nothing of it is stored or announced before commit() writes it
// all in one transaction, at the end of the cycle, or at its failure or a sign-out (what it found until
// then). stop() drops the cycle in flight: the next start finds the same again.
//
// The interactive requests (catalogue, preview, test fire, resubmit) are served beside the cycle by
// ConnectorRequests, which borrows the worker's API client, step runner and database while it runs signed in.
class ConnectorWorker : public QObject
{
    Q_OBJECT

public:
    // `clock` must outlive the worker and be safe to read from its thread.
    explicit ConnectorWorker(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~ConnectorWorker() override;

    // The requests' side, on this thread (Connector queues the requests to it).
    ConnectorRequests *requests() const { return m_requests; }

public slots:
    void start(const ConnectorConfig &config, const QString &accessToken);
    void stop();
    // A new access token (after accessTokenRequired(), or a signed-in session): parked calls go again.
    void setAccessToken(const QString &accessToken);
    // No token can be had (signed out, expired): everything waits for setAccessToken().
    void failAuthentication(const QString &reason);
    // The flows changed in the database: read them again.
    void reloadFlows();
    // The app's secret store (it lives on the GUI thread and outlives the worker; SecretStore's contract).
    void setSecretStore(SecretStore *store);

signals:
    void firingsRecorded(const QList<Firing> &firings);
    // A step of a firing was attempted (from the step runner, which runs the steps of recorded firings).
    void stepRunUpdated(const StepRun &run);
    void firingCompleted(const QString &firingId, bool allSucceeded);
    void statusChanged(const ConnectorStatus &status);
    void accessTokenRequired();
    void flowsReloaded(int flows);

private:
    using BodyHandler = std::function<void(const QByteArray &body)>;

    void request(const QString &path, const QUrlQuery &query, BodyHandler onSuccess);
    void scheduleCycle(std::chrono::milliseconds delay);
    void runCycle();
    void continueCycle();
    void fetchInstances();
    void fetchDataSources(std::function<void()> then);
    void fetchJobs(int top);
    void handleJobs(const QList<CiJob> &jobs, int top);
    void fetchSegments();
    void fetchMeasures();
    void fetchMeasureHistories(QList<CiMeasure> measures, QStringList names);
    void evaluateMeasures(const QList<CiMeasure> &measures);
    void finishCycle();
    void failCycle(ApiJob::Error error, const QString &message, const QString &details);
    // Stores what `cycle` found in one transaction, then announces the new firings and runs their steps.
    bool commit(PollCycle cycle);
    // A detector state: the cycle's own if it has one, else the stored one.
    QJsonObject stateOf(const QString &key) const;
    void runSteps(const QList<Firing> &firings);
    void addThresholdResult(const TriggerEngine::ThresholdResult &result);
    void reportProblems(const QStringList &problems);
    void abortCalls();
    void publishStatus();
    // Lends the requests what they need while running signed in (nothing otherwise).
    void serveRequests();
    bool needsDataSources() const;
    QString instancePath(const QString &rest) const;
    std::chrono::milliseconds nextInterval() const;

    const Clock &m_clock;
    ConnectorConfig m_config;
    QNetworkAccessManager *m_network;
    RateLimiter *m_limiter;
    ApiClient *m_client;
    QTimer *m_cycleTimer;
    QTimer *m_holdTimer;
    ConnectorRequests *m_requests;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FlowStore> m_flowStore;
    std::unique_ptr<FiringLog> m_firingLog;
    std::unique_ptr<DetectorStateStore> m_stateStore;
    std::unique_ptr<RateWindowStore> m_rateStore;
    std::unique_ptr<ObservationStore> m_observations;
    SecretStore *m_secrets = nullptr; // the app's, on the GUI thread (setSecretStore())
    StepRunner *m_runner = nullptr;   // the steps run off the polling path, on this thread's event loop
    bool m_runnerResumed = false;
    TriggerEngine m_engine;
    JobTracker m_tracker;

    bool m_running = false;
    bool m_signedOut = false;
    bool m_catchUp = false;
    bool m_historyRestored = false;
    bool m_segmentsDirty = true;
    bool m_measuresDirty = true;
    std::optional<PollCycle> m_cycle; // while a cycle runs
    quint64 m_generation = 0;
    QList<QPointer<ApiJob>> m_inflight;
    QString m_instanceId;
    QString m_instanceName;
    QDateTime m_dataSourcesAt;
    QDateTime m_segmentsAt;
    QDateTime m_measuresAt;
    QString m_error;

    ConnectorStatus m_status;
    QDateTime m_lastPollAt;
    QSet<QString> m_reportedProblems;
};
