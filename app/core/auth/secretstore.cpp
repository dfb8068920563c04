#include "secretstore.h"

#include "authlog.h"
#include "pkce.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace {

// Runs `call` later on `context`'s thread, unless `context` is gone by then.
template<typename Call>
void later(QObject *context, Call call)
{
    QMetaObject::invokeMethod(context, std::move(call), Qt::QueuedConnection);
}

template<typename Job>
Job *newJob(const QString &key)
{
    // No parent: a job deleted mid-call could be called back by the backend; it deletes itself when done.
    auto *job = new Job(KeychainSecretStore::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

// Carries the result of a keychain job from the store's thread to `context`'s thread. Made on the calling
// thread and connected to `context` there (connect() is thread-safe), then moved to the store's thread:
// emitting delivered() there queues the callback to `context`, and Qt drops it if `context` is destroyed
// meanwhile. It deletes itself on the store's thread once it has delivered.
class KeychainRelay : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

signals:
    void delivered(bool ok, bool found, const QString &secret, const QString &error);
};

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{}

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("insights-admin");
}

QString KeychainSecretStore::status() const
{
    return SecretStoreProbe::rememberedStatus();
}

void KeychainSecretStore::run(QObject *context, std::function<QKeychain::Job *()> make,
                              std::function<void(QKeychain::Job *, KeychainRelay *)> finish,
                              std::function<void(bool, bool, const QString &, const QString &)> deliver)
{
    auto *relay = new KeychainRelay;
    connect(relay, &KeychainRelay::delivered, context,
            [deliver = std::move(deliver)](bool ok, bool found, const QString &secret, const QString &error) {
                deliver(ok, found, secret, error);
            });
    relay->moveToThread(thread());
    // Always from the event loop of the store's thread, even when called there: never inside the call.
    QMetaObject::invokeMethod(
        relay,
        [relay, make = std::move(make), finish = std::move(finish)] {
            QKeychain::Job *job = make();
            connect(job, &QKeychain::Job::finished, relay, [relay, finish](QKeychain::Job *finished) {
                finish(finished, relay);
                relay->deleteLater();
            });
            job->start();
        },
        Qt::QueuedConnection);
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    run(
        context, [key] { return newJob<QKeychain::ReadPasswordJob>(key); },
        [](QKeychain::Job *finished, KeychainRelay *relay) {
            const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (readJob->error() == QKeychain::NoError)
                emit relay->delivered(true, true, readJob->textData(), QString());
            else if (readJob->error() == QKeychain::EntryNotFound)
                emit relay->delivered(true, false, QString(), QString());
            else
                emit relay->delivered(false, false, QString(), readJob->errorString());
        },
        [done = std::move(done)](bool ok, bool found, const QString &secret, const QString &error) {
            if (ok && found)
                done(secret, QString());
            else
                done(std::nullopt, ok ? QString() : error);
        });
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                DoneCallback done)
{
    run(
        context,
        [key, secret] {
            auto *job = newJob<QKeychain::WritePasswordJob>(key);
            job->setTextData(secret);
            return job;
        },
        [](QKeychain::Job *finished, KeychainRelay *relay) {
            const bool ok = finished->error() == QKeychain::NoError;
            emit relay->delivered(ok, false, QString(), ok ? QString() : finished->errorString());
        },
        [done = std::move(done)](bool ok, bool, const QString &, const QString &error) { done(ok, error); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    run(
        context, [key] { return newJob<QKeychain::DeletePasswordJob>(key); },
        [](QKeychain::Job *finished, KeychainRelay *relay) {
            const bool ok =
                finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
            emit relay->delivered(ok, false, QString(), ok ? QString() : finished->errorString());
        },
        [done = std::move(done)](bool ok, bool, const QString &, const QString &error) { done(ok, error); });
}

MemorySecretStore::MemorySecretStore(QObject *parent)
    : MemorySecretStore(SecretStoreProbe::notRememberedStatus(), QString(), parent)
{}

MemorySecretStore::MemorySecretStore(const QString &status, const QString &details, QObject *parent)
    : SecretStore(parent)
    , m_status(status)
    , m_details(details)
{}

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    std::optional<QString> secret;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_secrets.constFind(key);
        if (it != m_secrets.cend())
            secret = *it;
    }
    later(context, [done = std::move(done), secret] { done(secret, QString()); });
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.insert(key, secret);
    }
    later(context, [done = std::move(done)] { done(true, QString()); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.remove(key);
    }
    later(context, [done = std::move(done)] { done(true, QString()); });
}

QStringList MemorySecretStore::keys() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.keys();
}

QString SecretStoreProbe::rememberedStatus()
{
    return tr("Remembered in the system secret store");
}

QString SecretStoreProbe::notRememberedStatus()
{
    return tr("Not remembered: no secret store available");
}

void SecretStoreProbe::probe(QObject *owner, std::function<void(SecretStore *)> done,
                             std::chrono::milliseconds timeout)
{
    struct Probe
    {
        std::function<void(SecretStore *)> done;
        QPointer<KeychainSecretStore> keychain;
        QPointer<QTimer> timer;
        QString key;
        QString value;
        bool finished = false;

        void succeed()
        {
            if (std::exchange(finished, true))
                return;
            delete timer;
            qCInfo(lcAuth) << "using the system secret store";
            done(keychain);
        }
        void fallBack(QObject *owner, const QString &why)
        {
            if (std::exchange(finished, true))
                return;
            delete timer;
            delete keychain;
            qCWarning(lcAuth).noquote() << "no working system secret store:" << why;
            done(new MemorySecretStore(notRememberedStatus(), why, owner));
        }
    };
    auto probe = std::make_shared<Probe>();
    probe->done = std::move(done);
    probe->keychain = new KeychainSecretStore(owner);
    probe->key = QStringLiteral("probe/") + QString::fromLatin1(Pkce::randomToken(9));
    probe->value = QString::fromLatin1(Pkce::randomToken(16));
    probe->timer = new QTimer(owner);
    probe->timer->setSingleShot(true);
    QObject::connect(probe->timer, &QTimer::timeout, owner, [probe, owner] {
        probe->fallBack(owner, QStringLiteral("the secret store did not answer"));
    });
    probe->timer->start(timeout);

    probe->keychain->write(probe->key, probe->value, owner, [probe, owner](bool ok, const QString &error) {
        if (!ok || !probe->keychain)
            return probe->fallBack(owner, error);
        probe->keychain->read(
            probe->key, owner, [probe, owner](std::optional<QString> secret, const QString &error) {
                if (!probe->keychain)
                    return probe->fallBack(owner, error);
                if (!secret || *secret != probe->value)
                    return probe->fallBack(
                        owner, error.isEmpty() ? QStringLiteral("the test secret did not read back") : error);
                probe->keychain->remove(probe->key, owner, [probe, owner](bool ok, const QString &error) {
                    if (!ok)
                        return probe->fallBack(owner, error);
                    probe->succeed();
                });
            });
    });
}

#include "secretstore.moc"
