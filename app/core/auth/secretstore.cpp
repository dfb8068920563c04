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

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (readJob->error() == QKeychain::NoError)
            done(readJob->textData(), QString());
        else if (readJob->error() == QKeychain::EntryNotFound)
            done(std::nullopt, QString());
        else
            done(std::nullopt, readJob->errorString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                DoneCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError,
             finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        const bool ok =
            finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        done(ok, ok ? QString() : finished->errorString());
    });
    job->start();
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
    const auto it = m_secrets.constFind(key);
    const std::optional<QString> secret = it == m_secrets.cend() ? std::nullopt : std::optional<QString>(*it);
    later(context, [done = std::move(done), secret] { done(secret, QString()); });
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    m_secrets.insert(key, secret);
    later(context, [done = std::move(done)] { done(true, QString()); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    m_secrets.remove(key);
    later(context, [done = std::move(done)] { done(true, QString()); });
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
