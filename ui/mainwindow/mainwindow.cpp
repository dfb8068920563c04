#include "mainwindow.h"

#include "account/accountpane.h"
#include "appsettings.h"
#include "authsession.h"
#include "common/fonts.h"
#include "connector.h"
#include "connectorstatus.h"
#include "database.h"
#include "destinations/mydestinationsmodel.h"
#include "exportdestinations/exportdestinationspane.h"
#include "flowsservice.h"
#include "powerautomate/powerautomatepane.h"
#include "signin/signindialog.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlog/triggerlogpane.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(AuthSession *session, QNetworkAccessManager *network, Database &database,
                       Connector *connector, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_network(network)
    , m_database(database)
    , m_flows(new FlowsService(
          database, [session] { return session->secretStore(); }, this))
    , m_navigation(new QListWidget(this))
    , m_panes(new QStackedWidget(this))
    , m_exportDestinations(new ExportDestinationsPane(m_panes))
    , m_powerAutomate(new PowerAutomatePane(*m_flows, session, connector, m_panes))
    , m_triggerLog(new TriggerLogPane(database, m_panes))
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
    m_powerAutomate->setObjectName(QStringLiteral("powerAutomatePane"));
    addPane(Pane::PowerAutomate, QStringLiteral(":/icons/ui/power-automate.svg"), tr("Power Automate"),
            m_powerAutomate);
    m_triggerLog->setObjectName(QStringLiteral("triggerLogPane"));
    addPane(Pane::TriggerLog, QStringLiteral(":/icons/ui/trigger-log.svg"), tr("Trigger log"), m_triggerLog);
    auto *account = new AccountPane(m_session, m_panes);
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
    Fonts::emphasize(brandName, Fonts::kBrand);
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

    // Leaving the flow editor with unsaved changes asks first; the navigation stays put until answered.
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const auto go = [this, row] {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(row);
            m_panes->setCurrentIndex(row);
        };
        if (m_panes->currentWidget() != m_powerAutomate || row == int(Pane::PowerAutomate))
            return go();
        {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(int(Pane::PowerAutomate));
        }
        m_powerAutomate->confirmLeave([go](bool leave) {
            if (leave)
                go();
        });
    });
    // Configure opens the Power Automate pane, signing in first unless a session exists.
    connect(m_exportDestinations, &ExportDestinationsPane::configureRequested, this, [this] {
        showPane(Pane::PowerAutomate);
        if (m_session->state() == AuthSession::State::SignedOut ||
            m_session->state() == AuthSession::State::Expired)
            signIn();
    });
    connect(m_powerAutomate, &PowerAutomatePane::signInRequested, this, &MainWindow::signIn);
    // Changed flows reach the worker and the trigger log's flow filter at once (the list follows itself).
    connect(m_flows, &FlowsService::flowsChanged, connector, &Connector::reloadFlows);
    connect(m_flows, &FlowsService::flowsChanged, m_triggerLog, &TriggerLogPane::reloadFlows);
    connect(connector, &Connector::statusChanged, this, &MainWindow::setConnectorStatus);
    connect(connector, &Connector::firingsRecorded, m_triggerLog->model(), &TriggerLogModel::insertFirings);
    connect(connector, &Connector::stepRunUpdated, m_triggerLog, &TriggerLogPane::updateStepRun);
    connect(m_triggerLog, &TriggerLogPane::resubmitRequested, this,
            [this, connector](const QString &firingId, bool failedOnly) {
                FiringJob *job = connector->resubmit(firingId, failedOnly, m_triggerLog);
                connect(job, &FiringJob::finished, m_triggerLog, [this] {
                    m_triggerLog->setMessage(
                        tr("Resubmitted: the steps run again; each attempt is listed in the details."));
                });
                connect(job, &ConnectorJob::failed, m_triggerLog, [this](const QString &message) {
                    m_triggerLog->setMessage(tr("The firing could not be resubmitted: %1").arg(message));
                });
            });
    connect(account, &AccountPane::signInRequested, this, &MainWindow::signIn);
    connect(account, &AccountPane::settingsSaved, this, &MainWindow::connectionSaved);
    connect(m_session, &AuthSession::stateChanged, this, &MainWindow::updateConnectionState);

    m_connectionLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    updateConnectionState();
    m_workerLabel->setObjectName(QStringLiteral("workerStatusLabel"));
    setConnectorStatus(ConnectorStatus());
    m_budgetLabel->setObjectName(QStringLiteral("budgetStatusLabel"));
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing || !m_powerAutomate->isEditing())
        return QMainWindow::closeEvent(event);
    event->ignore();
    showPane(Pane::PowerAutomate);
    m_powerAutomate->confirmLeave([this](bool leave) {
        if (!leave)
            return;
        m_closing = true;
        close();
    });
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

void MainWindow::setConnectorStatus(const ConnectorStatus &status)
{
    m_workerLabel->setText(status.stateText());
    QStringList details;
    if (!status.instanceName.isEmpty())
        details << tr("Instance: %1").arg(status.instanceName);
    if (status.lastPollAt.isValid())
        details << tr("Last poll: %1")
                       .arg(QLocale().toString(status.lastPollAt.toLocalTime(), QLocale::LongFormat));
    if (!status.message.isEmpty())
        details << status.message;
    m_workerLabel->setToolTip(details.join(u'\n'));
    setBudget(status.callsInWindow, status.limit);
    m_budgetLabel->setToolTip(
        status.windowResetsAt.isValid()
            ? tr("The oldest call leaves the window at %1.")
                  .arg(status.windowResetsAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
            : QString());
}

void MainWindow::signIn()
{
    if (m_signInDialog) {
        m_signInDialog->raise();
        m_signInDialog->activateWindow();
        return;
    }
    // Modal to this window only, and shown with open(): no nested event loop.
    auto *flow = new SignInFlow(m_network, m_session->settings());
    if (m_browser)
        flow->setBrowser(m_browser);
    m_signInDialog = new SignInDialog(flow, this);
    m_signInDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signInDialog->flow(), &SignInFlow::signedIn, m_session, &AuthSession::adopt);
    connect(m_signInDialog, &SignInDialog::retryRequested, this, [this] {
        m_signInDialog->close();
        signIn();
    });
    connect(m_signInDialog, &QDialog::finished, this, [this] { m_signInDialog = nullptr; });
    m_signInDialog->open();
}

void MainWindow::updateMyDestinations()
{
    // When the connection was first signed in, and as whom: settings beside the database (no secret).
    AppSettings settings(m_database.settingsPath());
    const AuthSession::State state = m_session->state();
    const bool signedIn = state == AuthSession::State::SignedIn || state == AuthSession::State::Refreshing;
    if (signedIn) {
        if (!settings.contains(AppSettings::Key::ConfiguredAt))
            settings.setValue(AppSettings::Key::ConfiguredAt,
                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        settings.setValue(AppSettings::Key::ConfiguredAccount, m_session->account());
    }
    const QDateTime configured =
        QDateTime::fromString(settings.value(AppSettings::Key::ConfiguredAt).toString(), Qt::ISODateWithMs);
    if (!configured.isValid())
        return m_exportDestinations->myDestinations()->setDestinations({});
    MyDestinationsModel::Destination destination;
    const QString account = settings.value(AppSettings::Key::ConfiguredAccount).toString();
    destination.name = account.isEmpty() ? tr("Power Automate") : tr("Power Automate (%1)").arg(account);
    destination.typeName = tr("Power Automate");
    destination.status = signedIn || state == AuthSession::State::Restoring
                             ? MyDestinationsModel::Status::Ready
                             : MyDestinationsModel::Status::NeedsSignIn;
    destination.created = configured;
    m_exportDestinations->myDestinations()->setDestinations({destination});
}

void MainWindow::updateConnectionState()
{
    updateMyDestinations();
    m_connectionLabel->setText(m_session->stateText());
}
