#include "database.h"
#include "firinglog.h"
#include "triggerlog/triggerlogfiltermodel.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlog/triggerlogview.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime kStart(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

QList<Firing> makeFirings(int from, int to)
{
    QList<Firing> list;
    for (int n = from; n < to; ++n) {
        Firing f;
        f.flowId = 1;
        f.flowName = QStringLiteral("Flow");
        f.trigger = TriggerKind::DataSourceRefreshFailed;
        f.subject = QStringLiteral("Source %1").arg(n);
        f.jobId = QStringLiteral("job-%1").arg(n);
        f.detectedAt = kStart.addSecs(n);
        f.id = QStringLiteral("firing-%1").arg(n, 6, 10, QLatin1Char('0'));
        list.append(f);
    }
    return list;
}

} // namespace

class TestTriggerLogView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    std::unique_ptr<FiringLog> m_log;

    void record(const QList<Firing> &firings)
    {
        bool ok = false;
        m_log->record(firings, &ok);
        QVERIFY(ok);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.path(), QStringLiteral("test")));
        m_log = std::make_unique<FiringLog>(m_db);
        record(makeFirings(0, 300));
    }

    void cleanupTestCase() { m_log.reset(); }

    void followsWhileAtTheTop()
    {
        TriggerLogModel model(*m_log);
        TriggerLogFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TriggerLogView view;
        view.setModel(&proxy);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isFollowing());

        const QList<Firing> live = makeFirings(1000, 1002);
        record(live);
        model.insertFirings(live);
        model.flushPendingInserts();
        QCOMPARE(view.verticalScrollBar()->value(), 0);
        QCOMPARE(view.indexAt(QPoint(5, 5)).data(TriggerLogModel::FiringIdRole).toString(), live.at(1).id);
        QCOMPARE(view.newRowCount(), 0);
        QVERIFY(!view.newRowsButton()->isVisible());
    }

    void pausesWhileReadingAndJumpsBack()
    {
        TriggerLogModel model(*m_log);
        TriggerLogFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TriggerLogView view;
        view.setModel(&proxy);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // The user scrolls down to read.
        view.verticalScrollBar()->setValue(view.verticalHeader()->defaultSectionSize() * 40);
        QVERIFY(!view.isFollowing());
        const QString reading = view.indexAt(QPoint(5, 5)).data(TriggerLogModel::FiringIdRole).toString();
        const int readingY = view.visualRect(proxy.index(view.indexAt(QPoint(5, 5)).row(), 0)).top();
        QSignalSpy newRows(&view, &TriggerLogView::newRowCountChanged);

        const QList<Firing> live = makeFirings(2000, 2003);
        record(live);
        model.insertFirings(live);
        model.flushPendingInserts();
        // The row being read did not move.
        const QModelIndex top = view.indexAt(QPoint(5, 5));
        QCOMPARE(top.data(TriggerLogModel::FiringIdRole).toString(), reading);
        QCOMPARE(view.visualRect(top).top(), readingY);
        QCOMPARE(view.newRowCount(), 3);
        QVERIFY(view.newRowsButton()->isVisible());
        QCOMPARE(view.newRowsButton()->text(), QStringLiteral("↑ 3 new firings"));

        const QList<Firing> more = makeFirings(2003, 2004);
        record(more);
        model.insertFirings(more);
        model.flushPendingInserts();
        QCOMPARE(view.newRowsButton()->text(), QStringLiteral("↑ 4 new firings"));
        QCOMPARE(view.indexAt(QPoint(5, 5)).data(TriggerLogModel::FiringIdRole).toString(), reading);

        QTest::mouseClick(view.newRowsButton(), Qt::LeftButton);
        QCOMPARE(view.verticalScrollBar()->value(), 0);
        QVERIFY(!view.newRowsButton()->isVisible());
        QCOMPARE(newRows.constLast().at(0).toInt(), 0);
        QCOMPARE(view.indexAt(QPoint(5, 5)).data(TriggerLogModel::FiringIdRole).toString(), more.at(0).id);
    }

    void scrollingBackToTheTopClearsTheCount()
    {
        TriggerLogModel model(*m_log);
        TriggerLogView view;
        view.setModel(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.verticalScrollBar()->setValue(200);
        const QList<Firing> live = makeFirings(3000, 3001);
        record(live);
        model.insertFirings(live);
        model.flushPendingInserts();
        QCOMPARE(view.newRowCount(), 1);
        QCOMPARE(view.newRowsButton()->text(), QStringLiteral("↑ 1 new firing"));
        view.verticalScrollBar()->setValue(0);
        QCOMPARE(view.newRowCount(), 0);
        QVERIFY(!view.newRowsButton()->isVisible());
    }
};

QTEST_MAIN(TestTriggerLogView)
#include "tst_triggerlogview.moc"
