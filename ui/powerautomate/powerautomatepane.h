#pragma once

#include "flow.h"

#include <QWidget>

#include <functional>

class AuthSession;
class Connector;
class FlowEditor;
class FlowListModel;
class FlowsService;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

// Power Automate: the flows of this connection. A list (name, trigger, subject, enabled, last fired, firings
// in the last 24 h) with New (blank or from a template), Edit, Duplicate, Enable/Disable, Delete, Import and
// Export, and the flow editor in place of the list while a flow is edited. A banner above says when the
// connector cannot run the flows (not signed in) and offers the sign-in.
//
// Every change to the flows goes through the FlowsService, which writes it at once and announces it
// (FlowsService::flowsChanged: the list reads the flows again; the main window tells the connector worker
// and the trigger log).
class PowerAutomatePane : public QWidget
{
    Q_OBJECT

public:
    PowerAutomatePane(FlowsService &flows, AuthSession *session, Connector *connector,
                      QWidget *parent = nullptr);

    FlowListModel *model() const { return m_model; }
    FlowEditor *editor() const { return m_editor; }
    bool isEditing() const;

    // Whether the pane may be left: asks about unsaved changes in the editor (Save / Discard / Keep
    // editing) and calls `done` with the answer. Without unsaved changes `done(true)` runs at once.
    void confirmLeave(std::function<void(bool leave)> done);

public slots:
    void newFlow();
    void newFlowFromTemplate(int templateId); // FlowTemplates::Id
    void editFlow(qint64 flowId);
    void duplicateSelected();
    void toggleSelected();
    void deleteSelected(); // asks first
    // Reads a flows JSON file; secrets its steps name that the secret store lacks are asked for.
    void importFlows(const QString &path);
    void exportFlows(const QString &path);
    void closeEditor();

signals:
    void signInRequested();

protected:
    // The list is read again each time the pane is shown (other processes import) and each minute while
    // it is (the last 24 hours move on).
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateSession();
    void updateActions();
    void reload();
    qint64 selectedFlowId() const;
    void selectFlow(qint64 flowId);
    void showMessage(const QString &message, bool error = false);
    void askForMissingSecrets(const QStringList &missing);

    FlowsService &m_flows;
    AuthSession *m_session;
    Connector *m_connector;
    FlowListModel *m_model;
    QLabel *m_headingLabel;
    QLabel *m_explanationLabel;
    QPushButton *m_signInButton;
    QLabel *m_messageLabel;
    QStackedWidget *m_pages;
    QStackedWidget *m_listStack; // the table, or the empty state
    QTableView *m_table;
    FlowEditor *m_editor;
    QToolButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_duplicateButton;
    QPushButton *m_toggleButton;
    QPushButton *m_deleteButton;
    QPushButton *m_importButton;
    QPushButton *m_exportButton;
    QTimer *m_refreshTimer;
};
