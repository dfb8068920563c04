#pragma once

#include "firinglog.h"
#include "flowstore.h"
#include "smtpclient.h"
#include "stepaction.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>
#include <memory>

class ApiClient;
class Clock;
class Database;
class QNetworkAccessManager;
class QThreadPool;
class QTimer;
class SecretStore;

// Runs the steps of recorded firings, in order, off the polling path. Lives on the connector worker's thread
// with the worker's Database; network steps are asynchronous there, and SMTP (libcurl blocks) runs on a small
// pool of its own, so detection is never delayed by a slow step.
//
//   run(firing, flow) --> every step recorded "pending" --> [queue] --(at most maxConcurrentFirings)-->
//   per step: read its secrets --> attempt n "running" --> succeeded --> next step (Get items' rows become
//                                                      |                 {{items}} of the later ones)
//                                                      |--retryable--> attempt n failed, n+1 "pending",
//                                                      |               jittered backoff (429: Retry-After)
//                                                      '--permanent or out of attempts--> failed; the later
//                                                                      steps are marked not run
//
// Every attempt goes through FiringLog::recordStepRun (and stepRunUpdated()) with its time, outcome, HTTP
// status or SMTP reply and a detail from which every secret the step read has been removed. After a restart
// resumeUnfinished() picks up what was pending or running: a step that succeeded is never sent again; an
// attempt that was running when the app stopped is recorded as interrupted and retried (the HTTP step's
// Idempotency-Key stays the same, so the receiver can drop a duplicate).
//
// resubmit() is the user's "send it again" from the trigger log: the firing's steps run once more as new
// attempts (numbered after the earlier ones) of resubmission n = 1, 2, ... (StepRun::resubmission). With
// failedOnly the steps whose last attempt succeeded are kept and not sent again. A resubmission is a
// deliberate second delivery, so the HTTP step sends a new Idempotency-Key per resubmission (derived from
// firing, step and n: still stable across retries and restarts of that resubmission). A Get items step
// before the first step to run is read again (a read, never a send): its rows are not stored.
//
// Secrets: the store may arrive after the runner (setSecretStore(); the app probes the keychain
// asynchronously). Until it does, a step that names a secret waits, its attempt "pending" with a detail
// saying so, for at most Options::secretStoreWait; then the attempt fails retryably and the usual retries
// follow. Steps without secrets do not wait. The store lives on another thread (SecretStore's contract).
//
// The connector worker owns one per database connection and drives it: setConnection() once the instance
// is known, resumeUnfinished() before the first firings it runs, then run() for each firing a poll cycle
// committed. Its requests (ConnectorRequests) call testFire() and resubmit(); testFiringRecorded() reaches
// the trigger log as the worker's firingsRecorded().
class StepRunner : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int maxConcurrentFirings = 4;
        int maxConcurrentEmails = 2; // SMTP transactions at once (threads of the blocking pool)
        int maxAttempts = 5;         // per step, the first one included
        std::chrono::milliseconds firstRetryDelay = std::chrono::seconds(2);
        std::chrono::milliseconds maxRetryDelay = std::chrono::minutes(5);
        std::chrono::milliseconds maxRetryAfter = std::chrono::hours(1);
        std::chrono::milliseconds transferTimeout = std::chrono::seconds(30);
        // How long a step that needs secrets waits for setSecretStore() before the attempt fails (retryably).
        std::chrono::milliseconds secretStoreWait = std::chrono::seconds(30);
    };

    // `db` (open on this thread), `secrets` (may be null: see setSecretStore()) and `network` must outlive
    // the runner.
    StepRunner(Database &db, SecretStore *secrets, QNetworkAccessManager *network, const Clock &clock,
               QObject *parent = nullptr);
    ~StepRunner() override;

    void setOptions(const Options &options);
    Options options() const { return m_options; }
    // The connection's API client and instance: Get items reads through it (its RateLimiter, Background
    // priority); {{instance.name}} is the name.
    void setConnection(ApiClient *api, const QString &instanceId, const QString &instanceName);
    void setSmtpSettings(const SmtpSettings &settings) { m_smtp = settings; }
    // The store the steps read their secrets from (it may live on another thread and must outlive the
    // runner). Steps waiting for one go on.
    void setSecretStore(SecretStore *secrets);
    SecretStore *secretStore() const { return m_secrets; }

    // Runs the steps of a firing already in the FiringLog. False when it is already running or its runs
    // could not be recorded.
    bool run(const Firing &firing, const Flow &flow);
    // Picks up the step runs left pending or running; returns how many firings resume.
    int resumeUnfinished();
    // Test-fire from the flow editor: records a sample firing marked `test` and runs the flow's steps.
    // Returns the firing id, empty when it could not be recorded.
    QString testFire(const Flow &flow);
    // The same with the caller's sample (e.g. the instance's current values); it gets a new "test-..." id,
    // the flow's id, name and trigger, and is marked test (also "test": true in its payload).
    QString testFire(const Flow &flow, const Firing &sample);
    static Firing sampleFiring(const Flow &flow, const QDateTime &now);
    // Runs the steps of a finished firing again (all, or with `failedOnly` those that failed or did not run),
    // with the flow's current steps. False, with a sentence in `error`, while the firing is still running
    // or waiting to resume, when it or its flow is gone, or when failedOnly finds nothing to send again.
    bool resubmit(const QString &firingId, bool failedOnly, QString *error = nullptr);

    int runningFirings() const { return m_running; }
    int queuedFirings() const { return int(m_queue.size()); }
    bool isIdle() const { return m_jobs.isEmpty(); }
    std::chrono::milliseconds retryDelay(int failedAttempt) const;

    // The unknown placeholders of a step's texts (the editor shows them; the runner refuses to send).
    static QStringList unknownPlaceholders(const Step &step);

signals:
    // testFire() recorded its firing (before any of its step runs is reported).
    void testFiringRecorded(const Firing &firing);
    void stepRunUpdated(const StepRun &run);
    void firingCompleted(const QString &firingId, bool allSucceeded);

private:
    struct Job;

    void enqueue(std::shared_ptr<Job> job);
    void pump();
    void startStep(const std::shared_ptr<Job> &job);
    void readSecrets(const std::shared_ptr<Job> &job);
    void waitForSecretStore(const std::shared_ptr<Job> &job);
    void execute(const std::shared_ptr<Job> &job);
    void finishAttempt(const std::shared_ptr<Job> &job, StepOutcome outcome);
    void skipRemaining(Job &job, const QString &reason);
    void complete(const std::shared_ptr<Job> &job);
    void record(StepRun run);
    QString redact(const Job &job, QString text) const;

    Database &m_db;
    FiringLog m_log;
    FlowStore m_flows;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    Options m_options;
    QPointer<ApiClient> m_api;
    QString m_instanceId;
    QString m_instanceName;
    SmtpSettings m_smtp;
    QThreadPool *m_blockingPool;
    QHash<QString, std::shared_ptr<Job>> m_jobs; // queued and running, by firing id
    QList<std::shared_ptr<Job>> m_queue;
    int m_running = 0;
};
