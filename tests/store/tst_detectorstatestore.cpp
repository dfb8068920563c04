#include "database.h"
#include "detectorstatestore.h"
#include "firinglog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TestDetectorStateStore : public QObject
{
    Q_OBJECT

private slots:
    void saveLoadReplaceRemove()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        DetectorStateStore store(db);
        const QString key = QStringLiteral("segment/inst/HighValueCustomers");
        QVERIFY(store.load(key).isEmpty());
        QVERIFY(!store.contains(key));
        const QJsonObject state{{QStringLiteral("count"), 1200},
                                {QStringLiteral("armed"), true},
                                {QStringLiteral("seen"), QJsonArray{QStringLiteral("job-1")}}};
        QVERIFY(store.save(key, state));
        QVERIFY(store.contains(key));
        QCOMPARE(store.load(key), state);
        const QJsonObject next{{QStringLiteral("count"), 1300}, {QStringLiteral("armed"), false}};
        QVERIFY(store.save(key, next));
        QCOMPARE(store.load(key), next);
        QVERIFY(store.load(QStringLiteral("other")).isEmpty());
        QVERIFY(store.remove(key));
        QVERIFY(!store.contains(key));
    }

    void survivesARestart()
    {
        QTemporaryDir dir;
        const QJsonObject state{{QStringLiteral("lastJobId"), QStringLiteral("job-42")}};
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
            QVERIFY(DetectorStateStore(db).save(QStringLiteral("jobs/inst"), state));
        }
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        QCOMPARE(DetectorStateStore(db).load(QStringLiteral("jobs/inst")), state);
    }

    // The new state and the firings it produced commit together, or neither does.
    void commitsWithFirings()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        DetectorStateStore store(db);
        FiringLog log(db);
        Firing firing;
        firing.id = QStringLiteral("f1");
        firing.flowName = QStringLiteral("F");
        {
            Database::Transaction transaction(db);
            QVERIFY(store.save(QStringLiteral("k"), {{QStringLiteral("v"), 1}}));
            QCOMPARE(log.record({firing}).size(), 1);
            // no commit: the worker failed half-way
        }
        QVERIFY(!store.contains(QStringLiteral("k")));
        QCOMPARE(log.count(), 0);
        {
            Database::Transaction transaction(db);
            QVERIFY(store.save(QStringLiteral("k"), {{QStringLiteral("v"), 1}}));
            QCOMPARE(log.record({firing}).size(), 1);
            QVERIFY(transaction.commit());
        }
        QVERIFY(store.contains(QStringLiteral("k")));
        QCOMPARE(log.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDetectorStateStore)
#include "tst_detectorstatestore.moc"
