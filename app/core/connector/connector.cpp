#include "connector.h"

#include "authsession.h"
#include "connectorrequests.h"
#include "connectorworker.h"

void Connector::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

Connector::Connector(const Clock &clock, QObject *parent)
    : InstanceRequests(parent)
    , m_thread(new QThread)
    , m_worker(new ConnectorWorker(clock))
    , m_requests(m_worker->requests())
{
    qRegisterMetaType<ConnectorAnswer>();
    qRegisterMetaType<InstanceCatalogue>();
    qRegisterMetaType<QList<QJsonObject>>();
    m_thread->setObjectName(QStringLiteral("insights-connector"));
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &ConnectorWorker::firingsRecorded, this, &Connector::firingsRecorded,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::stepRunUpdated, this, &Connector::stepRunUpdated,
            Qt::QueuedConnection);
    connect(m_worker, &ConnectorWorker::firingCompleted, this, &Connector::firingCompleted,
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
    connect(m_requests, &ConnectorRequests::answered, this, &Connector::answer, Qt::QueuedConnection);
    m_thread->start();
}

Connector::~Connector()
{
    // The thread's deleter quits and waits; the worker goes with it, and the requests unanswered.
    for (const QPointer<ConnectorJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->fail(tr("The connector stopped before it answered. Try again once it runs."));
    }
}

template<typename Call>
void Connector::toWorker(Call &&call)
{
    // Queued to an object of the worker's thread: the calls run there, in the order they were made.
    QMetaObject::invokeMethod(m_worker, std::forward<Call>(call), Qt::QueuedConnection);
}

void Connector::start(const ConnectorConfig &config, const QString &accessToken)
{
    m_started = true;
    toWorker([worker = m_worker, config, accessToken] { worker->start(config, accessToken); });
}

void Connector::stop()
{
    m_started = false;
    toWorker([worker = m_worker] { worker->stop(); });
}

void Connector::setAccessToken(const QString &accessToken)
{
    toWorker([worker = m_worker, accessToken] { worker->setAccessToken(accessToken); });
}

void Connector::failAuthentication(const QString &reason)
{
    toWorker([worker = m_worker, reason] { worker->failAuthentication(reason); });
}

void Connector::reloadFlows()
{
    toWorker([worker = m_worker] { worker->reloadFlows(); });
}

void Connector::setSecretStore(SecretStore *store)
{
    toWorker([worker = m_worker, store] { worker->setSecretStore(store); });
}

quint64 Connector::track(ConnectorJob *job)
{
    const quint64 ticket = ++m_lastTicket;
    m_jobs.insert(ticket, job);
    return ticket;
}

void Connector::answer(quint64 ticket, const ConnectorAnswer &answer)
{
    // A job deleted meanwhile (its owner went) is a null pointer here: the answer is dropped.
    if (const QPointer<ConnectorJob> job = m_jobs.take(ticket))
        job->answer(answer);
}

CatalogueJob *Connector::requestCatalogue(QObject *owner)
{
    auto *job = new CatalogueJob(owner);
    toWorker([requests = m_requests, ticket = track(job)] { requests->requestCatalogue(ticket); });
    return job;
}

ItemsPreviewJob *Connector::previewItems(const Step &getItemsStep, int rows, QObject *owner)
{
    auto *job = new ItemsPreviewJob(owner);
    toWorker([requests = m_requests, ticket = track(job), getItemsStep, rows] {
        requests->previewItems(ticket, getItemsStep, rows);
    });
    return job;
}

FiringJob *Connector::testFire(const Flow &flow, QObject *owner)
{
    auto *job = new FiringJob(owner);
    toWorker([requests = m_requests, ticket = track(job), flow] { requests->testFire(ticket, flow); });
    return job;
}

FiringJob *Connector::resubmit(const QString &firingId, bool failedOnly, QObject *owner)
{
    auto *job = new FiringJob(owner);
    toWorker([requests = m_requests, ticket = track(job), firingId, failedOnly] {
        requests->resubmit(ticket, firingId, failedOnly);
    });
    return job;
}

void Connector::followSession(AuthSession *session, const ConnectorConfig &config)
{
    // The session's subscription key, else the config's.
    const auto configWithKey = [session, config] {
        ConnectorConfig withKey = config;
        if (!session->subscriptionKey().isEmpty())
            withKey.subscriptionKey = session->subscriptionKey();
        return withKey;
    };
    const auto follow = [this, session, configWithKey] {
        switch (session->state()) {
        case AuthSession::State::SignedIn:
            if (m_started)
                setAccessToken(session->accessToken());
            else
                start(configWithKey(), session->accessToken());
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
    // Another key (the Account pane): the worker starts again with it.
    connect(session, &AuthSession::subscriptionKeyChanged, this,
            [this, session, configWithKey, key = configWithKey().subscriptionKey]() mutable {
                const ConnectorConfig next = configWithKey();
                if (next.subscriptionKey == key)
                    return;
                key = next.subscriptionKey;
                if (m_started)
                    start(next, session->accessToken()); // the worker stops first
            });
    follow();
}
