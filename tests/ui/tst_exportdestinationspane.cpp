#include "destinations/destinationcataloguemodel.h"
#include "destinations/mydestinationsmodel.h"
#include "exportdestinations/destinationtileview.h"
#include "exportdestinations/exportdestinationspane.h"
#include "urlcatcher.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

class TestExportDestinationsPane : public QObject
{
    Q_OBJECT

private slots:
    void learnMoreOpensTheDocumentation()
    {
        UrlCatcher browser;
        ExportDestinationsPane pane;
        pane.resize(1000, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QSignalSpy configure(&pane, &ExportDestinationsPane::configureRequested);
        auto *view = pane.findChild<DestinationTileView *>(QStringLiteral("tileView"));
        view->setFocus();
        view->setCurrentIndex(view->model()->index(1, 0));
        const QModelIndex tile = view->currentIndex();
        QCOMPARE(tile.data(DestinationCatalogueModel::ActionTextRole).toString(),
                 QStringLiteral("Learn more"));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(browser.urls(), QList<QUrl>{tile.data(DestinationCatalogueModel::DocsUrlRole).toUrl()});
        QCOMPARE(configure.size(), 0);

        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(configure.size(), 1);
        QCOMPARE(configure.at(0).at(0).toString(), QStringLiteral("power-automate"));
        QCOMPARE(browser.urls().size(), 1);
    }

    void searchFiltersAndSaysWhenNothingMatches()
    {
        ExportDestinationsPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto *search = pane.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        auto *view = pane.findChild<DestinationTileView *>(QStringLiteral("tileView"));
        auto *stack = pane.findChild<QStackedWidget *>(QStringLiteral("discoverStack"));
        auto *count = pane.findChild<QLabel *>(QStringLiteral("countLabel"));
        const int all = pane.catalogue()->rowCount();
        QCOMPARE(count->text(), QStringLiteral("Showing %1 of %1").arg(all));

        QTest::keyClicks(search, QStringLiteral("ads"));
        QVERIFY(view->model()->rowCount() > 0);
        QVERIFY(view->model()->rowCount() < all);
        QCOMPARE(count->text(), QStringLiteral("Showing %1 of %2").arg(view->model()->rowCount()).arg(all));
        QCOMPARE(stack->currentWidget(), view);

        QTest::keyClicks(search, QStringLiteral("zzz"));
        QCOMPARE(view->model()->rowCount(), 0);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("noMatchLabel"));

        search->clear();
        auto *category = pane.findChild<QComboBox *>(QStringLiteral("categoryComboBox"));
        category->setCurrentIndex(category->findData(QStringLiteral("automation")));
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Power Automate"));
        QCOMPARE(stack->currentWidget(), view);
    }

    void myDestinationsShowsAnEmptyStateUntilFilled()
    {
        ExportDestinationsPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto *tabs = pane.findChild<QTabWidget *>(QStringLiteral("destinationTabs"));
        auto *stack = pane.findChild<QStackedWidget *>(QStringLiteral("myDestinationsStack"));
        tabs->setCurrentIndex(1);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyStatePage"));
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("emptyStateLabel"))
                    ->text()
                    .contains(QLatin1String("Configure")));

        QTest::mouseClick(pane.findChild<QPushButton *>(QStringLiteral("goToDiscoverButton")),
                          Qt::LeftButton);
        QCOMPARE(tabs->currentIndex(), 0);

        pane.myDestinations()->setDestinations(
            {{QStringLiteral("Contoso flows"), QStringLiteral("Power Automate"),
              MyDestinationsModel::Status::Ready, QDateTime::currentDateTime()}});
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("myDestinationsView"));
    }
};

QTEST_MAIN(TestExportDestinationsPane)
#include "tst_exportdestinationspane.moc"
