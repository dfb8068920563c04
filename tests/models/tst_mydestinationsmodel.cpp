#include "destinations/mydestinationsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestMyDestinationsModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyThenFilled()
    {
        MyDestinationsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.headerData(MyDestinationsModel::StatusColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Status"));

        const QDateTime created(QDate(2026, 11, 2), QTime(9, 30));
        model.setDestinations({{QStringLiteral("Contoso flows"), QStringLiteral("Power Automate"),
                                MyDestinationsModel::Status::NeedsSignIn, created}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, MyDestinationsModel::NameColumn).data().toString(),
                 QStringLiteral("Contoso flows"));
        QCOMPARE(model.index(0, MyDestinationsModel::TypeColumn).data().toString(),
                 QStringLiteral("Power Automate"));
        QCOMPARE(model.index(0, MyDestinationsModel::StatusColumn).data().toString(),
                 QStringLiteral("Sign-in needed"));
        QCOMPARE(model.index(0, MyDestinationsModel::StatusColumn)
                     .data(MyDestinationsModel::StatusRole)
                     .value<MyDestinationsModel::Status>(),
                 MyDestinationsModel::Status::NeedsSignIn);
        QCOMPARE(model.index(0, MyDestinationsModel::CreatedColumn).data().toString(),
                 QLocale().toString(created, QLocale::ShortFormat));
    }
};

QTEST_GUILESS_MAIN(TestMyDestinationsModel)
#include "tst_mydestinationsmodel.moc"
