#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class KeychainRelay;
namespace QKeychain {
class Job;
}

// Asynchronous key -> secret storage. Callbacks run on the thread of `context`, later (never inside the
// call), and not at all once `context` is gone.
//
// Threads: a store lives on one thread (the GUI's: the app probes the keychain there) but read(), write()
// and remove() may be called from any thread, e.g. by the connector worker's step runner, as long as the
// store outlives the call and its callback. `context` must be alive when the call is made (normally it is an
// object of the calling thread); the callback then runs on `context`'s thread, through a queued call, and is
// dropped if `context` is destroyed before it runs. isPersistent() and status() are safe from any thread.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(std::optional<QString> secret, QString error)>;
    using DoneCallback = std::function<void(bool ok, QString error)>;

    using QObject::QObject;

    // nullopt with an empty error: no such key.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) = 0;
    // Removing a missing key succeeds.
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;
    // Whether secrets survive the process (the OS secret store) or only live in memory.
    virtual bool isPersistent() const = 0;
    // For the Account pane: "Remembered in the system secret store" / "Not remembered: ...".
    virtual QString status() const = 0;
};

// The OS secret store through QtKeychain (Secret Service / KWallet, Keychain, Credential Manager), service
// "insights-admin". Never falls back to plaintext. The QtKeychain jobs always run on the store's own thread
// (their D-Bus and libsecret backends are not made for other threads): a call from another thread is
// carried there, and its result carried back to `context`'s thread.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    static QString serviceName();

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;
    bool isPersistent() const override { return true; }
    QString status() const override;

private:
    // Starts the job `make` creates on this store's thread; `finish` reads it there and emits the relay's
    // delivered(), which reaches `deliver` on `context`'s thread.
    void run(QObject *context, std::function<QKeychain::Job *()> make,
             std::function<void(QKeychain::Job *, KeychainRelay *)> finish,
             std::function<void(bool ok, bool found, const QString &secret, const QString &error)> deliver);
};

// Secrets in this process's memory only: the fallback when no OS secret store works, and for tests. A mutex
// guards the secrets, so a write on one thread is seen by a read on another.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    // `status` defaults to "Not remembered: no secret store available"; `details` says why.
    explicit MemorySecretStore(QObject *parent = nullptr);
    MemorySecretStore(const QString &status, const QString &details, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;
    bool isPersistent() const override { return false; }
    QString status() const override { return m_status; }
    QString details() const { return m_details; }

    QStringList keys() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
    QString m_status;
    QString m_details;
};

// Finds a secret store that works: a KeychainSecretStore when a write, read and delete of a test key
// succeed within `timeout`, else a MemorySecretStore whose status says "Not remembered: no secret store
// available" and whose details carry the keychain's error. The store is a child of `owner`; `done` runs
// once, in `owner`'s thread.
class SecretStoreProbe
{
    Q_DECLARE_TR_FUNCTIONS(SecretStoreProbe)

public:
    static void probe(QObject *owner, std::function<void(SecretStore *store)> done,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));
    static QString rememberedStatus();
    static QString notRememberedStatus();
};
