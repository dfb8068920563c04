#pragma once

#include "clock.h"
#include "connectorconfig.h"
#include "connectorstatus.h"
#include "firinglog.h"
#include "instancecatalogue.h"
#include "secretstore.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

class AuthSession;
class ConnectorWorker;

// The GUI side of the connector: owns the worker's thread ("insights-connector") and talks to the
// ConnectorWorker only through queued signals carrying values (DESIGN section 3).
//
//   Connector (GUI thread) --startRequested/stopRequested/accessTokenProvided/flowsChanged--> ConnectorWorker
//             <--firingsRecorded/statusChanged/accessTokenRequired--                          (its thread)
//
// The thread is owned RAII-style: its deleter quits and waits; the worker (no parent) is deleted by the
// thread's finished() -> deleteLater. Firings arrive after they are committed to the firing log.
//
// Requests of the flow editor and the trigger log: each call returns a request id (from a counter, never 0)
// at once; exactly one answer signal follows later (queued, never inside the call) carrying that id:
//
//   requestCatalogue()  -> catalogueReady(id, catalogue)   | requestFailed(id, message)
//   previewItems()      -> itemsPreviewReady(id, rows)     | requestFailed(id, message)
//   testFire()          -> testFireStarted(id, firingId)   | requestFailed(id, message)
//   resubmit()          -> resubmitStarted(id, firingId)   | requestFailed(id, message)
//
// The worker serves them only while started and signed in (else requestFailed says "Not signed in..."); its
// API calls use the rate limiter's Interactive priority. requestFailed's message is a translated sentence
// that says what happened and what to do. The steps of a test firing or resubmission then report through
// stepRunUpdated() like any other, and firingCompleted() when the last one is done.
class Connector : public QObject
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
    // none.
    void followSession(AuthSession *session, const ConnectorConfig &config);

    // The store the worker's steps read their secrets from. It lives on the GUI thread and must outlive the
    // connector; it may come after start() (the app probes the keychain asynchronously): until then a step
    // that needs a secret waits (StepRunner::Options::secretStoreWait), then fails retryably.
    void setSecretStore(SecretStore *store);

    // The instance's data sources, segments (with member counts), measures (with values) and entities.
    quint64 requestCatalogue();
    // The first `rows` rows (1..GetItemsStep::kMaxLimit) a Get items step would read: its entity, filter,
    // select and orderBy, placeholders filled from an empty sample.
    quint64 previewItems(const Step &getItemsStep, int rows);
    // Records a test firing of `flow` (marked test in the log; its values are the instance's current ones
    // where the worker can get them) and runs its steps.
    quint64 testFire(const Flow &flow);
    // Runs the steps of a stored firing again: all of them, or with `failedOnly` those that failed or did
    // not run (succeeded ones are kept). Refused while the firing is still running.
    quint64 resubmit(const QString &firingId, bool failedOnly);

public slots:
    void start(const ConnectorConfig &config, const QString &accessToken);
    void stop();
    void setAccessToken(const QString &accessToken);
    void failAuthentication(const QString &reason);
    void reloadFlows();

signals:
    void firingsRecorded(const QList<Firing> &firings);
    void stepRunUpdated(const StepRun &run);
    void statusChanged(const ConnectorStatus &status);
    void accessTokenRequired();
    // The worker read the flows again (after start() or reloadFlows()): `flows` of them, enabled or not.
    void flowsReloaded(int flows);

    void catalogueReady(quint64 request, const InstanceCatalogue &catalogue);
    void itemsPreviewReady(quint64 request, const QList<QJsonObject> &rows);
    void testFireStarted(quint64 request, const QString &firingId);
    void resubmitStarted(quint64 request, const QString &firingId);
    void requestFailed(quint64 request, const QString &message);      // translated: what happened, what to do
    void firingCompleted(const QString &firingId, bool allSucceeded); // from the StepRunner, for any firing

    // To the worker (queued).
    void startRequested(const ConnectorConfig &config, const QString &accessToken);
    void stopRequested();
    void accessTokenProvided(const QString &accessToken);
    void authenticationFailed(const QString &reason);
    void flowsChanged();
    void secretStoreProvided(SecretStore *store);
    void catalogueRequested(quint64 request);
    void itemsPreviewRequested(quint64 request, const Step &getItemsStep, int rows);
    void testFireRequested(quint64 request, const Flow &flow);
    void resubmitRequested(quint64 request, const QString &firingId, bool failedOnly);

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    std::unique_ptr<QThread, ThreadStopper> m_thread;
    ConnectorWorker *m_worker; // lives on m_thread
    ConnectorStatus m_status;
    bool m_started = false;
    quint64 m_lastRequest = 0;
};
