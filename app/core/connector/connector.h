#pragma once

#include "clock.h"
#include "connectorconfig.h"
#include "connectorstatus.h"
#include "firinglog.h"

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

    // To the worker (queued).
    void startRequested(const ConnectorConfig &config, const QString &accessToken);
    void stopRequested();
    void accessTokenProvided(const QString &accessToken);
    void authenticationFailed(const QString &reason);
    void flowsChanged();

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    std::unique_ptr<QThread, ThreadStopper> m_thread;
    ConnectorWorker *m_worker; // lives on m_thread
    ConnectorStatus m_status;
    bool m_started = false;
};
