// RetentionService: the firing log keeps the retention setting's days, pruned at start and every hour.
#include "appsettings.h"
#include "database.h"
#include "firinglog.h"
#include "manualclock.h"
#include "retentionservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime kNow(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

Firing firingAged(int n, int days)
{
    Firing firing;
    firing.flowId = 1;
    firing.flowName = QStringLiteral("Refresh failed");
    firing.trigger = TriggerKind::DataSourceRefreshFailed;
    firing.subject = QStringLiteral("PosTransactions");
    firing.jobId = QStringLiteral("job-%1").arg(n);
    firing.detectedAt = kNow.addDays(-days);
    firing.occurredAt = firing.detectedAt;
    firing.id = QStringLiteral("firing-%1").arg(n);
    return firing;
}

} // namespace

class TestRetentionService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{kNow};

    void record(const QList<Firing> &firings)
    {
        bool ok = false;
        FiringLog(*m_db).record(firings, &ok);
        QVERIFY(ok);
    }

    qint64 count() { return FiringLog(*m_db).count(); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir->path(), QStringLiteral("test")));
        m_clock.setNow(kNow);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void startPrunesByTheDefault()
    {
        record({firingAged(1, 1), firingAged(2, 27), firingAged(3, 29), firingAged(4, 400)});
        RetentionService retention(*m_db, m_clock);
        QCOMPARE(retention.days(), 28);
        QSignalSpy pruned(&retention, &RetentionService::pruned);
        retention.start();
        QCOMPARE(count(), 2);
        QCOMPARE(pruned.size(), 1);
        QCOMPARE(pruned.at(0).at(0).toDateTime(), kNow.addDays(-28));
        QCOMPARE(pruned.at(0).at(1).toInt(), 2);
        // Nothing more to remove: no signal.
        QCOMPARE(retention.pruneNow(), 0);
        QCOMPARE(pruned.size(), 1);
    }

    void theSettingIsReadSavedAndApplied()
    {
        AppSettings(m_db->settingsPath()).setValue(AppSettings::Key::RetentionDays, 10);
        record({firingAged(1, 5), firingAged(2, 11)});
        RetentionService retention(*m_db, m_clock);
        QCOMPARE(retention.days(), 10);
        retention.start();
        QCOMPARE(count(), 1);
        QSignalSpy changed(&retention, &RetentionService::daysChanged);
        retention.setDays(3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(count(), 0);
        QCOMPARE(AppSettings(m_db->settingsPath()).value(AppSettings::Key::RetentionDays).toInt(), 3);
        retention.setDays(0); // below the range: the minimum
        QCOMPARE(retention.days(), RetentionService::kMinDays);
    }

    void thePruneRepeatsAsTimeGoesOn()
    {
        record({firingAged(1, 27)});
        RetentionService retention(*m_db, m_clock);
        retention.start();
        QCOMPARE(count(), 1);
        m_clock.advance(std::chrono::days(2));
        const auto timer = retention.findChild<QTimer *>();
        QVERIFY(timer && timer->isActive());
        QCOMPARE(std::chrono::milliseconds(timer->interval()), RetentionService::kInterval);
        QVERIFY(QMetaObject::invokeMethod(timer, "timeout"));
        QCOMPARE(count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRetentionService)
#include "tst_retentionservice.moc"
