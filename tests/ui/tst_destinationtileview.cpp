#include "destinations/destinationcataloguemodel.h"
#include "exportdestinations/destinationtileview.h"

#include <QSignalSpy>
#include <QTest>

class TestDestinationTileView : public QObject
{
    Q_OBJECT

private:
    DestinationCatalogueModel m_catalogue;

private slots:
    void initTestCase() { QVERIFY(m_catalogue.load()); }

    void arrowsMoveAndEnterOrSpacePress_data()
    {
        QTest::addColumn<int>("key");
        QTest::addRow("return") << int(Qt::Key_Return);
        QTest::addRow("enter") << int(Qt::Key_Enter);
        QTest::addRow("space") << int(Qt::Key_Space);
    }

    void arrowsMoveAndEnterOrSpacePress()
    {
        QFETCH(int, key);
        DestinationTileView view;
        view.setModel(&m_catalogue);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        view.setCurrentIndex(m_catalogue.index(0));

        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentIndex().row(), 1);
        QTest::keyClick(&view, Qt::Key_Down); // the next row of tiles
        const int down = view.currentIndex().row();
        QVERIFY2(down > 1, qPrintable(QString::number(down)));
        QVERIFY(view.visualRect(view.currentIndex()).top() > view.visualRect(m_catalogue.index(1)).top());

        QSignalSpy clicked(&view, &DestinationTileView::buttonClicked);
        QTest::keyClick(&view, Qt::Key(key), key == Qt::Key_Enter ? Qt::KeypadModifier : Qt::NoModifier);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toModelIndex(), view.currentIndex());

        QTest::keyClick(&view, Qt::Key(key), Qt::ControlModifier);
        QCOMPARE(clicked.size(), 1);
    }

    void pressAndReleaseOnTheButtonClicks()
    {
        DestinationTileView view;
        view.setModel(&m_catalogue);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy clicked(&view, &DestinationTileView::buttonClicked);
        const QModelIndex second = m_catalogue.index(1);
        const QRect button = view.buttonRect(second);
        QVERIFY(view.visualRect(second).contains(button));

        // Pressed on the button, released elsewhere: no click, as with a real push button.
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, button.center());
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {},
                            view.visualRect(second).topLeft() + QPoint(20, 20));
        QCOMPARE(clicked.size(), 0);

        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, button.center());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toModelIndex(), second);
    }

    void tilesAreAccessible()
    {
        DestinationTileView view;
        view.setModel(&m_catalogue);
        QVERIFY(!view.accessibleName().isEmpty());
        const QModelIndex first = m_catalogue.index(0);
        QCOMPARE(first.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Power Automate, Automation"));
        QVERIFY(first.data(Qt::AccessibleDescriptionRole)
                    .toString()
                    .endsWith(QLatin1String("Press Enter to Configure.")));
    }
};

QTEST_MAIN(TestDestinationTileView)
#include "tst_destinationtileview.moc"
