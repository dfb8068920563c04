#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

// Asynchronous key -> secret storage. Callbacks run on the thread of `context`, later (never inside the
// call), and not at all once `context` is gone.
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
// "insights-admin". Never falls back to plaintext.
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
};

// Secrets in this process's memory only: the fallback when no OS secret store works, and for tests.
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

    QStringList keys() const { return m_secrets.keys(); }

private:
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
