#include "database.h"
#include "firinglog.h"
#include "triggerlog/triggerlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime kStart(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

Firing makeFiring(int n, const QDateTime &detectedAt)
{
    Firing f;
    f.flowId = 1 + n % 3;
    f.flowName = QStringLiteral("Flow %1").arg(f.flowId);
    f.trigger = TriggerKind::SegmentThresholdCrossed;
    f.subject = QStringLiteral("HighValueCustomers");
    f.value = 1300 + n;
    f.previousValue = 1200;
    f.threshold = 1250;
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.occurredAt = detectedAt.addSecs(-3);
    f.detectedAt = detectedAt;
    f.payload = {{QStringLiteral("n"), n}};
    f.id = Firing::makeId(f.flowId, QStringLiteral("instance"), f.trigger, f.subject, f.jobId);
    return f;
}

// Firings n = from .. to - 1, detected one second apart (n = to - 1 is the newest).
QList<Firing> makeFirings(int from, int to)
{
    QList<Firing> list;
    for (int n = from; n < to; ++n)
        list.append(makeFiring(n, kStart.addSecs(n)));
    return list;
}

StepRun run(const QString &firingId, int step, int attempt, const QString &status, const QString &detail = {})
{
    StepRun r;
    r.firingId = firingId;
    r.stepIndex = step;
    r.attempt = attempt;
    r.status = status;
    r.detail = detail;
    return r;
}

} // namespace

class TestTriggerLogModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FiringLog> m_log;

    void record(const QList<Firing> &firings)
    {
        bool ok = false;
        m_log->record(firings, &ok);
        QVERIFY2(ok, qPrintable(m_db->errorString()));
    }

    static int jobNumber(const TriggerLogModel &model, int row)
    {
        return model.record(row).jobId.mid(4).toInt();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_dir.path(), QStringLiteral("test")), qPrintable(m_db->errorString()));
        m_log = std::make_unique<FiringLog>(*m_db);
        QCOMPARE(m_log->prune(kStart.addYears(10)) >= 0, true);
    }

    void cleanup()
    {
        m_log.reset();
        m_db.reset();
    }

    void emptyLog()
    {
        TriggerLogModel model(*m_log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(TriggerLogModel::ColumnCount));
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isCapped());
    }

    void pagesNewestFirst()
    {
        record(makeFirings(0, 50));
        TriggerLogModel model(*m_log);
        model.setPageSize(20);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(jobNumber(model, 0), 49);
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 40);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 20);
        QCOMPARE(inserted.at(0).at(2).toInt(), 39);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(!model.canFetchMore({}));
        for (int row = 0; row < 50; ++row)
            QCOMPARE(jobNumber(model, row), 49 - row);
        QCOMPARE(model.rowOf(makeFiring(10, kStart.addSecs(10)).id), 39);
    }

    void displayTexts()
    {
        Firing f = makeFiring(7, kStart);
        f.caughtUp = true;
        record({f});
        QVERIFY(m_log->recordStepRun(run(f.id, 0, 1, StepRun::succeeded())));
        TriggerLogModel model(*m_log);
        model.setStepCounts({{f.flowId, 2}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto text = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(text(TriggerLogModel::FlowColumn), f.flowName);
        QVERIFY(text(TriggerLogModel::TriggerColumn).startsWith(Trigger::displayName(f.trigger)));
        QVERIFY(text(TriggerLogModel::TriggerColumn).contains(QStringLiteral("caught up")));
        QCOMPARE(text(TriggerLogModel::SubjectColumn), f.subject);
        QCOMPARE(text(TriggerLogModel::ValueColumn),
                 QLocale().toString(1307.0, 'f', QLocale::FloatingPointShortest) + QStringLiteral(" / ") +
                     QLocale().toString(1250.0, 'f', QLocale::FloatingPointShortest));
        QCOMPARE(text(TriggerLogModel::StepsColumn), QStringLiteral("1/2 …"));
        QCOMPARE(text(TriggerLogModel::StatusColumn), QStringLiteral("Running"));
        QCOMPARE(model.index(0, 0).data(TriggerLogModel::FiringIdRole).toString(), f.id);
        QCOMPARE(model.index(0, 0).data(TriggerLogModel::DetectedAtRole).toDateTime(), f.detectedAt);
        QCOMPARE(model.index(0, 0).data(TriggerLogModel::OccurredAtRole).toDateTime(), f.occurredAt);
        QCOMPARE(model.index(0, 0).data(TriggerLogModel::CaughtUpRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(TriggerLogModel::PayloadRole).toJsonObject(), f.payload);
        QCOMPARE(model.index(0, 0).data(TriggerLogModel::ThresholdRole).toDouble(), 1250.0);
        QVERIFY(model.roleNames().contains(TriggerLogModel::StatusRole));
    }

    void liveInsertsAtTheTopCoalesced()
    {
        record(makeFirings(0, 10));
        TriggerLogModel model(*m_log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy live(&model, &TriggerLogModel::liveRowsInserted);

        // A burst in three signals, as the worker commits them; one is a duplicate of a shown row.
        const QList<Firing> burst = makeFirings(10, 16);
        record(burst);
        model.insertFirings(burst.mid(0, 2));
        model.insertFirings(burst.mid(2, 3));
        model.insertFirings(burst.mid(5) + makeFirings(9, 10));
        QVERIFY(model.hasPendingInserts());
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(live.wait(2000));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 5);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(live.at(0).at(0).toInt(), 6);
        QCOMPARE(model.rowCount(), 16);
        for (int row = 0; row < 16; ++row)
            QCOMPARE(jobNumber(model, row), 15 - row);
        QCOMPARE(model.rowOf(burst.constLast().id), 0);
        QCOMPARE(model.rowOf(makeFiring(0, kStart).id), 15);
    }

    void stepRunUpdatesOneRow()
    {
        record(makeFirings(0, 5));
        TriggerLogModel model(*m_log);
        model.setStepCounts({{1, 2}, {2, 2}, {3, 2}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy failed(&model, &TriggerLogModel::stepFailed);
        const QString id = model.record(2).id;

        model.updateStepRun(run(id, 0, 1, StepRun::succeeded()));
        QCOMPARE(changed.size(), 1);
        const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 2);
        QCOMPARE(bottomRight.row(), 2);
        QCOMPARE(topLeft.column(), int(TriggerLogModel::StepsColumn));
        QCOMPARE(bottomRight.column(), int(TriggerLogModel::StatusColumn));
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(TriggerLogModel::StatusRole));

        model.updateStepRun(run(id, 1, 1, StepRun::failed(), QStringLiteral("HTTP 500 from the webhook")));
        QCOMPARE(model.index(2, TriggerLogModel::StatusColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(2, TriggerLogModel::StepsColumn).data().toString(), QStringLiteral("1/2 ✗"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), model.record(2).flowName);
        QVERIFY(model.index(2, 0).data(TriggerLogModel::ErrorTextRole).toString().contains(u"HTTP 500"));

        model.updateStepRun(run(id, 1, 2, StepRun::running()));
        QCOMPARE(model.index(2, TriggerLogModel::StatusColumn).data().toString(), QStringLiteral("Retrying"));
        model.updateStepRun(run(id, 1, 2, StepRun::succeeded()));
        QCOMPARE(model.index(2, TriggerLogModel::StatusColumn).data().toString(),
                 QStringLiteral("Succeeded"));
        QCOMPARE(model.index(2, TriggerLogModel::StepsColumn).data().toString(), QStringLiteral("2/2 ✓"));
        // A late report of an older attempt changes nothing.
        const int before = int(changed.size());
        model.updateStepRun(run(id, 1, 1, StepRun::failed(), QStringLiteral("HTTP 500 from the webhook")));
        QCOMPARE(int(changed.size()), before);
        // Every change touched row 2 only.
        for (const QList<QVariant> &args : std::as_const(changed))
            QCOMPARE(args.at(0).value<QModelIndex>().row(), 2);
    }

    void statusFromSteps_data()
    {
        QTest::addColumn<int>("stepCount");
        QTest::addColumn<QStringList>("runs"); // "step:attempt:status"
        QTest::addColumn<int>("status");
        using S = TriggerLogRecord::Status;
        QTest::addRow("no runs yet") << 2 << QStringList{} << int(S::Pending);
        QTest::addRow("flow without steps") << 0 << QStringList{} << int(S::NoSteps);
        QTest::addRow("first running") << 2 << QStringList{QStringLiteral("0:1:running")} << int(S::Running);
        QTest::addRow("between steps")
            << 2 << QStringList{QStringLiteral("0:1:succeeded")} << int(S::Running);
        QTest::addRow("all done") << 2
                                  << QStringList{QStringLiteral("0:1:succeeded"),
                                                 QStringLiteral("1:1:succeeded")}
                                  << int(S::Succeeded);
        QTest::addRow("deleted flow, done")
            << -1 << QStringList{QStringLiteral("0:1:succeeded")} << int(S::Succeeded);
        QTest::addRow("failed") << 2 << QStringList{QStringLiteral("0:1:failed")} << int(S::Failed);
        QTest::addRow("retrying") << 2
                                  << QStringList{QStringLiteral("0:1:failed"), QStringLiteral("0:2:pending")}
                                  << int(S::Retrying);
        QTest::addRow("recovered") << 1
                                   << QStringList{QStringLiteral("0:1:failed"),
                                                  QStringLiteral("0:2:succeeded")}
                                   << int(S::Succeeded);
    }

    void statusFromSteps()
    {
        QFETCH(int, stepCount);
        QFETCH(QStringList, runs);
        QFETCH(int, status);
        TriggerLogRecord record = TriggerLogRecord::fromFiring(makeFiring(1, kStart));
        for (const QString &spec : std::as_const(runs)) {
            const QStringList parts = spec.split(u':');
            record.apply(run(record.id, parts.at(0).toInt(), parts.at(1).toInt(), parts.at(2)));
        }
        QCOMPARE(int(record.status(stepCount)), status);
    }

    void boundedMemory()
    {
        record(makeFirings(0, 500));
        TriggerLogModel model(*m_log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(40);
        model.setMaxRows(100);
        model.reload();
        QSignalSpy capped(&model, &TriggerLogModel::cappedChanged);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(model.isCapped());
        QCOMPARE(capped.size(), 1);
        QCOMPARE(jobNumber(model, 99), 400);

        // Live rows push the oldest out at the bottom: never a reset, never more than maxRows.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QList<Firing> live = makeFirings(500, 530);
        record(live);
        model.insertFirings(live);
        model.flushPendingInserts();
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 100);
        QCOMPARE(removed.at(0).at(2).toInt(), 129);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(jobNumber(model, 0), 529);
        QCOMPARE(jobNumber(model, 99), 430);
        QCOMPARE(model.rowOf(makeFiring(429, kStart.addSecs(429)).id), -1);
        QCOMPARE(model.rowOf(makeFiring(430, kStart.addSecs(430)).id), 99);
        QVERIFY(!model.canFetchMore({}));
    }

    void detectedRangeReachesOlderFirings()
    {
        record(makeFirings(0, 300));
        TriggerLogModel model(*m_log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50);
        model.setMaxRows(50);
        model.setDetectedRange(kStart.addSecs(20), kStart.addSecs(39));
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(jobNumber(model, 0), 39);
        QCOMPARE(jobNumber(model, 19), 20);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isCapped());
        // A live firing outside the range stays out.
        const QList<Firing> live = makeFirings(300, 301);
        record(live);
        model.insertFirings(live);
        model.flushPendingInserts();
        QCOMPARE(model.rowCount(), 20);
        model.setDetectedRange({}, {});
        QCOMPARE(jobNumber(model, 0), 300);
    }

    void pruneRemovesTheOldestRows()
    {
        record(makeFirings(0, 30));
        TriggerLogModel model(*m_log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime cutoff = kStart.addSecs(10);
        QCOMPARE(m_log->prune(cutoff), 10);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.removeOlderThan(cutoff);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(jobNumber(model, 19), 10);
    }
};

QTEST_GUILESS_MAIN(TestTriggerLogModel)
#include "tst_triggerlogmodel.moc"
