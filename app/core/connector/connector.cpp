#include "connector.h"

#include "authsession.h"
#include "connectorworker.h"

void Connector::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

Connector::Connector(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new ConnectorWorker(clock))
{
    m_thread->setObjectName(QStringLiteral("insights-connector"));
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);

    connect(this, &Connector::startRequested, m_worker, &ConnectorWorker::start, Qt::QueuedConnection);
    connect(this, &Connector::stopRequested, m_worker, &ConnectorWorker::stop, Qt::QueuedConnection);
    connect(this, &Connector::accessTokenProvided, m_worker, &ConnectorWorker::setAccessToken,
            Qt::QueuedConnection);
    connect(this, &Connector::authenticationFailed, m_worker, &ConnectorWorker::failAuthentication,
            Qt::QueuedConnection);
    connect(this, &Connector::flowsChanged, m_worker, &ConnectorWorker::reloadFlows, Qt::QueuedConnection);

    connect(m_worker, &ConnectorWorker::firingsRecorded, this, &Connector::firingsRecorded,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::stepRunUpdated, this, &Connector::stepRunUpdated,
            Qt::QueuedConnection);
    connect(
        m_worker, &ConnectorWorker::statusChanged, this,
        [this](const ConnectorStatus &status) {
            m_status = status;
            emit statusChanged(status);
        },
        Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::accessTokenRequired, this, &Connector::accessTokenRequired,
            Qt::QueuedConnection);
    m_thread->start();
}

Connector::~Connector() = default; // the thread's deleter quits and waits; the worker goes with it

void Connector::start(const ConnectorConfig &config, const QString &accessToken)
{
    m_started = true;
    emit startRequested(config, accessToken);
}

void Connector::stop()
{
    m_started = false;
    emit stopRequested();
}

void Connector::setAccessToken(const QString &accessToken)
{
    emit accessTokenProvided(accessToken);
}

void Connector::failAuthentication(const QString &reason)
{
    emit authenticationFailed(reason);
}

void Connector::reloadFlows()
{
    emit flowsChanged();
}

void Connector::followSession(AuthSession *session, const ConnectorConfig &config)
{
    const auto follow = [this, session, config] {
        switch (session->state()) {
        case AuthSession::State::SignedIn:
            if (m_started)
                setAccessToken(session->accessToken());
            else
                start(config, session->accessToken());
            break;
        case AuthSession::State::SignedOut:
        case AuthSession::State::Expired:
            if (m_started)
                failAuthentication(session->state() == AuthSession::State::Expired
                                       ? session->lastError().message
                                       : tr("Not signed in."));
            break;
        case AuthSession::State::Restoring:
        case AuthSession::State::Refreshing:
            break;
        }
    };
    connect(session, &AuthSession::stateChanged, this, follow);
    connect(session, &AuthSession::accessTokenChanged, this, [this](const QString &token) {
        if (m_started && !token.isEmpty())
            setAccessToken(token);
    });
    connect(session, &AuthSession::refreshFailed, this,
            [this](const SignInError &error) { failAuthentication(error.message); });
    connect(this, &Connector::accessTokenRequired, session, &AuthSession::refreshNow);
    follow();
}
