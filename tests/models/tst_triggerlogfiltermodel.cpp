#include "database.h"
#include "firinglog.h"
#include "manualclock.h"
#include "triggerlog/triggerlogfiltermodel.h"
#include "triggerlog/triggerlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime kNow(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

// Six firings: detected 10 min, 3 h, 2 days, 10 days, 20 days and 40 days ago.
QList<Firing> sampleFirings()
{
    struct Spec
    {
        qint64 flowId;
        TriggerKind trigger;
        const char *subject;
        qint64 ageSecs;
        const char *payloadNote;
    };
    const Spec specs[] = {
        {1, TriggerKind::DataSourceRefreshFailed, "PosTransactions", 600, "timeout in ingestion"},
        {1, TriggerKind::DataSourceRefreshSucceeded, "ECommerce", 3 * 3600, "ok"},
        {2, TriggerKind::SegmentThresholdCrossed, "HighValueCustomers", 2 * 86400, "Ünïcode café"},
        {2, TriggerKind::MeasureThresholdCrossed, "ChurnRate", 10 * 86400, "rising"},
        {3, TriggerKind::FullRefreshCompleted, "", 20 * 86400, "nightly"},
        {3, TriggerKind::UnificationRefreshCompleted, "", 40 * 86400, "merge done"},
    };
    QList<Firing> firings;
    int n = 0;
    for (const Spec &spec : specs) {
        Firing f;
        f.flowId = spec.flowId;
        f.flowName = QStringLiteral("Flow %1").arg(spec.flowId);
        f.trigger = spec.trigger;
        f.subject = QString::fromUtf8(spec.subject);
        f.jobId = QStringLiteral("job-%1").arg(n);
        f.detectedAt = kNow.addSecs(-spec.ageSecs);
        f.payload = {{QStringLiteral("note"), QString::fromUtf8(spec.payloadNote)}};
        f.id = Firing::makeId(f.flowId, QStringLiteral("inst"), f.trigger, f.subject, f.jobId);
        firings.append(f);
        ++n;
    }
    return firings;
}

} // namespace

class TestTriggerLogFilterModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    std::unique_ptr<FiringLog> m_log;
    QList<Firing> m_firings;

    static QStringList jobs(const QAbstractItemModel &model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result << model.index(row, 0).data(TriggerLogModel::JobIdRole).toString();
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.path(), QStringLiteral("test")));
        m_log = std::make_unique<FiringLog>(m_db);
        m_firings = sampleFirings();
        bool ok = false;
        m_log->record(m_firings, &ok);
        QVERIFY(ok);
        // job-0's step failed with an error text; job-1's succeeded.
        StepRun run;
        run.firingId = m_firings.at(0).id;
        run.status = StepRun::failed();
        run.detail = QStringLiteral("Teams webhook answered 404 Not Found");
        QVERIFY(m_log->recordStepRun(run));
        run.firingId = m_firings.at(1).id;
        run.status = StepRun::succeeded();
        run.detail.clear();
        QVERIFY(m_log->recordStepRun(run));
    }

    void cleanupTestCase() { m_log.reset(); }

    void filters_data()
    {
        QTest::addColumn<TriggerLogFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        using Range = TriggerLogFilter::Range;
        const auto make = [](auto change) {
            TriggerLogFilter filter;
            change(filter);
            return filter;
        };
        const auto jobList = [](std::initializer_list<int> numbers) {
            QStringList list;
            for (int n : numbers)
                list << QStringLiteral("job-%1").arg(n);
            return list;
        };
        QTest::addRow("nothing") << TriggerLogFilter() << jobList({0, 1, 2, 3, 4, 5});
        QTest::addRow("flow") << make([](TriggerLogFilter &f) { f.flowId = 2; }) << jobList({2, 3});
        QTest::addRow("trigger") << make([](TriggerLogFilter &f) {
            f.trigger = TriggerKind::FullRefreshCompleted;
        }) << jobList({4});
        QTest::addRow("failed") << make([](TriggerLogFilter &f) {
            f.status = TriggerLogRecord::Status::Failed;
        }) << jobList({0});
        QTest::addRow("succeeded") << make([](TriggerLogFilter &f) {
            f.status = TriggerLogRecord::Status::Succeeded;
        }) << jobList({1});
        QTest::addRow("running covers pending")
            << make([](TriggerLogFilter &f) { f.status = TriggerLogRecord::Status::Running; })
            << jobList({2, 3, 4, 5});
        QTest::addRow("last hour") << make([](TriggerLogFilter &f) { f.range = Range::LastHour; })
                                   << jobList({0});
        QTest::addRow("24 h") << make([](TriggerLogFilter &f) { f.range = Range::Last24Hours; })
                              << jobList({0, 1});
        QTest::addRow("7 days") << make([](TriggerLogFilter &f) { f.range = Range::Last7Days; })
                                << jobList({0, 1, 2});
        QTest::addRow("28 days") << make([](TriggerLogFilter &f) { f.range = Range::Last28Days; })
                                 << jobList({0, 1, 2, 3, 4});
        QTest::addRow("custom") << make([](TriggerLogFilter &f) {
            f.range = Range::Custom;
            f.customFrom = kNow.addDays(-11);
            f.customTo = kNow.addDays(-1);
        }) << jobList({2, 3});
        QTest::addRow("flow and range") << make([](TriggerLogFilter &f) {
            f.flowId = 1;
            f.range = Range::LastHour;
        }) << jobList({0});
        QTest::addRow("nothing matches") << make([](TriggerLogFilter &f) {
            f.flowId = 3;
            f.range = Range::Last7Days;
        }) << QStringList();
    }

    void filters()
    {
        QFETCH(TriggerLogFilter, filter);
        QFETCH(QStringList, expected);
        ManualClock clock(kNow);
        TriggerLogModel model(*m_log);
        TriggerLogFilterModel proxy;
        proxy.setClock(clock);
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 6);
        QSignalSpy changed(&proxy, &TriggerLogFilterModel::filterChanged);
        proxy.setFilter(filter);
        QCOMPARE(jobs(proxy), expected);
        QCOMPARE(changed.size(), filter == TriggerLogFilter() ? 0 : 1);
        proxy.clearFilters();
        QCOMPARE(proxy.rowCount(), 6);
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("subject") << QStringLiteral("ecommerce") << QStringList{QStringLiteral("job-1")};
        QTest::addRow("payload") << QStringLiteral("NIGHTLY") << QStringList{QStringLiteral("job-4")};
        QTest::addRow("payload unicode") << QStringLiteral("café") << QStringList{QStringLiteral("job-2")};
        QTest::addRow("error text") << QStringLiteral("404") << QStringList{QStringLiteral("job-0")};
        QTest::addRow("all words") << QStringLiteral("webhook timeout")
                                   << QStringList{QStringLiteral("job-0")};
        QTest::addRow("words in different fields")
            << QStringLiteral("posTransactions 404") << QStringList{QStringLiteral("job-0")};
        QTest::addRow("one word missing") << QStringLiteral("webhook nightly") << QStringList{};
        QTest::addRow("blank") << QStringLiteral("   ")
                               << QStringList{QStringLiteral("job-0"), QStringLiteral("job-1"),
                                              QStringLiteral("job-2"), QStringLiteral("job-3"),
                                              QStringLiteral("job-4"), QStringLiteral("job-5")};
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        TriggerLogModel model(*m_log);
        TriggerLogFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSearchText(text);
        QCOMPARE(jobs(proxy), expected);
    }

    void relativeRangeMovesWithTheClock()
    {
        ManualClock clock(kNow);
        TriggerLogModel model(*m_log);
        TriggerLogFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setClock(clock);
        proxy.setSourceModel(&model);
        proxy.setRange(TriggerLogFilter::Range::LastHour);
        QCOMPARE(proxy.rowCount(), 1);
        clock.advance(std::chrono::minutes(55));
        proxy.refresh();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void liveRowsPassTheFilter()
    {
        TriggerLogModel model(*m_log);
        TriggerLogFilterModel proxy;
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setFlowId(1);
        QCOMPARE(proxy.rowCount(), 2);
        Firing mine = m_firings.at(0);
        mine.jobId = QStringLiteral("job-live-1");
        mine.id = QStringLiteral("live-1");
        mine.detectedAt = kNow;
        Firing other = mine;
        other.flowId = 2;
        other.id = QStringLiteral("live-2");
        other.jobId = QStringLiteral("job-live-2");
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        model.insertFirings({mine, other});
        model.flushPendingInserts();
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(proxy.index(0, 0).data(TriggerLogModel::JobIdRole).toString(), QStringLiteral("job-live-1"));
    }
};

QTEST_GUILESS_MAIN(TestTriggerLogFilterModel)
#include "tst_triggerlogfiltermodel.moc"
