#include "database.h"
#include "observationstore.h"

#include <QTemporaryDir>
#include <QTest>

// ObservationStore: oldest-first reads of the newest observations, one point per evaluation, the bound per
// subject, kinds and subjects kept apart, and a transaction the caller may wrap around it.
class TestObservationStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_db;
    const QDateTime m_t0{QDate(2026, 11, 24), QTime(9, 0), Qt::UTC};

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_db.open(m_dir.path(), QStringLiteral("worker")), qPrintable(m_db.errorString()));
    }

    void recentIsOldestFirstAndLimited()
    {
        ObservationStore store(m_db);
        const QString segment = QStringLiteral("HighValueCustomers");
        QVERIFY(store.recent(TriggerKind::SegmentThresholdCrossed, segment).isEmpty());
        // Recorded out of order: read back by time.
        for (int i : {2, 0, 4, 1, 3})
            QVERIFY(
                store.record(TriggerKind::SegmentThresholdCrossed, segment, 1200 + i, m_t0.addSecs(60 * i)));
        const QList<Observation> all = store.recent(TriggerKind::SegmentThresholdCrossed, segment);
        QCOMPARE(all.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(all.at(i).at, m_t0.addSecs(60 * i));
            QCOMPARE(all.at(i).value, 1200.0 + i);
            QCOMPARE(all.at(i).at.timeSpec(), Qt::UTC);
        }
        const QList<Observation> newest = store.recent(TriggerKind::SegmentThresholdCrossed, segment, 2);
        QCOMPARE(newest, (QList<Observation>{{m_t0.addSecs(180), 1203}, {m_t0.addSecs(240), 1204}}));
        QVERIFY(store.recent(TriggerKind::SegmentThresholdCrossed, segment, 0).isEmpty());
    }

    void theSameEvaluationIsOnePoint()
    {
        ObservationStore store(m_db);
        const QString measure = QStringLiteral("TotalRevenue");
        QVERIFY(store.record(TriggerKind::MeasureThresholdCrossed, measure, 1250000.5, m_t0));
        QVERIFY(store.record(TriggerKind::MeasureThresholdCrossed, measure, 1250000.5, m_t0)); // a reconcile
        QVERIFY(store.record(TriggerKind::MeasureThresholdCrossed, measure, 1300000, m_t0));   // corrected
        QCOMPARE(store.recent(TriggerKind::MeasureThresholdCrossed, measure),
                 (QList<Observation>{{m_t0, 1300000}}));
    }

    void kindsAndSubjectsAreSeparate()
    {
        ObservationStore store(m_db);
        const QString name = QStringLiteral("Shared");
        QVERIFY(store.record(TriggerKind::SegmentThresholdCrossed, name, 1, m_t0));
        QVERIFY(store.record(TriggerKind::MeasureThresholdCrossed, name, 2, m_t0));
        QVERIFY(store.record(TriggerKind::SegmentThresholdCrossed, QStringLiteral("Other"), 3, m_t0));
        QCOMPARE(store.recent(TriggerKind::SegmentThresholdCrossed, name), (QList<Observation>{{m_t0, 1}}));
        QCOMPARE(store.recent(TriggerKind::MeasureThresholdCrossed, name), (QList<Observation>{{m_t0, 2}}));
    }

    void onlySegmentsAndMeasures()
    {
        ObservationStore store(m_db);
        QVERIFY(!store.record(TriggerKind::FullRefreshCompleted, QStringLiteral("x"), 1, m_t0));
        QVERIFY(!m_db.errorString().isEmpty());
        QVERIFY(!store.record(TriggerKind::SegmentThresholdCrossed, QString(), 1, m_t0));
        QVERIFY(!store.record(TriggerKind::SegmentThresholdCrossed, QStringLiteral("x"), 1, QDateTime()));
        QVERIFY(store.recent(TriggerKind::FullRefreshCompleted, QStringLiteral("x")).isEmpty());
    }

    void boundedPerSubject()
    {
        ObservationStore store(m_db);
        const QString busy = QStringLiteral("Busy");
        const QString quiet = QStringLiteral("Quiet");
        QVERIFY(store.record(TriggerKind::SegmentThresholdCrossed, quiet, 7, m_t0));
        {
            Database::Transaction transaction(m_db); // as the worker does: inside its cycle's transaction
            for (int i = 0; i < ObservationStore::kMaxPerSubject + 25; ++i)
                QVERIFY(store.record(TriggerKind::SegmentThresholdCrossed, busy, i, m_t0.addSecs(i)));
            QVERIFY(transaction.commit());
        }
        const QList<Observation> kept =
            store.recent(TriggerKind::SegmentThresholdCrossed, busy, ObservationStore::kMaxPerSubject * 2);
        QCOMPARE(kept.size(), ObservationStore::kMaxPerSubject);
        QCOMPARE(kept.constFirst().value, 25.0); // the oldest 25 went
        QCOMPARE(kept.constLast().value, double(ObservationStore::kMaxPerSubject + 24));
        QCOMPARE(store.recent(TriggerKind::SegmentThresholdCrossed, quiet).size(), 1); // untouched
    }

    void rolledBackWithTheCallersTransaction()
    {
        ObservationStore store(m_db);
        const QString subject = QStringLiteral("RolledBack");
        {
            Database::Transaction transaction(m_db);
            QVERIFY(store.record(TriggerKind::MeasureThresholdCrossed, subject, 1, m_t0));
            // destroyed without commit: the cycle's firings could not be stored, nor is the observation
        }
        QVERIFY(store.recent(TriggerKind::MeasureThresholdCrossed, subject).isEmpty());
    }

    void readByAnotherConnection()
    {
        ObservationStore(m_db).record(TriggerKind::SegmentThresholdCrossed, QStringLiteral("Seen"), 42, m_t0);
        Database gui;
        QVERIFY(gui.open(m_dir.path(), QStringLiteral("gui")));
        QCOMPARE(ObservationStore(gui).recent(TriggerKind::SegmentThresholdCrossed, QStringLiteral("Seen")),
                 (QList<Observation>{{m_t0, 42}}));
    }
};

QTEST_GUILESS_MAIN(TestObservationStore)
#include "tst_observationstore.moc"
