#include "cimodels.h"
#include "powerautomate/getitemsstepeditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

// The Get items step editor on its own: the entity picker, the query fields and the preview.
class TestGetItemsStepEditor : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *field(QWidget &editor, const char *name)
    {
        return editor.findChild<T *>(QLatin1String(name));
    }

private slots:
    void theEntityIsChosenByItsQualifiedName()
    {
        GetItemsStepEditor editor;
        CiEntity customers;
        customers.name = QStringLiteral("Customer");
        customers.qualifiedName = QStringLiteral("UnifiedCustomer.Customer");
        CiEntity contacts;
        contacts.name = QStringLiteral("Contact");
        contacts.dataSourceName = QStringLiteral("Crm");
        editor.setEntities({customers, contacts});
        editor.setStep({StepKind::GetItems,
                        {{QStringLiteral("entity"), QStringLiteral("UnifiedCustomer.Customer")},
                         {QStringLiteral("filter"), QStringLiteral("Country eq 'Denmark'")},
                         {QStringLiteral("limit"), 20}}});
        QCOMPARE(field<QComboBox>(editor, "entityComboBox")->currentText(), QStringLiteral("Customer"));
        QCOMPARE(field<QComboBox>(editor, "entityComboBox")->itemText(1),
                 QStringLiteral("Contact (from Crm)"));
        QCOMPARE(field<QSpinBox>(editor, "limitSpinBox")->maximum(), 10000);
        const QJsonObject parameters = editor.step().parameters;
        QCOMPARE(parameters.value(u"entity").toString(), QStringLiteral("UnifiedCustomer.Customer"));
        QCOMPARE(parameters.value(u"limit").toInt(), 20);
        QVERIFY(!parameters.contains(u"select"));
        // An entity the instance does not list stays as typed.
        editor.setStep({StepKind::GetItems, {{QStringLiteral("entity"), QStringLiteral("Gone")}}});
        QCOMPARE(editor.step().parameters.value(u"entity").toString(), QStringLiteral("Gone"));
        QCOMPARE(editor.step().parameters.value(u"limit").toInt(), 100);
    }

    void previewAsksAndShows()
    {
        GetItemsStepEditor editor;
        editor.setStep({StepKind::GetItems, {{QStringLiteral("entity"), QStringLiteral("Customer")}}});
        QSignalSpy asked(&editor, &StepEditor::previewRequested);
        auto *button = field<QPushButton>(editor, "previewButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).value<Step>().parameters.value(u"entity").toString(),
                 QStringLiteral("Customer"));
        QVERIFY(!button->isEnabled());
        editor.showPreview({{{QStringLiteral("Name"), QStringLiteral("Ada")}, {QStringLiteral("Age"), 36}},
                            {{QStringLiteral("Name"), QStringLiteral("Bob")}}});
        auto *table = field<QTableWidget>(editor, "previewTableWidget");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Age")); // the rows' keys
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("36"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Bob"));
        QVERIFY(button->isEnabled());
        editor.showPreviewError(QStringLiteral("The entity Customer does not exist."));
        QCOMPARE(field<QLabel>(editor, "previewStatusLabel")->text(),
                 QStringLiteral("The entity Customer does not exist."));
    }
};

QTEST_MAIN(TestGetItemsStepEditor)
#include "tst_getitemsstepeditor.moc"
