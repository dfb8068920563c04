#include "destinations/destinationcataloguemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestDestinationCatalogueModel : public QObject
{
    Q_OBJECT

private:
    static QJsonObject shippedCatalogue()
    {
        QFile file(QLatin1String(DestinationCatalogueModel::kDefaultCatalogue));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("catalogue-%1.json").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void loadsTheShippedCatalogue()
    {
        DestinationCatalogueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(model.load(), qPrintable(model.errorString()));
        QVERIFY(model.rowCount() >= 15);

        const QModelIndex powerAutomate =
            model.indexOfId(QLatin1String(DestinationCatalogueModel::kPowerAutomateId));
        QVERIFY(powerAutomate.isValid());
        QCOMPARE(powerAutomate.row(), 0);
        QCOMPARE(powerAutomate.data().toString(), QStringLiteral("Power Automate"));
        QVERIFY(powerAutomate.data(DestinationCatalogueModel::ConfigurableRole).toBool());
        QCOMPARE(powerAutomate.data(DestinationCatalogueModel::ActionTextRole).toString(),
                 QStringLiteral("Configure"));

        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            QVERIFY(!index.data(DestinationCatalogueModel::DescriptionRole).toString().isEmpty());
            QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().pixmap(40, 40).isNull());
            QVERIFY(!index.data(Qt::AccessibleTextRole).toString().isEmpty());
            QCOMPARE(index.data(DestinationCatalogueModel::DocsUrlRole).toUrl().scheme(),
                     QStringLiteral("https"));
            if (row > 0) {
                // Only Power Automate is configured by this app; every other tile links to its documentation.
                QVERIFY(!index.data(DestinationCatalogueModel::ConfigurableRole).toBool());
                QCOMPARE(index.data(DestinationCatalogueModel::ActionTextRole).toString(),
                         QStringLiteral("Learn more"));
            }
        }
    }

    void everyDescriptionIsTranslated()
    {
        const QJsonArray destinations = shippedCatalogue().value(u"destinations").toArray();
        QVERIFY(!destinations.isEmpty());
        for (const QJsonValue &value : destinations) {
            const QJsonObject description = value.toObject().value(u"description").toObject();
            const QString id = value.toObject().value(u"id").toString();
            QVERIFY2(!description.value(u"en").toString().isEmpty(), qPrintable(id));
            QVERIFY2(!description.value(u"ro").toString().isEmpty(), qPrintable(id));
        }
    }

    void descriptionsFollowTheLanguage()
    {
        QLocale::setDefault(QLocale(QStringLiteral("ro")));
        DestinationCatalogueModel model;
        QVERIFY(model.load());
        const QJsonObject first = shippedCatalogue().value(u"destinations").toArray().first().toObject();
        QCOMPARE(model.index(0).data(DestinationCatalogueModel::DescriptionRole).toString(),
                 first.value(u"description").toObject().value(u"ro").toString());
    }

    void badCataloguesFailWithAClearError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        const QByteArray good = R"({"id":"x","name":"X","category":"storage","icon":"sftp.svg",)"
                                R"("configurable":false,"docsUrl":"https://example.org/x",)"
                                R"("description":{"en":"An X."}})";
        auto catalogue = [](const QByteArray &entries) -> QByteArray {
            return "{\"destinations\":[" + entries + "]}";
        };
        auto without = [&](const char *field) -> QByteArray {
            QJsonObject entry = QJsonDocument::fromJson(good).object();
            entry.remove(QLatin1String(field));
            return catalogue(QJsonDocument(entry).toJson(QJsonDocument::Compact));
        };
        QTest::addRow("not json") << QByteArray("{\"destinations\": [") << QStringLiteral("not valid JSON");
        QTest::addRow("no list") << QByteArray("{}") << QStringLiteral("no \"destinations\" list");
        QTest::addRow("missing id") << without("id")
                                    << QStringLiteral(
                                           "Destination 1 in the catalogue has a missing or invalid \"id\"");
        QTest::addRow("duplicate id")
            << catalogue(QByteArray(good + ',' + good))
            << QStringLiteral("Destination 2 in the catalogue has a missing or invalid \"id\"");
        QTest::addRow("missing name") << without("name") << QStringLiteral("\"name\"");
        QTest::addRow("missing description") << without("description") << QStringLiteral("\"description\"");
        QTest::addRow("missing icon") << without("icon") << QStringLiteral("\"icon\"");
        QTest::addRow("missing configurable")
            << without("configurable") << QStringLiteral("\"configurable\"");
        QTest::addRow("unknown category")
            << catalogue(QByteArray(good).replace("storage", "toasters")) << QStringLiteral("\"category\"");
        QTest::addRow("plain http docs")
            << catalogue(QByteArray(good).replace("https:", "http:")) << QStringLiteral("\"docsUrl\"");
        QTest::addRow("icon not shipped")
            << catalogue(QByteArray(good).replace("sftp.svg", "nope.svg")) << QStringLiteral("\"icon\"");
    }

    void badCataloguesFailWithAClearError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        DestinationCatalogueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load()); // a loaded model must be emptied by the failed load
        QVERIFY(!model.load(write(content)));
        QVERIFY2(model.errorString().contains(expected), qPrintable(model.errorString()));
        QCOMPARE(model.rowCount(), 0);
    }

    void missingFileFails()
    {
        DestinationCatalogueModel model;
        QVERIFY(!model.load(m_dir.filePath(QStringLiteral("absent.json"))));
        QVERIFY(model.errorString().contains(QLatin1String("Cannot read")));
    }
};

QTEST_MAIN(TestDestinationCatalogueModel)
#include "tst_destinationcataloguemodel.moc"
