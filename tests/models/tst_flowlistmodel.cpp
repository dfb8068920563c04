#include "database.h"
#include "firinglog.h"
#include "flowjson.h"
#include "flows/flowlistmodel.h"
#include "flows/flowtemplates.h"
#include "flowsservice.h"
#include "flowstore.h"
#include "manualclock.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

Flow segmentFlow(const QString &name, double threshold)
{
    Flow flow;
    flow.name = name;
    flow.trigger.kind = TriggerKind::SegmentThresholdCrossed;
    flow.trigger.subject = QStringLiteral("HighValueCustomers");
    flow.trigger.threshold = threshold;
    return flow;
}

Firing firingOf(qint64 flowId, const QDateTime &detectedAt, const QString &key)
{
    Firing firing;
    firing.flowId = flowId;
    firing.flowName = QStringLiteral("flow");
    firing.trigger = TriggerKind::SegmentThresholdCrossed;
    firing.subject = QStringLiteral("HighValueCustomers");
    firing.detectedAt = detectedAt;
    firing.id = Firing::makeId(flowId, QStringLiteral("instance"), firing.trigger, firing.subject, key);
    return firing;
}

} // namespace

class TestFlowListModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(); // a database of its own per test function
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_dir->path(), QStringLiteral("test")), qPrintable(m_db->errorString()));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void showsTheFlowsWithTheirStatistics()
    {
        FlowStore store(*m_db);
        const qint64 big = store.insert(segmentFlow(QStringLiteral("Big segment"), 1500));
        Flow failures = FlowTemplates::flow(FlowTemplates::Id::TeamsOnDataSourceFailure);
        failures.enabled = false;
        const qint64 failing = store.insert(failures);
        FiringLog log(*m_db);
        QCOMPARE(log.record({firingOf(big, m_clock.now().addSecs(-3600), QStringLiteral("a")),
                             firingOf(big, m_clock.now().addDays(-2), QStringLiteral("b"))})
                     .size(),
                 2);

        FlowsService flows(*m_db);
        FlowListModel model(flows, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FlowListModel::NameColumn).data().toString(), QStringLiteral("Big segment"));
        QCOMPARE(model.index(0, FlowListModel::TriggerColumn).data().toString(),
                 QStringLiteral("Segment threshold crossed"));
        QCOMPARE(model.index(0, FlowListModel::SubjectColumn).data().toString(),
                 QStringLiteral("HighValueCustomers (above 1,500)"));
        QCOMPARE(
            model.index(0, FlowListModel::EnabledColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
            Qt::Checked);
        QCOMPARE(model.index(0, FlowListModel::FiringsColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(0, 0).data(FlowListModel::LastFiredRole).toDateTime(),
                 m_clock.now().addSecs(-3600));
        QCOMPARE(model.index(0, 0).data(FlowListModel::FlowIdRole).toLongLong(), big);

        QCOMPARE(model.index(1, FlowListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Any data source"));
        QCOMPARE(model.index(1, FlowListModel::EnabledColumn).data().toString(), QStringLiteral("Off"));
        QCOMPARE(model.index(1, FlowListModel::LastFiredColumn).data().toString(), QStringLiteral("Never"));
        QCOMPARE(model.index(1, FlowListModel::FiringsColumn).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.rowOf(failing), 1);
        QCOMPARE(model.rowOf(12345), -1);
    }

    void reloadUpdatesInPlace()
    {
        FlowStore store(*m_db);
        const qint64 a = store.insert(segmentFlow(QStringLiteral("A"), 1));
        const qint64 b = store.insert(segmentFlow(QStringLiteral("B"), 2));
        const qint64 c = store.insert(segmentFlow(QStringLiteral("C"), 3));
        FlowsService flows(*m_db);
        FlowListModel model(flows, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 3);

        QVERIFY(store.remove(b));
        Flow renamed = *store.get(c);
        renamed.name = QStringLiteral("C renamed");
        QVERIFY(store.update(renamed));
        const qint64 d = store.insert(segmentFlow(QStringLiteral("D"), 4));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.reload());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(a), 0);
        QCOMPARE(model.rowOf(c), 1);
        QCOMPARE(model.rowOf(d), 2);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("C renamed"));

        for (const qint64 id : {a, c, d})
            QVERIFY(store.remove(id));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 0);
    }

    void enabledColumnWritesTheStore()
    {
        FlowStore store(*m_db);
        const qint64 id = store.insert(segmentFlow(QStringLiteral("A"), 1));
        FlowsService flows(*m_db);
        FlowListModel model(flows, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload());
        QSignalSpy edited(&flows, &FlowsService::flowsChanged);
        const QModelIndex enabled = model.index(0, FlowListModel::EnabledColumn);
        QVERIFY(model.flags(enabled) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.index(0, FlowListModel::NameColumn)) & Qt::ItemIsUserCheckable));
        QVERIFY(model.setData(enabled, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(edited.size(), 1);
        QCOMPARE(store.get(id)->enabled, false);
        QCOMPARE(enabled.data(FlowListModel::EnabledRole).toBool(), false);
        QVERIFY(!model.setData(model.index(0, FlowListModel::NameColumn), QStringLiteral("x")));
        QVERIFY(model.setData(enabled, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(store.get(id)->enabled, true);
        QCOMPARE(edited.size(), 2);
    }

    void firingsUpdateTheStatistics()
    {
        FlowStore store(*m_db);
        const qint64 a = store.insert(segmentFlow(QStringLiteral("A"), 1));
        const qint64 b = store.insert(segmentFlow(QStringLiteral("B"), 2));
        FlowsService flows(*m_db);
        FlowListModel model(flows, m_clock);
        QVERIFY(model.reload());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.noteFirings({firingOf(b, m_clock.now(), QStringLiteral("x")),
                           firingOf(b, m_clock.now().addSecs(-10), QStringLiteral("y")),
                           firingOf(99, m_clock.now(), QStringLiteral("z"))});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.index(model.rowOf(b), FlowListModel::FiringsColumn).data().toInt(), 2);
        QCOMPARE(model.index(model.rowOf(b), 0).data(FlowListModel::LastFiredRole).toDateTime(),
                 m_clock.now());
        QCOMPARE(model.index(model.rowOf(a), FlowListModel::FiringsColumn).data().toInt(), 0);
    }

    // The pane reloads each minute: a firing older than 24 hours then leaves the count.
    void reloadLetsOldFiringsLeaveTheCount()
    {
        FlowStore store(*m_db);
        const qint64 id = store.insert(segmentFlow(QStringLiteral("A"), 1));
        QCOMPARE(FiringLog(*m_db).record({firingOf(id, m_clock.now(), QStringLiteral("x"))}).size(), 1);
        FlowsService flows(*m_db);
        FlowListModel model(flows, m_clock);
        QVERIFY(model.reload());
        QCOMPARE(model.index(0, FlowListModel::FiringsColumn).data(FlowListModel::FiringsLast24hRole).toInt(),
                 1);
        m_clock.advance(std::chrono::hours(25));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.reload());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, FlowListModel::FiringsColumn).data(FlowListModel::FiringsLast24hRole).toInt(),
                 0);
        QVERIFY(model.index(0, 0).data(FlowListModel::LastFiredRole).toDateTime().isValid());
    }

    void templatesAreValidOnceCompleted()
    {
        for (const FlowTemplates::Id id : FlowTemplates::all()) {
            Flow flow = FlowTemplates::flow(id);
            QVERIFY(!FlowTemplates::title(id).isEmpty());
            QVERIFY(!FlowTemplates::description(id).isEmpty());
            QCOMPARE(flow.name, FlowTemplates::title(id));
            QCOMPARE(flow.steps.size(), 1);
            // What only the user can know is missing: the template alone does not validate.
            QVERIFY(!FlowJson::validate(flow).isEmpty());
            Step &step = flow.steps[0];
            if (step.kind == StepKind::TeamsMessage) {
                step.parameters.insert(QStringLiteral("webhookSecretRef"), QStringLiteral("teams-ops"));
            } else {
                flow.trigger.subject = QStringLiteral("HighValueCustomers");
                step.parameters.insert(QStringLiteral("to"),
                                       QJsonArray{QStringLiteral("owner@contoso.example")});
                step.parameters.insert(QStringLiteral("smtpSecretRef"), QStringLiteral("smtp-main"));
            }
            QCOMPARE(FlowJson::validate(flow), QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowListModel)
#include "tst_flowlistmodel.moc"
