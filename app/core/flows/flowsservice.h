#pragma once

#include "flow.h"
#include "observationstore.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class Database;
class SecretStore;

// The flows of this installation and the secrets their steps name, on the GUI thread (or the thread of a
// command-line run). Every change to the flows goes through here:
//
//   PowerAutomatePane, FlowEditor, FlowListModel, --import-flows --> FlowsService --> FlowStore (Database)
//                                                                                 --> SecretStore
//                                                               flowsChanged() --> Connector::reloadFlows,
//                                                                                  the flows list, the
//                                                                                  trigger log
//
// Secrets: a secret typed in the editor is written under a new entry that the step then names; the flow never
// holds it. An entry no stored flow names any more is removed from the secret store: when its flow is deleted
// (not while a duplicate still names it), when a step gets a new secret (on save), and when an edit whose
// test fire wrote secrets is discarded (discardUnsavedSecrets()).
//
// Failures return 0 / false / nullopt / an empty list with errorString() set (the database's sentence).
class FlowsService : public QObject
{
    Q_OBJECT

public:
    // The secret store, once known (the system's store is probed after the window shows); may return null.
    using SecretStoreSource = std::function<SecretStore *()>;

    // `db` must be open on this thread and outlive the service.
    explicit FlowsService(Database &db, SecretStoreSource secrets = {}, QObject *parent = nullptr);

    QList<Flow> list();
    std::optional<Flow> get(qint64 id);
    QString errorString() const;

    // The last firing of a flow and how often it fired since `since`; nullopt when the log cannot be read.
    struct Activity
    {
        QDateTime lastFired; // invalid when it never fired
        int firings = 0;
    };
    std::optional<Activity> activity(qint64 flowId, const QDateTime &since);
    // The recent values of a segment or measure the connector worker observed, oldest first.
    QList<Observation> observations(TriggerKind kind, const QString &subject);
    // The secret store entries the stored flows name, by parameter key ("smtpSecretRef" -> entries), to
    // reuse.
    QHash<QString, QStringList> secretRefsByKey();

    // A secret typed for the parameter `key` of step `step` (not stored yet).
    struct EnteredSecret
    {
        int step = 0;
        QString key;
        QString secret;
    };
    struct SecretsResult
    {
        enum class Failure
        {
            None,
            NoSecretStore, // the system secret store is not known yet
            SecretStore,   // a write failed (`error`): nothing is named
            Database,      // save() only: the flow could not be stored (`error`)
        };
        Failure failure = Failure::None;
        QString error;
        Flow flow; // the flow with its steps naming the new entries (save(): as stored, with its id)
        bool ok() const { return failure == Failure::None; }
    };
    using SecretsDone = std::function<void(const SecretsResult &result)>;

    bool hasSecretStore() const;
    // Writes each secret under a new entry of the secret store and names it in its step of `flow`. `done`
    // runs on `context`'s thread, later (at once when there is nothing to write). The entries stay until the
    // flow is saved naming them, or discardUnsavedSecrets().
    void writeSecrets(const Flow &flow, const QList<EnteredSecret> &secrets, QObject *context,
                      SecretsDone done);
    // writeSecrets(), then stores the flow (id 0: a new one) and removes the entries its former version (or
    // an earlier test fire) named that no stored flow names any more. Emits flowsChanged().
    void save(const Flow &flow, const QList<EnteredSecret> &secrets, QObject *context, SecretsDone done);
    // Removes the entries writeSecrets() wrote that no stored flow names (an edit was discarded).
    void discardUnsavedSecrets();

    // A disabled copy named "<name> (copy)"; its id, 0 on failure. Emits flowsChanged().
    qint64 duplicate(qint64 id);
    // Deletes the flow (its firings stay in the log) and the entries only it named. Emits flowsChanged().
    bool remove(qint64 id);
    bool setEnabled(qint64 id, bool enabled); // emits flowsChanged()

    struct ImportResult
    {
        QList<Flow> flows;  // as read from the file
        QList<qint64> ids;  // of the stored flows, in file order
        QStringList errors; // FlowJson's, one per problem; or the database's sentence (storeError)
        bool storeError = false;
        bool ok() const { return errors.isEmpty(); }
    };
    // Reads a flows JSON file (FLOWS-FORMAT.md) and stores all of its flows, or none. Emits flowsChanged().
    ImportResult importFile(const QString &path);
    // The entries `flows` name that the secret store lacks (an import from another computer), sorted; `done`
    // runs on `context`'s thread. Nothing is missing without a secret store.
    void missingSecrets(const QList<Flow> &flows, QObject *context, std::function<void(QStringList)> done);
    // Writes one secret under `ref` (the import's question); failures reach secretStoreFailed().
    void storeSecret(const QString &ref, const QString &secret);
    // Writes every flow to `path`; the number written, -1 with `error` set on failure.
    int exportFile(const QString &path, QString *error);

signals:
    // Flows were added, changed or deleted.
    void flowsChanged();
    // A secret could not be written (storeSecret) or removed: `ref` names the entry, `error` is the store's.
    void secretWriteFailed(const QString &ref, const QString &error);
    void secretRemovalFailed(const QString &ref, const QString &error);

private:
    SecretStore *secretStore() const;
    // Removes the entries of `refs` that no stored flow names.
    void releaseSecrets(const QStringList &refs);

    Database &m_db;
    SecretStoreSource m_secrets;
    QStringList m_unsavedSecrets; // written by writeSecrets(), not yet named by a stored flow
};
