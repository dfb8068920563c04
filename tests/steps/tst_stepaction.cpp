#include "emailstep.h"
#include "getitemsstep.h"
#include "httpcallstep.h"
#include "stepaction.h"
#include "stepkinddescriptor.h"
#include "teamsstep.h"

#include <QTest>

// StepAction::create: every step kind described in StepKindDescriptor has its action.
class TestStepAction : public QObject
{
    Q_OBJECT

private slots:
    void everyKindHasItsAction_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("className");
        const std::pair<StepKind, const char *> expected[] = {
            {StepKind::TeamsMessage, TeamsStep::staticMetaObject.className()},
            {StepKind::Email, EmailStep::staticMetaObject.className()},
            {StepKind::HttpCall, HttpCallStep::staticMetaObject.className()},
            {StepKind::GetItems, GetItemsStep::staticMetaObject.className()},
        };
        QCOMPARE(StepKindDescriptor::all().size(), qsizetype(std::size(expected)));
        for (const auto &[kind, className] : expected)
            QTest::addRow("%s", qPrintable(Step::id(kind))) << int(kind) << QByteArray(className);
    }

    void everyKindHasItsAction()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, className);
        StepInput input;
        input.step = Step{StepKind(kind), StepKindDescriptor::of(StepKind(kind)).defaults};
        std::unique_ptr<StepAction> action(StepAction::create(input));
        QVERIFY(action);
        QCOMPARE(QByteArray(action->metaObject()->className()), className);
        QCOMPARE(action->input().step.kind, StepKind(kind));
    }
};

QTEST_GUILESS_MAIN(TestStepAction)
#include "tst_stepaction.moc"
