#include "destinations/destinationcataloguemodel.h"
#include "destinations/destinationfiltermodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestDestinationFilterModel : public QObject
{
    Q_OBJECT

private:
    static QStringList names(const QAbstractItemModel &model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result << model.index(row, 0).data().toString();
        return result;
    }

private slots:
    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QStringList>("mustContain");
        QTest::addColumn<QStringList>("mustNotContain");
        QTest::addRow("name, any case")
            << QStringLiteral("power AUTOMATE") << QString() << QStringList{QStringLiteral("Power Automate")}
            << QStringList{QStringLiteral("Power BI"), QStringLiteral("SFTP")};
        QTest::addRow("words in any field") << QStringLiteral("azure lake") << QString()
                                            << QStringList{QStringLiteral("Azure Data Lake Storage Gen2")}
                                            << QStringList{QStringLiteral("Azure Blob Storage")};
        QTest::addRow("category name")
            << QStringLiteral("advertising") << QString()
            << QStringList{QStringLiteral("Google Ads"), QStringLiteral("LinkedIn Ads")}
            << QStringList{QStringLiteral("SFTP")};
        QTest::addRow("category filter")
            << QString() << QStringLiteral("automation") << QStringList{QStringLiteral("Power Automate")}
            << QStringList{QStringLiteral("Google Ads")};
        QTest::addRow("both") << QStringLiteral("storage") << QStringLiteral("advertising") << QStringList{}
                              << QStringList{QStringLiteral("Azure Blob Storage"),
                                             QStringLiteral("Google Ads")};
        QTest::addRow("no match") << QStringLiteral("zzzz") << QString() << QStringList{}
                                  << QStringList{QStringLiteral("Power Automate")};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QString, category);
        QFETCH(QStringList, mustContain);
        QFETCH(QStringList, mustNotContain);

        DestinationCatalogueModel catalogue;
        QVERIFY(catalogue.load());
        DestinationFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&catalogue);
        QCOMPARE(filter.rowCount(), catalogue.rowCount());

        filter.setFilterText(text);
        filter.setCategory(category);
        const QStringList shown = names(filter);
        for (const QString &name : mustContain)
            QVERIFY2(shown.contains(name), qPrintable(name + u" not in " + shown.join(u", ")));
        for (const QString &name : mustNotContain)
            QVERIFY2(!shown.contains(name), qPrintable(name));

        filter.setFilterText(QString());
        filter.setCategory(QString());
        QCOMPARE(filter.rowCount(), catalogue.rowCount());
    }
};

QTEST_MAIN(TestDestinationFilterModel)
#include "tst_destinationfiltermodel.moc"
