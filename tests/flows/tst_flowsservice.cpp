#include "database.h"
#include "flowjson.h"
#include "flowsservice.h"
#include "flowstore.h"
#include "secretstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

Flow teamsFlow(const QString &name, const QString &webhookRef = {})
{
    Flow flow;
    flow.name = name;
    Step step{StepKind::TeamsMessage, {{QStringLiteral("text"), QStringLiteral("{{subject}} failed")}}};
    if (!webhookRef.isEmpty())
        step.parameters.insert(QStringLiteral("webhookSecretRef"), webhookRef);
    flow.steps.append(step);
    return flow;
}

FlowsService::EnteredSecret webhook(const QString &url)
{
    return {0, QStringLiteral("webhookSecretRef"), url};
}

} // namespace

// The flows service against a real SQLite database in a temporary folder and the in-memory secret store.
class TestFlowsService : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<FlowsService> m_flows;

    // save() and waits for its outcome.
    FlowsService::SecretsResult save(const Flow &flow, const QList<FlowsService::EnteredSecret> &secrets)
    {
        std::optional<FlowsService::SecretsResult> outcome;
        m_flows->save(flow, secrets, this, [&outcome](const FlowsService::SecretsResult &r) { outcome = r; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }))
            qWarning("save() did not finish");
        return outcome.value_or(FlowsService::SecretsResult{});
    }
    std::optional<QString> secret(const QString &ref)
    {
        std::optional<QString> value;
        bool done = false;
        m_secrets->read(ref, this, [&](std::optional<QString> secret, QString) {
            value = secret;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }))
            qWarning("read() did not finish");
        return value;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_dir->path(), QStringLiteral("test")), qPrintable(m_db->errorString()));
        m_secrets = std::make_unique<MemorySecretStore>();
        m_flows = std::make_unique<FlowsService>(*m_db, [this] { return m_secrets.get(); });
    }

    void cleanup()
    {
        m_flows.reset();
        m_secrets.reset();
        m_db.reset();
        m_dir.reset();
    }

    void saveWritesTheEnteredSecretUnderANewEntryTheStepNames()
    {
        QSignalSpy changed(m_flows.get(), &FlowsService::flowsChanged);
        const FlowsService::SecretsResult result =
            save(teamsFlow(QStringLiteral("A")), {webhook(QStringLiteral("https://hooks.example/1"))});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.flow.id != 0);
        QCOMPARE(changed.size(), 1);
        const QString ref = result.flow.steps.at(0).parameters.value(u"webhookSecretRef").toString();
        QVERIFY(ref.startsWith(u"teams-webhook-"));
        QCOMPARE(secret(ref), QStringLiteral("https://hooks.example/1"));
        // The database names the entry and never holds the secret.
        const std::optional<Flow> stored = m_flows->get(result.flow.id);
        QVERIFY(stored);
        QCOMPARE(stored->secretRefs(), QStringList{ref});
        QVERIFY(!FlowJson::serialize(m_flows->list()).contains("hooks.example"));
        QCOMPARE(m_flows->secretRefsByKey().value(QStringLiteral("webhookSecretRef")), QStringList{ref});
    }

    void aNewSecretReplacesTheOldEntry()
    {
        const FlowsService::SecretsResult first =
            save(teamsFlow(QStringLiteral("A")), {webhook(QStringLiteral("https://hooks.example/1"))});
        QVERIFY(first.ok());
        const QString oldRef = first.flow.secretRefs().value(0);
        const FlowsService::SecretsResult second =
            save(first.flow, {webhook(QStringLiteral("https://hooks.example/2"))});
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.flow.id, first.flow.id);
        const QString newRef = second.flow.secretRefs().value(0);
        QVERIFY(newRef != oldRef);
        QCOMPARE(secret(newRef), QStringLiteral("https://hooks.example/2"));
        QTRY_VERIFY(!m_secrets->keys().contains(oldRef));
        QCOMPARE(m_secrets->keys(), QStringList{newRef});
    }

    void deletingKeepsTheSecretsADuplicateStillNames()
    {
        const FlowsService::SecretsResult saved =
            save(teamsFlow(QStringLiteral("A")), {webhook(QStringLiteral("https://hooks.example/1"))});
        QVERIFY(saved.ok());
        const QString ref = saved.flow.secretRefs().value(0);
        QSignalSpy changed(m_flows.get(), &FlowsService::flowsChanged);
        const qint64 copy = m_flows->duplicate(saved.flow.id);
        QVERIFY(copy != 0);
        QCOMPARE(m_flows->get(copy)->enabled, false);
        QVERIFY(m_flows->remove(saved.flow.id));
        QCOMPARE(changed.size(), 2);
        QVERIFY(secret(ref).has_value()); // the store removes at once when asked: it was not asked
        QVERIFY(m_flows->remove(copy));
        QTRY_VERIFY(!m_secrets->keys().contains(ref));
        QVERIFY(!m_flows->remove(copy));
        QCOMPARE(changed.size(), 3);
    }

    void aDiscardedTestFireLeavesNoSecretBehind()
    {
        const FlowsService::SecretsResult saved =
            save(teamsFlow(QStringLiteral("A")), {webhook(QStringLiteral("https://hooks.example/1"))});
        QVERIFY(saved.ok());
        std::optional<FlowsService::SecretsResult> written;
        m_flows->writeSecrets(saved.flow, {webhook(QStringLiteral("https://hooks.example/test"))}, this,
                              [&](const FlowsService::SecretsResult &r) { written = r; });
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());
        const QString testRef = written->flow.secretRefs().value(0);
        QCOMPARE(secret(testRef), QStringLiteral("https://hooks.example/test"));
        m_flows->discardUnsavedSecrets();
        QTRY_VERIFY(!m_secrets->keys().contains(testRef));
        QCOMPARE(m_secrets->keys(), saved.flow.secretRefs()); // the stored flow's entry stays
    }

    void withoutASecretStoreNothingIsSaved()
    {
        FlowsService flows(*m_db);
        QVERIFY(!flows.hasSecretStore());
        std::optional<FlowsService::SecretsResult> outcome;
        flows.save(teamsFlow(QStringLiteral("A")), {webhook(QStringLiteral("https://hooks.example/1"))}, this,
                   [&](const FlowsService::SecretsResult &r) { outcome = r; });
        QVERIFY(outcome.has_value());
        QCOMPARE(outcome->failure, FlowsService::SecretsResult::Failure::NoSecretStore);
        QVERIFY(flows.list().isEmpty());
    }

    void enablingAMissingFlowSaysWhy()
    {
        const FlowsService::SecretsResult saved =
            save(teamsFlow(QStringLiteral("A"), QStringLiteral("hook")), {});
        QVERIFY(saved.ok());
        QSignalSpy changed(m_flows.get(), &FlowsService::flowsChanged);
        QVERIFY(m_flows->setEnabled(saved.flow.id, false));
        QCOMPARE(m_flows->get(saved.flow.id)->enabled, false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!m_flows->setEnabled(saved.flow.id + 100, true));
        QVERIFY(!m_flows->errorString().isEmpty());
        QCOMPARE(changed.size(), 1);
    }

    void importStoresAllAndNamesTheMissingSecrets()
    {
        m_secrets->write(QStringLiteral("known-hook"), QStringLiteral("https://hooks.example/k"), this,
                         [](bool, QString) {});
        QTRY_COMPARE(m_secrets->keys(), QStringList{QStringLiteral("known-hook")});
        const QString path = m_dir->filePath(QStringLiteral("in.json"));
        QVERIFY(FlowJson::writeFile(path, {teamsFlow(QStringLiteral("A"), QStringLiteral("known-hook")),
                                           teamsFlow(QStringLiteral("B"), QStringLiteral("other-hook"))}));
        QSignalSpy changed(m_flows.get(), &FlowsService::flowsChanged);
        const FlowsService::ImportResult result = m_flows->importFile(path);
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.ids.size(), 2);
        QCOMPARE(m_flows->list().size(), 2);
        QCOMPARE(changed.size(), 1);
        std::optional<QStringList> missing;
        m_flows->missingSecrets(result.flows, this, [&](const QStringList &refs) { missing = refs; });
        QTRY_VERIFY(missing.has_value());
        QCOMPARE(*missing, QStringList{QStringLiteral("other-hook")});
    }

    void aBadFileImportsNothing()
    {
        const QString path = m_dir->filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "flows": [{"name": "A", "trigger": {"type": "nope"}}]})");
        file.close();
        QSignalSpy changed(m_flows.get(), &FlowsService::flowsChanged);
        const FlowsService::ImportResult result = m_flows->importFile(path);
        QVERIFY(!result.ok());
        QVERIFY(!result.storeError);
        QVERIFY(result.errors.join(u'\n').contains(u"flows[0].trigger.type"));
        QVERIFY(m_flows->list().isEmpty());
        QCOMPARE(changed.size(), 0);
    }

    void exportWritesEveryFlow()
    {
        QVERIFY(save(teamsFlow(QStringLiteral("A"), QStringLiteral("hook")), {}).ok());
        QVERIFY(save(teamsFlow(QStringLiteral("B"), QStringLiteral("hook")), {}).ok());
        const QString path = m_dir->filePath(QStringLiteral("out.json"));
        QString error;
        QCOMPARE(m_flows->exportFile(path, &error), 2);
        const FlowJson::Result read = FlowJson::readFile(path);
        QVERIFY(read.ok());
        QCOMPARE(read.flows.size(), 2);
        QCOMPARE(read.flows.at(1).name, QStringLiteral("B"));
        QCOMPARE(m_flows->exportFile(m_dir->filePath(QStringLiteral("missing/dir/out.json")), &error), -1);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFlowsService)
#include "tst_flowsservice.moc"
