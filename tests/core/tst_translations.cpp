#include "translations.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void romanianIsShipped()
    {
        QCOMPARE(Translations::availableLanguages(),
                 (QStringList{QStringLiteral("en"), QStringLiteral("ro")}));
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected");
        QTest::addRow("system ro") << QString() << QStringLiteral("ro_RO") << QStringLiteral("ro");
        QTest::addRow("system de falls back") << QString() << QStringLiteral("de_DE") << QStringLiteral("en");
        QTest::addRow("system C") << QString() << QStringLiteral("C") << QStringLiteral("en");
        QTest::addRow("requested wins")
            << QStringLiteral("en") << QStringLiteral("ro_RO") << QStringLiteral("en");
        QTest::addRow("requested region")
            << QStringLiteral("ro-RO") << QStringLiteral("en_US") << QStringLiteral("ro");
        QTest::addRow("requested unknown")
            << QStringLiteral("xx") << QStringLiteral("ro_RO") << QStringLiteral("ro");
    }

    void resolve()
    {
        QFETCH(QString, requested);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        QCOMPARE(Translations::resolve(requested, QLocale(system)), expected);
    }

    void installTranslatesTheUi()
    {
        QVERIFY(Translations::install(*QCoreApplication::instance(), QStringLiteral("ro")));
        QCOMPARE(QCoreApplication::translate("MainWindow", "Export destinations"),
                 QStringLiteral("Destinații de export"));
        QVERIFY(!Translations::install(*QCoreApplication::instance(), QStringLiteral("xx")));
    }

    void englishHasItsPluralForms()
    {
        QVERIFY(Translations::install(*QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("PowerAutomatePane", "Imported %n flow(s) from %1.", nullptr, 1),
                 QStringLiteral("Imported 1 flow from %1."));
        QCOMPARE(QCoreApplication::translate("PowerAutomatePane", "Imported %n flow(s) from %1.", nullptr, 3),
                 QStringLiteral("Imported 3 flows from %1."));
    }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("pluralOnly");
        QTest::addRow("ro") << QStringLiteral("ro") << false;
        QTest::addRow("en plurals") << QStringLiteral("en") << true;
    }

    // Runs lupdate over the sources into a copy of the committed catalogue: a string added without its
    // translation (for English: a %n string without its singular and plural) shows up as unfinished and
    // fails here.
    void catalogueIsComplete()
    {
        QFETCH(QString, language);
        QFETCH(bool, pluralOnly);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString name = QStringLiteral("insights-admin_%1.ts").arg(language);
        const QString committed = QStringLiteral(SOURCE_DIR "/resources/translations/") + name;
        const QString copy = dir.filePath(name);
        QVERIFY(QFile::copy(committed, copy));
        QStringList arguments{
            QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
            QStringLiteral("-recursive"), QStringLiteral("app"),  QStringLiteral("models"),
            QStringLiteral("ui"),         QStringLiteral("-ts"),  copy};
        if (pluralOnly)
            arguments.prepend(QStringLiteral("-pluralonly"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SOURCE_DIR));
        lupdate.start(QStringLiteral(LUPDATE_EXE), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList unfinished;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == u"translation") {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == u"unfinished" || text.trimmed().isEmpty())
                    unfinished << context + u": " + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > (pluralOnly ? 5 : 20));
        QVERIFY2(unfinished.isEmpty(),
                 qPrintable(QStringLiteral("%1 translation missing for:\n  ").arg(language) +
                            unfinished.join(u"\n  ") +
                            QStringLiteral("\nRun `cmake --build --preset dev --target update_translations`, "
                                           "then translate the new entries.")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
