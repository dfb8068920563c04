#pragma once

#include "clock.h"
#include "connectorconfig.h"
#include "connectorjob.h"
#include "connectorstatus.h"
#include "firinglog.h"
#include "instancerequests.h"
#include "secretstore.h"

#include <QHash>
#include <QPointer>
#include <QThread>

#include <memory>

class AuthSession;
class ConnectorRequests;
class ConnectorWorker;

// The GUI side of the connector: owns the worker's thread ("insights-connector") and talks to the worker
// only by queued calls and queued signals carrying values (docs/threads.md).
//
//   Connector (GUI thread) --queued calls: start, stop, tokens, flows, secret store--> ConnectorWorker
//                          <--firingsRecorded, stepRunUpdated, firingCompleted, ----- (its thread)
//                             statusChanged, accessTokenRequired, flowsReloaded (queued signals)
//   a job --ticket, queued call--> ConnectorRequests (the worker's, on its thread)
//         <--answered(ticket, answer), queued: the job's finished(result) or failed(message)--
//
// The thread is owned RAII-style: its deleter quits and waits; the worker (no parent) is deleted by the
// thread's finished() -> deleteLater. Firings arrive after they are committed to the firing log; connect
// firingsRecorded straight to whatever shows them.
//
// The requests of the flow editor (InstanceRequests) and the trigger log's resubmit each return a job
// (ConnectorJob) parented to the caller's `owner`: exactly one of finished(result) and failed(message)
// follows later, never inside the call, then the job deletes itself; the answer to a job deleted before it
// (its owner went) is dropped. The worker serves them only while started and signed in (else failed() says
// "Not signed in..."); their API calls use the rate limiter's Interactive priority; stop() fails those in
// flight. The steps of a test firing or resubmission then report through stepRunUpdated() like any other,
// and firingCompleted() when the last one is done.
class Connector : public InstanceRequests
{
    Q_OBJECT

public:
    // `clock` must outlive the connector and be safe to read from another thread.
    explicit Connector(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~Connector() override;

    ConnectorStatus status() const { return m_status; }
    bool isStarted() const { return m_started; }
    QThread *workerThread() const { return m_thread.get(); }

    // Follows a signed-in session: starts with `config` once signed in, passes renewed tokens on, asks the
    // session for a new token when the API refuses the current one, and waits (signed out) while there is
    // none. The session's subscription key (when it has one) replaces the config's; the worker starts
    // again when it changes.
    void followSession(AuthSession *session, const ConnectorConfig &config);

    // The store the worker's steps read their secrets from. It lives on the GUI thread and must outlive the
    // connector; it may come after start() (the app probes the keychain asynchronously): until then a step
    // that needs a secret waits (StepRunner::Options::secretStoreWait), then fails retryably.
    void setSecretStore(SecretStore *store);

    CatalogueJob *requestCatalogue(QObject *owner) override;
    ItemsPreviewJob *previewItems(const Step &getItemsStep, int rows, QObject *owner) override;
    FiringJob *testFire(const Flow &flow, QObject *owner) override;
    // Runs the steps of a stored firing again: all of them, or with `failedOnly` those that failed or did
    // not run (succeeded ones are kept). Refused while the firing is still running.
    FiringJob *resubmit(const QString &firingId, bool failedOnly, QObject *owner);

public slots:
    void start(const ConnectorConfig &config, const QString &accessToken);
    void stop();
    void setAccessToken(const QString &accessToken);
    void failAuthentication(const QString &reason);
    void reloadFlows();

signals:
    void firingsRecorded(const QList<Firing> &firings);
    void statusChanged(const ConnectorStatus &status);
    void accessTokenRequired();
    // The worker read the flows again (after start() or reloadFlows()): `flows` of them, enabled or not.
    void flowsReloaded(int flows);

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    // Runs `call` on the worker's thread, after the calls queued before it.
    template<typename Call>
    void toWorker(Call &&call);
    // A ticket for `job`, whose answer answer() hands to it.
    quint64 track(ConnectorJob *job);
    void answer(quint64 ticket, const ConnectorAnswer &answer);

    std::unique_ptr<QThread, ThreadStopper> m_thread;
    ConnectorWorker *m_worker;     // lives on m_thread
    ConnectorRequests *m_requests; // the worker's, on m_thread
    ConnectorStatus m_status;
    bool m_started = false;
    quint64 m_lastTicket = 0;
    QHash<quint64, QPointer<ConnectorJob>> m_jobs; // waiting for their answer
};
