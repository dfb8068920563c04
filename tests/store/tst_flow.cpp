#include "flow.h"

#include <QTest>

class TestFlow : public QObject
{
    Q_OBJECT

private slots:
    void secretRefsAreTheEntriesItsStepsName()
    {
        Flow flow;
        flow.steps = {
            Step{StepKind::TeamsMessage, {{QStringLiteral("webhookSecretRef"), QStringLiteral("teams-a")}}},
            Step{StepKind::Email, {{QStringLiteral("smtpSecretRef"), QStringLiteral("smtp")}}},
            Step{StepKind::HttpCall, {{QStringLiteral("url"), QStringLiteral("https://x.example")}}},
            Step{StepKind::Email, {{QStringLiteral("smtpSecretRef"), QStringLiteral("smtp")}}},
            Step{StepKind::HttpCall, {{QStringLiteral("signingSecretRef"), QStringLiteral("hmac")}}}};
        QCOMPARE(flow.secretRefs(),
                 (QStringList{QStringLiteral("teams-a"), QStringLiteral("smtp"), QStringLiteral("hmac")}));
        QCOMPARE(Flow().secretRefs(), QStringList());
    }

    void triggerIds_data()
    {
        QTest::addColumn<TriggerKind>("kind");
        QTest::addColumn<QString>("id");
        QTest::addRow("failed") << TriggerKind::DataSourceRefreshFailed
                                << QStringLiteral("dataSourceRefreshFailed");
        QTest::addRow("succeeded") << TriggerKind::DataSourceRefreshSucceeded
                                   << QStringLiteral("dataSourceRefreshSucceeded");
        QTest::addRow("segment") << TriggerKind::SegmentThresholdCrossed
                                 << QStringLiteral("segmentThresholdCrossed");
        QTest::addRow("measure") << TriggerKind::MeasureThresholdCrossed
                                 << QStringLiteral("measureThresholdCrossed");
        QTest::addRow("full") << TriggerKind::FullRefreshCompleted << QStringLiteral("fullRefreshCompleted");
        QTest::addRow("unification") << TriggerKind::UnificationRefreshCompleted
                                     << QStringLiteral("unificationRefreshCompleted");
    }

    void triggerIds()
    {
        QFETCH(TriggerKind, kind);
        QFETCH(QString, id);
        QCOMPARE(Trigger::id(kind), id);
        QVERIFY(Trigger::kindFromId(id) == kind);
        QVERIFY(!Trigger::displayName(kind).isEmpty());
        QVERIFY(Trigger::description(kind).endsWith(u'.'));
        QVERIFY(Trigger::allKinds().contains(kind));
    }

    void unknownIds()
    {
        QVERIFY(!Trigger::kindFromId(u"DataSourceRefreshFailed")); // ids are case-sensitive
        QVERIFY(!Trigger::kindFromId(u""));
        QVERIFY(!Step::kindFromId(u"sms"));
        QCOMPARE(Trigger::allKinds().size(), 6);
        QCOMPARE(Step::allKinds().size(), 4);
    }

    void triggerParameters()
    {
        using K = TriggerKind;
        QVERIFY(Trigger::takesSubject(K::DataSourceRefreshFailed) &&
                !Trigger::requiresSubject(K::DataSourceRefreshFailed));
        QVERIFY(Trigger::takesSubject(K::DataSourceRefreshSucceeded));
        QVERIFY(Trigger::requiresSubject(K::SegmentThresholdCrossed) &&
                Trigger::takesThreshold(K::SegmentThresholdCrossed));
        QVERIFY(Trigger::requiresSubject(K::MeasureThresholdCrossed) &&
                Trigger::takesThreshold(K::MeasureThresholdCrossed));
        QVERIFY(!Trigger::takesSubject(K::FullRefreshCompleted) &&
                !Trigger::takesSubject(K::UnificationRefreshCompleted));
        QVERIFY(!Trigger::takesThreshold(K::DataSourceRefreshFailed));
        for (K kind : Trigger::allKinds()) {
            QCOMPARE(Trigger::takesPermanentFailuresOnly(kind), kind == K::DataSourceRefreshFailed);
            QCOMPARE(Trigger::takesIncludeManualRefreshes(kind), kind == K::FullRefreshCompleted);
        }
    }

    void stepIds_data()
    {
        QTest::addColumn<StepKind>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("secretRefs");
        QTest::addRow("teams") << StepKind::TeamsMessage << QStringLiteral("teamsMessage")
                               << QStringList{QStringLiteral("webhookSecretRef")};
        QTest::addRow("email") << StepKind::Email << QStringLiteral("email")
                               << QStringList{QStringLiteral("smtpSecretRef")};
        QTest::addRow("http") << StepKind::HttpCall << QStringLiteral("httpCall")
                              << QStringList{QStringLiteral("signingSecretRef")};
        QTest::addRow("getItems") << StepKind::GetItems << QStringLiteral("getItems") << QStringList();
    }

    void stepIds()
    {
        QFETCH(StepKind, kind);
        QFETCH(QString, id);
        QFETCH(QStringList, secretRefs);
        QCOMPARE(Step::id(kind), id);
        QVERIFY(Step::kindFromId(id) == kind);
        QVERIFY(!Step::displayName(kind).isEmpty());
        QVERIFY(!Step::description(kind).isEmpty());
        QCOMPARE(Step::secretRefKeys(kind), secretRefs);
        QVERIFY(!Step::parameterKeys(kind).contains(QStringLiteral("type")));
    }

    void valueSemantics()
    {
        Flow a;
        a.name = QStringLiteral("A");
        a.steps.append(Step{StepKind::GetItems, {{QStringLiteral("entity"), QStringLiteral("Customer")}}});
        Flow b = a;
        QCOMPARE(a, b);
        b.steps[0].parameters.insert(QStringLiteral("limit"), 5);
        QVERIFY(a != b);
        QVERIFY(QVariant::fromValue(a).value<Flow>() == a);
    }
};

QTEST_GUILESS_MAIN(TestFlow)
#include "tst_flow.moc"
