#include "database.h"
#include "manualclock.h"
#include "ratewindowstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

class TestRateWindowStore : public QObject
{
    Q_OBJECT

private slots:
    void saveKeepsOnlyTheWindow()
    {
        QTemporaryDir dir;
        ManualClock clock;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        RateWindowStore store(db, clock);
        const QDateTime now = clock.now();
        const QList<QDateTime> calls{now.addSecs(-90), now.addSecs(-60), now.addMSecs(-59999),
                                     now.addSecs(-10), now};
        QVERIFY(store.save(QStringLiteral("conn"), calls));
        QCOMPARE(store.load(QStringLiteral("conn")), calls.mid(2));
        QVERIFY(store.load(QStringLiteral("other")).isEmpty());

        clock.advance(30s); // the window moves on: older calls are no longer loaded
        QCOMPARE(store.load(QStringLiteral("conn")), calls.mid(3));

        QVERIFY(store.save(QStringLiteral("conn"), {clock.now()})); // replaces
        QCOMPARE(store.load(QStringLiteral("conn")), QList<QDateTime>{clock.now()});
    }

    void appendPrunes()
    {
        QTemporaryDir dir;
        ManualClock clock;
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        RateWindowStore store(db, clock);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(store.append(QStringLiteral("conn"), clock.now()));
            clock.advance(1s);
        }
        QCOMPARE(store.load(QStringLiteral("conn")).size(), 59); // the call at -60 s has left the window
        QSqlQuery rows(db.handle());
        QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM rate_window")) && rows.next());
        QVERIFY(rows.value(0).toInt() <= 61); // pruned on every write, not only filtered on read
    }

    void survivesARestart()
    {
        QTemporaryDir dir;
        ManualClock clock;
        const QList<QDateTime> calls{clock.now().addSecs(-5), clock.now().addSecs(-1)};
        {
            Database db;
            QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
            QVERIFY(RateWindowStore(db, clock).save(QStringLiteral("conn"), calls));
        }
        Database db;
        QVERIFY(db.open(dir.path(), QStringLiteral("worker")));
        QCOMPARE(RateWindowStore(db, clock).load(QStringLiteral("conn")), calls);
    }
};

QTEST_GUILESS_MAIN(TestRateWindowStore)
#include "tst_ratewindowstore.moc"
