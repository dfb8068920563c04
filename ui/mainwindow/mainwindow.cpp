#include "mainwindow.h"

#include "common/placeholderpane.h"
#include "exportdestinations/exportdestinationspane.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace {
constexpr int kApiCallLimit = 100; // calls per 60 s per connection (DESIGN section 5)
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_panes(new QStackedWidget(this))
    , m_exportDestinations(new ExportDestinationsPane(m_panes))
    , m_connectionLabel(new QLabel(this))
    , m_workerLabel(new QLabel(this))
    , m_budgetLabel(new QLabel(this))
{
    setWindowTitle(tr("Insights Admin"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/insights-admin.svg")));
    resize(1280, 800);

    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setBackgroundRole(QPalette::AlternateBase);
    m_navigation->viewport()->setBackgroundRole(QPalette::AlternateBase);
    // The current page is marked with a tint of the highlight colour, so that the icons stay readable.
    QPalette navigationPalette = m_navigation->palette();
    const QColor highlight = navigationPalette.color(QPalette::Highlight);
    QColor tint = navigationPalette.color(QPalette::AlternateBase);
    tint = QColor::fromRgbF(tint.redF() * 0.82 + highlight.redF() * 0.18,
                            tint.greenF() * 0.82 + highlight.greenF() * 0.18,
                            tint.blueF() * 0.82 + highlight.blueF() * 0.18);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        navigationPalette.setColor(group, QPalette::Highlight, tint);
        navigationPalette.setColor(group, QPalette::HighlightedText, navigationPalette.color(QPalette::Text));
    }
    m_navigation->setPalette(navigationPalette);
    m_panes->setObjectName(QStringLiteral("paneStack"));

    m_exportDestinations->setObjectName(QStringLiteral("exportDestinationsPane"));
    addPane(Pane::ExportDestinations, QStringLiteral(":/icons/ui/export-destinations.svg"),
            tr("Export destinations"), m_exportDestinations);
    auto *powerAutomate = new PlaceholderPane(
        tr("Power Automate"),
        tr("Flows run against a Customer Insights instance you are signed in to. Interactive sign-in is not "
           "available in this version yet, so no flow can be configured."),
        m_panes);
    powerAutomate->setObjectName(QStringLiteral("powerAutomatePane"));
    addPane(Pane::PowerAutomate, QStringLiteral(":/icons/ui/power-automate.svg"), tr("Power Automate"),
            powerAutomate);
    auto *triggerLog = new PlaceholderPane(
        tr("Trigger log"),
        tr("The trigger log lists every firing of your flows once the connector is signed in and running."),
        m_panes);
    triggerLog->setObjectName(QStringLiteral("triggerLogPane"));
    addPane(Pane::TriggerLog, QStringLiteral(":/icons/ui/trigger-log.svg"), tr("Trigger log"), triggerLog);
    auto *account = new PlaceholderPane(
        tr("Account"), tr("Your signed-in account and connection settings will be shown here."), m_panes);
    account->setObjectName(QStringLiteral("accountPane"));
    addPane(Pane::Account, QStringLiteral(":/icons/ui/account.svg"), tr("Account"), account);

    // The left column: the application's name above the navigation.
    auto *sidebar = new QWidget(this);
    sidebar->setBackgroundRole(QPalette::AlternateBase);
    sidebar->setAutoFillBackground(true);
    sidebar->setFixedWidth(220);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    auto *brand = new QWidget(sidebar);
    auto *brandLayout = new QHBoxLayout(brand);
    brandLayout->setContentsMargins(14, 16, 14, 14);
    auto *brandIcon = new QLabel(brand);
    brandIcon->setPixmap(windowIcon().pixmap(QSize(28, 28), devicePixelRatio()));
    auto *brandName = new QLabel(tr("Insights Admin"), brand);
    QFont brandFont = brandName->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.2);
    brandFont.setWeight(QFont::DemiBold);
    brandName->setFont(brandFont);
    brandLayout->addWidget(brandIcon);
    brandLayout->addWidget(brandName, 1);
    sidebarLayout->addWidget(brand);
    sidebarLayout->addWidget(m_navigation, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    layout->addWidget(m_panes, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_panes, &QStackedWidget::setCurrentIndex);
    connect(m_exportDestinations, &ExportDestinationsPane::configureRequested, this,
            [this] { showPane(Pane::PowerAutomate); });

    m_connectionLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_connectionLabel->setText(tr("Not signed in"));
    m_workerLabel->setObjectName(QStringLiteral("workerStatusLabel"));
    m_workerLabel->setText(tr("Connector stopped"));
    m_budgetLabel->setObjectName(QStringLiteral("budgetStatusLabel"));
    setBudget(0, kApiCallLimit);
    statusBar()->addWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_workerLabel);
    statusBar()->addPermanentWidget(m_budgetLabel);

    showPane(Pane::ExportDestinations);
}

void MainWindow::addPane(Pane pane, const QString &iconPath, const QString &title, QWidget *widget)
{
    Q_ASSERT(m_panes->count() == int(pane));
    auto *item = new QListWidgetItem(QIcon(iconPath), title, m_navigation);
    item->setSizeHint(QSize(0, 40));
    m_panes->addWidget(widget);
}

MainWindow::Pane MainWindow::currentPane() const
{
    return Pane(m_panes->currentIndex());
}

void MainWindow::showPane(Pane pane)
{
    m_navigation->setCurrentRow(int(pane));
}

void MainWindow::setBudget(int used, int limit)
{
    m_budgetLabel->setText(tr("%1 / %2 calls in the last 60 s").arg(used).arg(limit));
}
