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
    qRegisterMetaType<InstanceCatalogue>();
    qRegisterMetaType<Step>();
    qRegisterMetaType<Flow>();
    qRegisterMetaType<QList<QJsonObject>>();
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
    connect(this, &Connector::secretStoreProvided, m_worker, &ConnectorWorker::setSecretStore,
            Qt::QueuedConnection);
    connect(this, &Connector::catalogueRequested, m_worker, &ConnectorWorker::requestCatalogue,
            Qt::QueuedConnection);
    connect(this, &Connector::itemsPreviewRequested, m_worker, &ConnectorWorker::previewItems,
            Qt::QueuedConnection);
    connect(this, &Connector::testFireRequested, m_worker, &ConnectorWorker::testFire, Qt::QueuedConnection);
    connect(this, &Connector::resubmitRequested, m_worker, &ConnectorWorker::resubmit, Qt::QueuedConnection);

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
    connect(m_worker, &ConnectorWorker::flowsReloaded, this, &Connector::flowsReloaded, Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::catalogueReady, this, &Connector::catalogueReady,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::itemsPreviewReady, this, &Connector::itemsPreviewReady,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::testFireStarted, this, &Connector::testFireStarted,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::resubmitStarted, this, &Connector::resubmitStarted,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::requestFailed, this, &Connector::requestFailed, Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::firingCompleted, this, &Connector::firingCompleted,
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

void Connector::setSecretStore(SecretStore *store)
{
    emit secretStoreProvided(store);
}

quint64 Connector::requestCatalogue()
{
    const quint64 request = ++m_lastRequest;
    emit catalogueRequested(request);
    return request;
}

quint64 Connector::previewItems(const Step &getItemsStep, int rows)
{
    const quint64 request = ++m_lastRequest;
    emit itemsPreviewRequested(request, getItemsStep, rows);
    return request;
}

quint64 Connector::testFire(const Flow &flow)
{
    const quint64 request = ++m_lastRequest;
    emit testFireRequested(request, flow);
    return request;
}

quint64 Connector::resubmit(const QString &firingId, bool failedOnly)
{
    const quint64 request = ++m_lastRequest;
    emit resubmitRequested(request, firingId, failedOnly);
    return request;
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
