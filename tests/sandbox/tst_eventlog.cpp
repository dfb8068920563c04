#include "eventlog.h"

#include <QTest>

class TestEventLog : public QObject
{
    Q_OBJECT

private:
    static QList<qint64> seqs(const QJsonArray &events)
    {
        QList<qint64> result;
        for (const QJsonValue &event : events)
            result.append(event.toObject().value(QStringLiteral("seq")).toInteger());
        return result;
    }

private slots:
    void numbersAndPages()
    {
        EventLog log;
        QCOMPARE(log.firstSeq(), 1);
        QCOMPARE(log.nextSeq(), 1);
        QVERIFY(log.since(0, 10).isEmpty());
        for (int i = 0; i < 5; ++i)
            log.append({{QStringLiteral("type"), QStringLiteral("jobEnded")}, {QStringLiteral("n"), i}});
        QCOMPARE(seqs(log.since(0, 10)), (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(seqs(log.since(2, 2)), (QList<qint64>{3, 4}));
        QVERIFY(log.since(5, 10).isEmpty());
        QCOMPARE(log.since(0, 1).first().toObject().value(QStringLiteral("n")).toInt(), 0);
        QCOMPARE(log.since(0, 1).first().toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("jobEnded"));
    }

    void bounded()
    {
        EventLog log;
        for (int i = 0; i < EventLog::kMaxEntries + 10; ++i)
            log.append({{QStringLiteral("n"), i}});
        QCOMPARE(log.firstSeq(), 11);
        QCOMPARE(log.nextSeq(), EventLog::kMaxEntries + 11);
        // Asking from before the oldest kept entry starts at the oldest kept entry.
        QCOMPARE(seqs(log.since(0, 2)), (QList<qint64>{11, 12}));
        QCOMPARE(log.since(EventLog::kMaxEntries + 9, 5).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
