#include "common/messageprompt.h"
#include "database.h"
#include "firinglog.h"
#include "flowstore.h"
#include "manualclock.h"
#include "retentionservice.h"
#include "triggerlog/triggerlogdetails.h"
#include "triggerlog/triggerlogfiltermodel.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlog/triggerlogpane.h"
#include "triggerlog/triggerlogview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime kNow(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

Firing makeFiring(int n, qint64 ageSecs, qint64 flowId = 1)
{
    Firing f;
    f.flowId = flowId;
    f.flowName = QStringLiteral("Post to Teams when a refresh fails");
    f.trigger = TriggerKind::DataSourceRefreshFailed;
    f.subject = QStringLiteral("PosTransactions %1").arg(n);
    f.jobId = QStringLiteral("job-%1").arg(n);
    f.occurredAt = kNow.addSecs(-ageSecs - 5);
    f.detectedAt = kNow.addSecs(-ageSecs);
    f.caughtUp = n % 2 == 1;
    f.payload = {{QStringLiteral("dataSource"), f.subject},
                 {QStringLiteral("taskStatus"), QStringLiteral("failed")}};
    f.id = QStringLiteral("firing-%1").arg(n, 4, 10, QLatin1Char('0'));
    return f;
}

} // namespace

class TestTriggerLogPane : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FiringLog> m_log;
    ManualClock m_clock{kNow};

    void record(const QList<Firing> &firings)
    {
        bool ok = false;
        m_log->record(firings, &ok);
        QVERIFY(ok);
    }

    static QStackedWidget *stack(TriggerLogPane &pane)
    {
        return pane.findChild<QStackedWidget *>(QStringLiteral("viewStack"));
    }

    static void select(TriggerLogPane &pane, int row)
    {
        TriggerLogView *view = pane.view();
        view->selectionModel()->setCurrentIndex(
            view->model()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir->path(), QStringLiteral("gui")));
        m_log = std::make_unique<FiringLog>(*m_db);
        MessagePrompt::clearAnswers();
    }

    void cleanup()
    {
        m_log.reset();
        m_db.reset();
        m_dir.reset();
    }

    void emptyState()
    {
        TriggerLogPane pane(*m_db, m_clock);
        QAbstractItemModelTester tester(pane.filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.resize(1060, 700);
        pane.show();
        QCOMPARE(stack(pane)->currentWidget()->objectName(), QStringLiteral("emptyStatePage"));
        auto *label = pane.findChild<QLabel *>(QStringLiteral("emptyStateLabel"));
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(),
                 QStringLiteral("No firings yet — flows fire when their trigger happens in your instance."));
        QVERIFY(!pane.findChild<QPushButton *>(QStringLiteral("resubmitButton"))->isEnabled());

        // The first live firing replaces the empty state.
        const Firing first = makeFiring(1, 0);
        record({first});
        pane.model()->insertFirings({first});
        pane.model()->flushPendingInserts();
        QCOMPARE(stack(pane)->currentWidget()->objectName(), QStringLiteral("triggerLogView"));
        QCOMPARE(pane.findChild<QLabel *>(QStringLiteral("countLabel"))->text(),
                 QStringLiteral("1 firing shown"));
    }

    void filterBarAndSearch()
    {
        QList<Firing> firings;
        for (int n = 0; n < 10; ++n)
            firings << makeFiring(n, n * 7200, n < 4 ? 1 : 2);
        record(firings);
        FlowStore flows(*m_db);
        TriggerLogPane pane(*m_db, m_clock);
        QAbstractItemModelTester tester(pane.filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.show();
        QCOMPARE(pane.filterModel()->rowCount(), 10);
        auto *flowCombo = pane.findChild<QComboBox *>(QStringLiteral("flowComboBox"));
        QCOMPARE(flowCombo->count(), 3); // all, and the two (deleted) flows that fired
        flowCombo->setCurrentIndex(flowCombo->findData(qint64(2)));
        QCOMPARE(pane.filterModel()->rowCount(), 6);
        flowCombo->setCurrentIndex(0);

        auto *range = pane.findChild<QComboBox *>(QStringLiteral("rangeComboBox"));
        range->setCurrentIndex(range->findData(int(TriggerLogFilter::Range::LastHour)));
        QCOMPARE(pane.filterModel()->rowCount(), 1);
        range->setCurrentIndex(0);
        QCOMPARE(pane.filterModel()->rowCount(), 10);

        auto *search = pane.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        QTest::keyClicks(search, QStringLiteral("PosTransactions 7"));
        QTRY_COMPARE(pane.filterModel()->rowCount(), 1);
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QTRY_COMPARE(stack(pane)->currentWidget()->objectName(), QStringLiteral("noMatchPage"));
        QTest::mouseClick(pane.findChild<QPushButton *>(QStringLiteral("clearFilterButton")), Qt::LeftButton);
        QCOMPARE(pane.filterModel()->rowCount(), 10);
        QCOMPARE(stack(pane)->currentWidget()->objectName(), QStringLiteral("triggerLogView"));
    }

    void detailPane()
    {
        Firing firing = makeFiring(3, 60); // caught up
        record({firing});
        StepRun run;
        run.firingId = firing.id;
        run.stepIndex = 0;
        run.attempt = 1;
        run.status = StepRun::failed();
        run.httpStatus = 503;
        run.startedAt = kNow.addSecs(-59);
        run.finishedAt = kNow.addSecs(-58);
        run.detail = QStringLiteral("POST https://example.webhook.office.com/… → 503 Service Unavailable");
        QVERIFY(m_log->recordStepRun(run));
        run.attempt = 2;
        run.status = StepRun::succeeded();
        run.httpStatus = 200;
        run.detail = QStringLiteral("POST https://example.webhook.office.com/… → 200 OK");
        QVERIFY(m_log->recordStepRun(run));

        TriggerLogPane pane(*m_db, m_clock);
        pane.show();
        TriggerLogDetails *details = pane.details();
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("detailsPlaceholderLabel"))->isVisible());
        select(pane, 0);
        QCOMPARE(details->firingId(), firing.id);
        QVERIFY(
            details->payloadText().contains(QStringLiteral("\n    \"dataSource\": \"PosTransactions 3\"")));
        QCOMPARE(QJsonDocument::fromJson(details->payloadText().toUtf8()).object(), firing.payload);
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("occurredLabel"))->text(),
                 TriggerLogModel::timeText(firing.occurredAt));
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("detectedLabel"))->text(),
                 TriggerLogModel::timeText(firing.detectedAt));
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("caughtUpLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Yes")));
        const QString steps = details->stepsText();
        QVERIFY2(steps.contains(QStringLiteral("Attempt 1 · Failed · HTTP 503")), qPrintable(steps));
        QVERIFY2(steps.contains(QStringLiteral("503 Service Unavailable")), qPrintable(steps));
        QVERIFY2(steps.contains(QStringLiteral("Attempt 2 · Succeeded · HTTP 200")), qPrintable(steps));

        // Copy puts the pretty JSON on the clipboard.
        QTest::mouseClick(details->findChild<QPushButton *>(QStringLiteral("copyPayloadButton")),
                          Qt::LeftButton);

        // A live step run of the shown firing refreshes the pane.
        run.stepIndex = 1;
        run.attempt = 1;
        run.status = StepRun::failed();
        run.detail = QStringLiteral("SMTP 535 authentication failed");
        QVERIFY(m_log->recordStepRun(run));
        pane.updateStepRun(run);
        QVERIFY(details->stepsText().contains(QStringLiteral("SMTP 535 authentication failed")));
    }

    void resubmitAfterTheWarning()
    {
        Firing firing = makeFiring(1, 60);
        record({firing});
        StepRun run;
        run.firingId = firing.id;
        run.status = StepRun::failed();
        QVERIFY(m_log->recordStepRun(run));
        TriggerLogPane pane(*m_db, m_clock);
        pane.show();
        QSignalSpy resubmit(&pane, &TriggerLogPane::resubmitRequested);
        auto *button = pane.findChild<QPushButton *>(QStringLiteral("resubmitButton"));
        select(pane, 0);
        QVERIFY(button->isEnabled());

        MessagePrompt::setNextAnswer(TriggerLogPane::CancelAnswer);
        QTest::mouseClick(button, Qt::LeftButton);
        QTest::qWait(0);
        QCoreApplication::processEvents();
        QCOMPARE(resubmit.size(), 0);
        const MessagePrompt::Question asked = MessagePrompt::lastQuestion();
        QVERIFY(asked.informativeText.contains(QStringLiteral("Side effects repeat")));
        QCOMPARE(asked.choices.size(), 3);
        QVERIFY(asked.choices.at(1).enabled); // the firing failed: "failed steps only" is offered

        MessagePrompt::setNextAnswer(TriggerLogPane::ResubmitFailedAnswer);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(resubmit.wait(2000));
        QCOMPARE(resubmit.at(0).at(0).toString(), firing.id);
        QCOMPARE(resubmit.at(0).at(1).toBool(), true);

        MessagePrompt::setNextAnswer(TriggerLogPane::ResubmitAllAnswer);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(resubmit.wait(2000));
        QCOMPARE(resubmit.at(1).at(1).toBool(), false);
    }

    // The pane shows and edits the retention service's setting and drops the rows it pruned.
    void retentionPrunes()
    {
        record({makeFiring(1, 3600), makeFiring(2, 10 * 86400), makeFiring(3, 40 * 86400)});
        TriggerLogPane pane(*m_db, m_clock);
        QAbstractItemModelTester tester(pane.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *spin = pane.findChild<QSpinBox *>(QStringLiteral("retentionSpinBox"));
        QVERIFY(!spin->isEnabled());
        RetentionService retention(*m_db, m_clock);
        pane.setRetentionService(&retention);
        QVERIFY(spin->isEnabled());
        QCOMPARE(pane.retentionDays(), RetentionService::kDefaultDays);
        QCOMPARE(pane.model()->rowCount(), 3);
        retention.start();
        QCOMPARE(pane.model()->rowCount(), 2);
        QCOMPARE(m_log->count(), 2);
        spin->setValue(7);
        QCOMPARE(retention.days(), 7);
        QCOMPARE(pane.model()->rowCount(), 1);
        QCOMPARE(m_log->count(), 1);
        // The setting is kept.
        RetentionService again(*m_db, m_clock);
        QCOMPARE(again.days(), 7);
    }

    void clearAfterConfirmation()
    {
        record({makeFiring(1, 60), makeFiring(2, 120)});
        TriggerLogPane pane(*m_db, m_clock);
        pane.show();
        QSignalSpy cleared(&pane, &TriggerLogPane::cleared);
        auto *button = pane.findChild<QPushButton *>(QStringLiteral("clearLogButton"));
        MessagePrompt::setNextAnswer(TriggerLogPane::CancelAnswer);
        QTest::mouseClick(button, Qt::LeftButton);
        QTest::qWait(10);
        QCOMPARE(m_log->count(), 2);
        MessagePrompt::setNextAnswer(TriggerLogPane::ClearAnswer);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(cleared.wait(2000));
        QCOMPARE(m_log->count(), 0);
        QCOMPARE(pane.model()->rowCount(), 0);
        QCOMPARE(stack(pane)->currentWidget()->objectName(), QStringLiteral("emptyStatePage"));
    }

    void exportsTheFilteredView()
    {
        QList<Firing> firings;
        for (int n = 0; n < 50; ++n)
            firings << makeFiring(n, n * 60, n % 2 ? 1 : 2);
        record(firings);
        TriggerLogPane pane(*m_db, m_clock);
        pane.show();
        auto *flowCombo = pane.findChild<QComboBox *>(QStringLiteral("flowComboBox"));
        flowCombo->setCurrentIndex(flowCombo->findData(qint64(2)));
        QSignalSpy finished(&pane, &TriggerLogPane::exportFinished);
        const QString path = m_dir->filePath(QStringLiteral("export.json"));
        pane.startExport(path, TriggerLogExporter::Format::Json);
        QVERIFY(pane.isExporting());
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(finished.at(0).at(2).toInt(), 25);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
        QCOMPARE(array.size(), 25);
        for (const QJsonValue &value : array)
            QCOMPARE(value.toObject().value(QStringLiteral("flowId")).toInt(), 2);
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("messageLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Exported 25")));
    }
};

QTEST_MAIN(TestTriggerLogPane)
#include "tst_triggerlogpane.moc"
