#pragma once

#include "signinflow.h"

#include <QMainWindow>

class AuthSession;
class Connector;
class PowerAutomatePane;
class Database;
class FlowsService;
class TriggerLogPane;
struct ConnectorStatus;
struct ConnectionSettings;
class ExportDestinationsPane;
class QLabel;
class QNetworkAccessManager;
class SignInDialog;
class QListWidget;
class QStackedWidget;

// The application window: a navigation list on the left, the current pane on the right and a status bar
// with the connection state, the connector worker's state and the API budget.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Pane
    {
        ExportDestinations,
        PowerAutomate,
        TriggerLog,
        Account
    };
    Q_ENUM(Pane)

    // The window shows `session`, signs in through `network`, reads flows and the trigger log from
    // `database` (the GUI thread's connection) and follows the connector worker through `connector`; it
    // owns none of them.
    MainWindow(AuthSession *session, QNetworkAccessManager *network, Database &database, Connector *connector,
               QWidget *parent = nullptr);

    Pane currentPane() const;
    ExportDestinationsPane *exportDestinationsPane() const { return m_exportDestinations; }
    TriggerLogPane *triggerLogPane() const { return m_triggerLog; }
    PowerAutomatePane *powerAutomatePane() const { return m_powerAutomate; }
    // How the sign-in dialog opens the browser (tests); default: the sign-in flow's (SystemBrowser).
    void setBrowser(SignInFlow::Browser browser) { m_browser = std::move(browser); }

public slots:
    void showPane(MainWindow::Pane pane);
    // Opens the sign-in dialog for a new attempt, unless one is already open.
    void signIn();
    // The connector worker's state and the API budget, in the status bar (Connector::statusChanged).
    void setConnectorStatus(const ConnectorStatus &status);

protected:
    // Asks about unsaved changes in the flow editor first.
    void closeEvent(QCloseEvent *event) override;

signals:
    // The user saved connection settings in the Account pane.
    void connectionSaved(const ConnectionSettings &settings);

private:
    void addPane(Pane pane, const QString &iconPath, const QString &title, QWidget *widget);
    void setBudget(int used, int limit);
    void updateConnectionState();
    // "My export destinations": the Power Automate connection, once it was first signed in.
    void updateMyDestinations();

    AuthSession *m_session;
    QNetworkAccessManager *m_network;
    Database &m_database;
    SignInFlow::Browser m_browser;
    FlowsService *m_flows;
    SignInDialog *m_signInDialog = nullptr;
    QListWidget *m_navigation;
    QStackedWidget *m_panes;
    ExportDestinationsPane *m_exportDestinations;
    PowerAutomatePane *m_powerAutomate;
    TriggerLogPane *m_triggerLog;
    bool m_closing = false;
    QLabel *m_connectionLabel;
    QLabel *m_workerLabel;
    QLabel *m_budgetLabel;
};
