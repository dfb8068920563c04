#include "database.h"
#include "flowstore.h"
#include "manualclock.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

class TestFlowStore : public QObject
{
    Q_OBJECT

private:
    static Flow segmentFlow(const QString &name)
    {
        Flow flow;
        flow.name = name;
        flow.trigger.kind = TriggerKind::SegmentThresholdCrossed;
        flow.trigger.subject = QStringLiteral("HighValueCustomers");
        flow.trigger.threshold = 1250;
        flow.steps = {Step{StepKind::TeamsMessage,
                           {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams")},
                            {QStringLiteral("text"), QStringLiteral("{{subject}}")}}},
                      Step{StepKind::Email,
                           {{QStringLiteral("to"), QJsonArray{QStringLiteral("a@b.example")}},
                            {QStringLiteral("subject"), QStringLiteral("s")},
                            {QStringLiteral("textBody"), QStringLiteral("b")},
                            {QStringLiteral("smtpSecretRef"), QStringLiteral("smtp")}}}};
        return flow;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock;

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void insertAndGet()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        FlowStore store(db, m_clock);
        Flow flow = segmentFlow(QStringLiteral("Big spenders"));
        const qint64 id = store.insert(flow);
        QVERIFY2(id > 0, qPrintable(db.errorString()));
        const std::optional<Flow> stored = store.get(id);
        QVERIFY(stored);
        flow.id = id;
        flow.created = flow.modified = m_clock.now();
        QCOMPARE(*stored, flow);
        QVERIFY(!store.get(id + 100));
    }

    void listInIdOrderWithSteps()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        FlowStore store(db, m_clock);
        Flow noSteps;
        noSteps.name = QStringLiteral("Unification");
        noSteps.trigger.kind = TriggerKind::UnificationRefreshCompleted;
        const qint64 a = store.insert(segmentFlow(QStringLiteral("A")));
        const qint64 b = store.insert(noSteps);
        const qint64 c = store.insert(segmentFlow(QStringLiteral("C")));
        const QList<Flow> flows = store.list();
        QCOMPARE(flows.size(), 3);
        QCOMPARE(flows.at(0).id, a);
        QCOMPARE(flows.at(1).id, b);
        QCOMPARE(flows.at(2).id, c);
        QCOMPARE(flows.at(0).steps.size(), 2);
        QCOMPARE(flows.at(0).steps.at(1).kind, StepKind::Email);
        QVERIFY(flows.at(1).steps.isEmpty());
        QCOMPARE(flows.at(2).steps, segmentFlow(QString()).steps);
    }

    void updateReplacesStepsAndKeepsCreated()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        FlowStore store(db, m_clock);
        const QDateTime created = m_clock.now();
        const qint64 id = store.insert(segmentFlow(QStringLiteral("A")));
        m_clock.advance(5min);
        Flow flow = *store.get(id);
        flow.name = QStringLiteral("Renamed");
        flow.trigger.kind = TriggerKind::DataSourceRefreshFailed;
        flow.trigger.subject.clear();
        flow.trigger.permanentFailuresOnly = true;
        flow.steps = {flow.steps.at(1)};
        QVERIFY(store.update(flow));
        const Flow stored = *store.get(id);
        QCOMPARE(stored.name, QStringLiteral("Renamed"));
        QCOMPARE(stored.trigger.kind, TriggerKind::DataSourceRefreshFailed);
        QVERIFY(stored.trigger.permanentFailuresOnly);
        QCOMPARE(stored.steps.size(), 1);
        QCOMPARE(stored.steps.first().kind, StepKind::Email);
        QCOMPARE(stored.created, created);
        QCOMPARE(stored.modified, m_clock.now());

        flow.id = id + 1;
        QVERIFY(!store.update(flow));
        QVERIFY(db.errorString().contains(u"no longer exists"));
    }

    void removeSetEnabledDuplicate()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
        FlowStore store(db, m_clock);
        const qint64 id = store.insert(segmentFlow(QStringLiteral("A")));
        QVERIFY(store.setEnabled(id, false));
        QVERIFY(!store.get(id)->enabled);
        QVERIFY(store.setEnabled(id, true));
        QVERIFY(store.get(id)->enabled);
        QVERIFY(!store.setEnabled(id + 1, true));

        const qint64 copy = store.duplicate(id);
        QVERIFY(copy > id);
        const Flow duplicated = *store.get(copy);
        QCOMPARE(duplicated.name, QStringLiteral("A (copy)"));
        QVERIFY(!duplicated.enabled);
        QCOMPARE(duplicated.trigger, store.get(id)->trigger);
        QCOMPARE(duplicated.steps, store.get(id)->steps);
        QCOMPARE(store.duplicate(copy + 10), 0);

        QVERIFY(store.remove(id));
        QVERIFY(!store.get(id));
        QVERIFY(!store.remove(id));
        QCOMPARE(store.list().size(), 1);
        QSqlQuery orphans(db.handle());
        QVERIFY(orphans.exec(QStringLiteral("SELECT COUNT(*) FROM steps WHERE flow_id = %1").arg(id)) &&
                orphans.next());
        QCOMPARE(orphans.value(0).toInt(), 0);
    }

    void insertAllAndPersistence()
    {
        QTemporaryDir dir;
        QList<qint64> ids;
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("gui")));
            FlowStore store(db, m_clock);
            ids = store.insertAll({segmentFlow(QStringLiteral("A")), segmentFlow(QStringLiteral("B"))});
            QCOMPARE(ids.size(), 2);
        }
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        FlowStore store(db);
        const QList<Flow> flows = store.list();
        QCOMPARE(flows.size(), 2);
        QCOMPARE(flows.at(1).id, ids.at(1));
        QCOMPARE(flows.at(1).name, QStringLiteral("B"));
        QCOMPARE(flows.at(1).trigger.threshold, 1250.0);
    }
};

QTEST_GUILESS_MAIN(TestFlowStore)
#include "tst_flowstore.moc"
