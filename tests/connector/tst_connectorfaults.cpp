// The connector worker under faults: a 429 storm, server errors, dropped connections and malformed JSON.
// Nothing is lost, nothing fires twice, and the worker keeps running.
#include "connectorfixture.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace {

// A tiny HTTP server on 127.0.0.1 that answers every request with the next body of a list (the last one
// repeats): enough to feed the worker garbage.
class ScriptedServer : public QObject
{
public:
    explicit ScriptedServer(QList<QByteArray> bodies)
        : m_bodies(std::move(bodies))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    QUrl apiBase() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        buffer.clear();
        const QByteArray body = m_bodies.at(std::min<qsizetype>(m_requests, m_bodies.size() - 1));
        ++m_requests;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QList<QByteArray> m_bodies;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

} // namespace

class TestConnectorFaults : public QObject
{
    Q_OBJECT

private slots:
    void throttleStormHoldsEveryCallAndLosesNothing()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 flow = f.addFlow(TriggerKind::DataSourceRefreshSucceeded);
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        QVERIFY(f.addFault(QStringLiteral("throttle"), 3, 1000)); // three 429s, Retry-After: 1
        const QString job = f.refresh(QStringLiteral("datasource"), QStringLiteral("ECommerce"));
        QVERIFY(f.waitForFirings(1, 20000));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 1);
        QCOMPARE(f.firings[0].flowId, flow);
        QCOMPARE(f.firings[0].jobId, job);
        QVERIFY(f.firings[0].caughtUp); // found after an outage (the hold)
        QCOMPARE(f.counters().value(QStringLiteral("throttled429")).toInt(), 3);

        // Each 429 came in after the previous hold had ended: no call went out before Retry-After.
        QList<QDateTime> holds;
        for (const ConnectorStatus &status : std::as_const(f.statuses)) {
            if (status.state == ConnectorStatus::State::Held &&
                (holds.isEmpty() || holds.last() != status.heldUntil))
                holds.append(status.heldUntil);
        }
        QCOMPARE(holds.size(), 3);
        for (int i = 1; i < holds.size(); ++i)
            QVERIFY2(holds[i - 1].msecsTo(holds[i]) >= 1000,
                     qPrintable(QString::number(holds[i - 1].msecsTo(holds[i]))));
        QCOMPARE(f.connector->status().state, ConnectorStatus::State::Polling);
    }

    // A segment and a measure go up and back down while every call is held by a 429: the evaluation history
    // shows the crossings, and each fires once, caught up.
    void crossingsDuringAHoldFireOnceCaughtUp()
    {
        ConnectorFixture f;
        QVERIFY(f.started);
        const qint64 segment =
            f.addFlow(TriggerKind::SegmentThresholdCrossed, QStringLiteral("HighValueCustomers"), 1250);
        const qint64 measure =
            f.addFlow(TriggerKind::MeasureThresholdCrossed, QStringLiteral("TotalRevenue"), 1250000);
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1200));
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1200000));
        f.startConnector();
        QVERIFY(f.waitForCycles(2)); // the baselines, below the thresholds

        QVERIFY(f.addFault(QStringLiteral("throttle"), 1, 3000)); // one 429, Retry-After: 3
        QTRY_VERIFY_WITH_TIMEOUT(f.connector->status().state == ConnectorStatus::State::Held, 5000);
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1300));
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1300000));
        QTest::qWait(20); // later evaluation times
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1200));
        QVERIFY(f.setMeasure(QStringLiteral("TotalRevenue"), 1200000));
        QCOMPARE(f.connector->status().state, ConnectorStatus::State::Held); // none of it was seen

        QVERIFY(f.waitForFirings(2, 20000));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 2);
        QCOMPARE(f.firingsOf(segment).size(), 1);
        QCOMPARE(f.firingsOf(segment)[0].value, 1300.0);
        QCOMPARE(f.firingsOf(segment)[0].previousValue, 1200.0);
        QCOMPARE(f.firingsOf(measure).size(), 1);
        QCOMPARE(f.firingsOf(measure)[0].value, 1300000.0);
        QCOMPARE(f.firingsOf(measure)[0].previousValue, 1200000.0);
        for (const Firing &firing : std::as_const(f.firings))
            QVERIFY2(firing.caughtUp, qPrintable(firing.subject));
        const qint64 stored = f.log->count();
        QCOMPARE(stored, qint64(2));

        // A restart replays nothing twice; a dip and a rise after it fire again, as usual.
        f.startConnector();
        QVERIFY(f.waitForCycles(3));
        QVERIFY(f.firings.isEmpty());
        QCOMPARE(f.log->count(), stored);
        QVERIFY(f.setSegment(QStringLiteral("HighValueCustomers"), 1260));
        QVERIFY(f.waitForFirings(1));
        QCOMPARE(f.firingsOf(segment).size(), 1);
        QVERIFY(!f.firings[0].caughtUp);
    }

    void retriedFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addRow("500s") << QStringLiteral("http500");
        QTest::addRow("dropped connections") << QStringLiteral("drop");
    }

    void retriedFaults()
    {
        QFETCH(QString, fault);
        ConnectorFixture f;
        QVERIFY(f.started);
        f.addFlow(TriggerKind::DataSourceRefreshFailed);
        f.addFlow(TriggerKind::UnificationRefreshCompleted);
        f.startConnector();
        QVERIFY(f.waitForCycles(1));
        QVERIFY(f.addFault(fault, 3));
        const QString failed =
            f.refresh(QStringLiteral("datasource"), QStringLiteral("PosTransactions"), true);
        const QString unification = f.refresh(QStringLiteral("unification"));
        QVERIFY(f.waitForFirings(2, 20000));
        QVERIFY(f.waitForCycles(3));
        QCOMPARE(f.firings.size(), 2);
        QSet<QString> jobs{f.firings[0].jobId, f.firings[1].jobId};
        QCOMPARE(jobs, (QSet<QString>{failed, unification}));
        QCOMPARE(f.http.get(f.control(QStringLiteral("faults")))
                     .object()
                     .value(QStringLiteral("pending"))
                     .toArray()
                     .size(),
                 0);
    }

    void malformedJsonIsAClearErrorAndTheWorkerKeepsRunning_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::addColumn<QString>("message");
        QTest::addRow("not JSON") << QByteArray("{\"jobId\": [tru") << QStringLiteral("not valid JSON");
        QTest::addRow("wrong shape") << QByteArray("{\"value\": 1}")
                                     << QStringLiteral("unexpected list of jobs");
        QTest::addRow("wrong type") << QByteArray("[{\"jobId\": 7}]")
                                    << QStringLiteral("unexpected list of jobs");
    }

    void malformedJsonIsAClearErrorAndTheWorkerKeepsRunning()
    {
        QFETCH(QByteArray, garbage);
        QFETCH(QString, message);
        ScriptedServer server({garbage, garbage, QByteArray("[]")});
        QTemporaryDir dataDir;
        ConnectorConfig config;
        config.dataDir = dataDir.path();
        config.apiBase = server.apiBase();
        config.instanceId = QStringLiteral("3f7a2c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b");
        config.idleInterval = 100ms;
        config.errorInterval = 100ms;
        Connector connector;
        QList<ConnectorStatus> statuses;
        connect(&connector, &Connector::statusChanged, this,
                [&](const ConnectorStatus &status) { statuses.append(status); });
        connector.start(config, QStringLiteral("token"));
        QTRY_VERIFY_WITH_TIMEOUT(connector.status().state == ConnectorStatus::State::Polling, 10000);
        QVERIFY(server.requests() >= 3);
        const auto error =
            std::find_if(statuses.cbegin(), statuses.cend(), [](const ConnectorStatus &status) {
                return status.state == ConnectorStatus::State::Error;
            });
        QVERIFY(error != statuses.cend());
        QVERIFY2(error->message.contains(message), qPrintable(error->message));
        QVERIFY(error->stateText().startsWith(QLatin1String("Error: ")));
    }
};

QTEST_GUILESS_MAIN(TestConnectorFaults)
#include "tst_connectorfaults.moc"
