#include "flowsservice.h"

#include "database.h"
#include "firinglog.h"
#include "flowjson.h"
#include "flowstore.h"
#include "secretstore.h"
#include "stepkinddescriptor.h"

#include <QUuid>

#include <memory>

namespace {

// The secret store entry for a new secret of `key` of a `kind` step: readable, unique, and never the
// secret itself.
QString newSecretRef(StepKind kind, const QString &key)
{
    const ParameterSpec *spec = StepKindDescriptor::of(kind).parameter(key);
    const QString prefix =
        spec && !spec->secretPrefix.isEmpty() ? spec->secretPrefix : QStringLiteral("secret");
    return prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

FlowsService::FlowsService(Database &db, SecretStoreSource secrets, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_secrets(std::move(secrets))
{}

QList<Flow> FlowsService::list()
{
    m_db.clearError(); // errorString() then tells a failure from no flows
    return FlowStore(m_db).list();
}

std::optional<Flow> FlowsService::get(qint64 id)
{
    return FlowStore(m_db).get(id);
}

QString FlowsService::errorString() const
{
    return m_db.errorString();
}

std::optional<FlowsService::Activity> FlowsService::activity(qint64 flowId, const QDateTime &since)
{
    FiringLog log(m_db);
    Activity activity;
    activity.lastFired = log.lastFiredAt(flowId);
    activity.firings = log.countSince(flowId, since);
    if (activity.firings < 0)
        return std::nullopt;
    return activity;
}

QList<Observation> FlowsService::observations(TriggerKind kind, const QString &subject)
{
    return ObservationStore(m_db).recent(kind, subject);
}

QHash<QString, QStringList> FlowsService::secretRefsByKey()
{
    QHash<QString, QStringList> known;
    for (const Flow &flow : list()) {
        for (const Step &step : flow.steps) {
            for (const QString &key : Step::secretRefKeys(step.kind)) {
                const QString ref = step.parameters.value(key).toString();
                QStringList &refs = known[key];
                if (!ref.isEmpty() && !refs.contains(ref))
                    refs.append(ref);
            }
        }
    }
    return known;
}

SecretStore *FlowsService::secretStore() const
{
    return m_secrets ? m_secrets() : nullptr;
}

bool FlowsService::hasSecretStore() const
{
    return secretStore() != nullptr;
}

void FlowsService::writeSecrets(const Flow &flow, const QList<EnteredSecret> &secrets, QObject *context,
                                SecretsDone done)
{
    if (secrets.isEmpty())
        return done({SecretsResult::Failure::None, QString(), flow});
    SecretStore *store = secretStore();
    if (!store)
        return done({SecretsResult::Failure::NoSecretStore, QString(), flow});
    struct Pending
    {
        Flow flow;
        qsizetype outstanding = 0;
        bool failed = false;
    };
    auto pending = std::make_shared<Pending>(Pending{flow, secrets.size(), false});
    for (const EnteredSecret &entry : secrets)
        Q_ASSERT(entry.step >= 0 && entry.step < flow.steps.size());
    for (const EnteredSecret &entry : secrets) {
        const QString ref = newSecretRef(flow.steps.at(entry.step).kind, entry.key);
        store->write(ref, entry.secret, context,
                     [this, guard = QPointer<FlowsService>(this), entry, ref, pending,
                      done](bool ok, const QString &error) {
                         if (pending->failed)
                             return;
                         if (!ok) {
                             pending->failed = true;
                             return done({SecretsResult::Failure::SecretStore, error, pending->flow});
                         }
                         if (guard)
                             m_unsavedSecrets.append(ref);
                         pending->flow.steps[entry.step].parameters.insert(entry.key, ref);
                         if (--pending->outstanding == 0)
                             done({SecretsResult::Failure::None, QString(), pending->flow});
                     });
    }
}

void FlowsService::save(const Flow &flow, const QList<EnteredSecret> &secrets, QObject *context,
                        SecretsDone done)
{
    writeSecrets(flow, secrets, context,
                 [this, guard = QPointer<FlowsService>(this), done](SecretsResult result) {
                     if (!result.ok() || !guard)
                         return done(result);
                     FlowStore store(m_db);
                     QStringList former = std::exchange(m_unsavedSecrets, {});
                     qint64 id = result.flow.id;
                     if (id == 0) {
                         id = store.insert(result.flow);
                     } else {
                         if (const std::optional<Flow> stored = store.get(id))
                             former += stored->secretRefs();
                         if (!store.update(result.flow))
                             id = 0;
                     }
                     if (id == 0) {
                         m_unsavedSecrets = former; // still unsaved: a discard removes them
                         result.failure = SecretsResult::Failure::Database;
                         result.error = m_db.errorString();
                         return done(result);
                     }
                     result.flow = store.get(id).value_or(result.flow);
                     result.flow.id = id;
                     emit flowsChanged();
                     releaseSecrets(former);
                     done(result);
                 });
}

void FlowsService::discardUnsavedSecrets()
{
    releaseSecrets(std::exchange(m_unsavedSecrets, {}));
}

void FlowsService::releaseSecrets(const QStringList &refs)
{
    SecretStore *store = secretStore();
    if (refs.isEmpty() || !store)
        return;
    QStringList named;
    for (const Flow &flow : list())
        named += flow.secretRefs();
    QStringList released;
    for (const QString &ref : refs) {
        if (named.contains(ref) || released.contains(ref))
            continue; // another flow still uses it (a duplicate, a shared SMTP server)
        released.append(ref);
        store->remove(ref, this, [this, ref](bool ok, const QString &error) {
            if (!ok)
                emit secretRemovalFailed(ref, error);
        });
    }
}

qint64 FlowsService::duplicate(qint64 id)
{
    const qint64 copy = FlowStore(m_db).duplicate(id);
    if (copy != 0)
        emit flowsChanged();
    return copy;
}

bool FlowsService::remove(qint64 id)
{
    FlowStore store(m_db);
    const std::optional<Flow> flow = store.get(id);
    if (!flow || !store.remove(id))
        return false;
    emit flowsChanged();
    releaseSecrets(flow->secretRefs());
    return true;
}

bool FlowsService::setEnabled(qint64 id, bool enabled)
{
    if (!FlowStore(m_db).setEnabled(id, enabled))
        return false;
    emit flowsChanged();
    return true;
}

FlowsService::ImportResult FlowsService::importFile(const QString &path)
{
    const FlowJson::Result read = FlowJson::readFile(path);
    ImportResult result{read.flows, {}, read.errors, false};
    if (!read.ok())
        return result;
    result.ids = FlowStore(m_db).insertAll(read.flows);
    if (result.ids.size() != read.flows.size()) {
        result.ids.clear();
        result.errors = {m_db.errorString()};
        result.storeError = true;
        return result;
    }
    emit flowsChanged();
    return result;
}

void FlowsService::missingSecrets(const QList<Flow> &flows, QObject *context,
                                  std::function<void(QStringList)> done)
{
    QStringList refs;
    for (const Flow &flow : flows) {
        for (const QString &ref : flow.secretRefs()) {
            if (!refs.contains(ref))
                refs.append(ref);
        }
    }
    SecretStore *store = secretStore();
    if (refs.isEmpty() || !store)
        return done({});
    auto missing = std::make_shared<QStringList>();
    auto outstanding = std::make_shared<qsizetype>(refs.size());
    for (const QString &ref : std::as_const(refs)) {
        store->read(ref, context, [ref, missing, outstanding, done](std::optional<QString> secret, QString) {
            if (!secret)
                missing->append(ref);
            if (--*outstanding > 0)
                return;
            missing->sort();
            done(*missing);
        });
    }
}

void FlowsService::storeSecret(const QString &ref, const QString &secret)
{
    SecretStore *store = secretStore();
    if (!store)
        return emit secretWriteFailed(ref, QString());
    store->write(ref, secret, this, [this, ref](bool ok, const QString &error) {
        if (!ok)
            emit secretWriteFailed(ref, error);
    });
}

int FlowsService::exportFile(const QString &path, QString *error)
{
    const QList<Flow> flows = list();
    if (!errorString().isEmpty()) {
        if (error)
            *error = m_db.errorString();
        return -1;
    }
    if (!FlowJson::writeFile(path, flows, error))
        return -1;
    return int(flows.size());
}
