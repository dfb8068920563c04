#include "powerautomatepane.h"

#include "authsession.h"
#include "clock.h"
#include "common/fielderror.h"
#include "common/fonts.h"
#include "common/messageprompt.h"
#include "connector.h"
#include "floweditor.h"
#include "flows/flowlistmodel.h"
#include "flows/flowtemplates.h"
#include "flowsservice.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace {

enum Answer
{
    SaveAnswer,
    DiscardAnswer,
    KeepEditingAnswer,
    DeleteAnswer,
    CancelAnswer,
};

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

PowerAutomatePane::PowerAutomatePane(FlowsService &flows, AuthSession *session, Connector *connector,
                                     QWidget *parent)
    : QWidget(parent)
    , m_flows(flows)
    , m_session(session)
    , m_connector(connector)
    , m_model(new FlowListModel(flows, Clock::system(), this))
    , m_headingLabel(new QLabel(this))
    , m_explanationLabel(new QLabel(this))
    , m_signInButton(new QPushButton(this))
    , m_messageLabel(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_listStack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_editor(new FlowEditor(flows, connector, this))
    , m_newButton(new QToolButton(this))
    , m_editButton(button(tr("Edit"), QStringLiteral("editButton"), this))
    , m_duplicateButton(button(tr("Duplicate"), QStringLiteral("duplicateButton"), this))
    , m_toggleButton(button(tr("Disable"), QStringLiteral("toggleButton"), this))
    , m_deleteButton(button(tr("Delete"), QStringLiteral("deleteButton"), this))
    , m_importButton(button(tr("Import…"), QStringLiteral("importButton"), this))
    , m_exportButton(button(tr("Export…"), QStringLiteral("exportButton"), this))
    , m_refreshTimer(new QTimer(this))
{
    setAccessibleName(tr("Power Automate"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    auto *title = new QLabel(tr("Power Automate"), this);
    Fonts::emphasize(title, Fonts::kPaneTitle);
    layout->addWidget(title);
    auto *subtitle = new QLabel(
        tr("Flows react to events in your Customer Insights instance and run the steps you choose."), this);
    subtitle->setWordWrap(true);
    layout->addWidget(subtitle);

    // The connection banner: why flows do not run yet, and the way out.
    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("sessionBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setBackgroundRole(QPalette::AlternateBase);
    banner->setAutoFillBackground(true);
    auto *bannerLayout = new QHBoxLayout(banner);
    auto *bannerText = new QVBoxLayout;
    m_headingLabel->setObjectName(QStringLiteral("headingLabel"));
    m_headingLabel->setTextFormat(Qt::PlainText);
    Fonts::emphasize(m_headingLabel);
    m_explanationLabel->setObjectName(QStringLiteral("explanationLabel"));
    m_explanationLabel->setWordWrap(true);
    bannerText->addWidget(m_headingLabel);
    bannerText->addWidget(m_explanationLabel);
    bannerLayout->addLayout(bannerText, 1);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    bannerLayout->addWidget(m_signInButton, 0, Qt::AlignVCenter);
    layout->addWidget(banner);

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);

    // The list page.
    auto *listPage = new QWidget(m_pages);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *toolbar = new QHBoxLayout;
    m_newButton->setObjectName(QStringLiteral("newButton"));
    m_newButton->setText(tr("New flow"));
    m_newButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_newButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *newMenu = new QMenu(m_newButton);
    newMenu->addAction(tr("Blank flow"), this, &PowerAutomatePane::newFlow);
    newMenu->addSeparator();
    for (const FlowTemplates::Id id : FlowTemplates::all()) {
        QAction *action =
            newMenu->addAction(FlowTemplates::title(id), this, [this, id] { newFlowFromTemplate(int(id)); });
        action->setToolTip(FlowTemplates::description(id));
    }
    newMenu->setToolTipsVisible(true);
    m_newButton->setMenu(newMenu);
    connect(m_newButton, &QToolButton::clicked, this, &PowerAutomatePane::newFlow);
    toolbar->addWidget(m_newButton);
    for (QPushButton *action : {m_editButton, m_duplicateButton, m_toggleButton, m_deleteButton})
        toolbar->addWidget(action);
    toolbar->addStretch(1);
    toolbar->addWidget(m_importButton);
    toolbar->addWidget(m_exportButton);
    listLayout->addLayout(toolbar);

    m_table->setObjectName(QStringLiteral("flowTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(FlowListModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FlowListModel::SubjectColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(FlowListModel::SubjectColumn, 220);
    for (const int column : {int(FlowListModel::TriggerColumn), int(FlowListModel::EnabledColumn),
                             int(FlowListModel::LastFiredColumn), int(FlowListModel::FiringsColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Flows"));
    m_listStack->addWidget(m_table);

    auto *empty = new QWidget(m_listStack);
    empty->setObjectName(QStringLiteral("emptyState"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    auto *emptyHeading = new QLabel(tr("No flows yet"), empty);
    Fonts::emphasize(emptyHeading, Fonts::kHeading);
    emptyLayout->addWidget(emptyHeading, 0, Qt::AlignHCenter);
    auto *emptyText = new QLabel(tr("Start from one of the documented uses, or from a blank flow."), empty);
    emptyLayout->addWidget(emptyText, 0, Qt::AlignHCenter);
    for (const FlowTemplates::Id id : FlowTemplates::all()) {
        auto *start = new QPushButton(FlowTemplates::title(id), empty);
        start->setObjectName(QStringLiteral("template%1Button").arg(int(id)));
        start->setToolTip(FlowTemplates::description(id));
        connect(start, &QPushButton::clicked, this, [this, id] { newFlowFromTemplate(int(id)); });
        emptyLayout->addWidget(start, 0, Qt::AlignHCenter);
    }
    emptyLayout->addStretch(2);
    m_listStack->addWidget(empty);
    listLayout->addWidget(m_listStack, 1);
    m_pages->addWidget(listPage);
    m_editor->setObjectName(QStringLiteral("flowEditor"));
    m_pages->addWidget(m_editor);
    layout->addWidget(m_pages, 1);

    connect(m_signInButton, &QPushButton::clicked, this, &PowerAutomatePane::signInRequested);
    connect(m_session, &AuthSession::stateChanged, this, &PowerAutomatePane::updateSession);
    connect(m_editButton, &QPushButton::clicked, this, [this] { editFlow(selectedFlowId()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        editFlow(index.data(FlowListModel::FlowIdRole).toLongLong());
    });
    connect(m_duplicateButton, &QPushButton::clicked, this, &PowerAutomatePane::duplicateSelected);
    connect(m_toggleButton, &QPushButton::clicked, this, &PowerAutomatePane::toggleSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &PowerAutomatePane::deleteSelected);
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Import flows"), QDir::homePath(), tr("Flows (*.json)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, &PowerAutomatePane::importFlows);
        dialog->open();
    });
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Export flows"), QDir::home().filePath(QStringLiteral("flows.json")),
                            tr("Flows (*.json)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("json"));
        connect(dialog, &QFileDialog::fileSelected, this, &PowerAutomatePane::exportFlows);
        dialog->open();
    });
    // Whoever changed the flows (this pane, the editor, the Enabled column), the list follows.
    connect(&m_flows, &FlowsService::flowsChanged, this, &PowerAutomatePane::reload);
    connect(
        &m_flows, &FlowsService::secretRemovalFailed, this, [this](const QString &ref, const QString &error) {
            showMessage(
                tr("The secret \"%1\" could not be removed from the secret store: %2").arg(ref, error), true);
        });
    connect(&m_flows, &FlowsService::secretWriteFailed, this,
            [this](const QString &name, const QString &error) {
                showMessage(tr("The secret \"%1\" could not be stored: %2").arg(name, error), true);
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PowerAutomatePane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PowerAutomatePane::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PowerAutomatePane::updateActions);
    connect(m_connector, &Connector::firingsRecorded, m_model, &FlowListModel::noteFirings);
    connect(m_editor, &FlowEditor::saved, this, &PowerAutomatePane::selectFlow);
    connect(m_editor, &FlowEditor::closeRequested, this, [this] {
        confirmLeave([this](bool leave) {
            if (leave)
                closeEditor();
        });
    });
    connect(m_editor, &FlowEditor::statusMessage, this,
            [this](const QString &message) { showMessage(message); });

    m_refreshTimer->setInterval(std::chrono::minutes(1));
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!isEditing())
            reload();
    });

    reload();
    updateSession();
}

void PowerAutomatePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!isEditing())
        reload();
    m_refreshTimer->start();
}

void PowerAutomatePane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refreshTimer->stop(); // nothing runs for a pane nobody sees
}

bool PowerAutomatePane::isEditing() const
{
    return m_pages->currentWidget() == m_editor;
}

void PowerAutomatePane::updateSession()
{
    switch (m_session->state()) {
    case AuthSession::State::SignedOut:
        m_headingLabel->setText(tr("Sign in to continue"));
        m_explanationLabel->setText(tr("Flows run against a Customer Insights instance. Sign in with your "
                                       "browser to connect this app to your instance."));
        m_signInButton->setText(tr("Sign in"));
        m_signInButton->show();
        break;
    case AuthSession::State::Restoring:
        m_headingLabel->setText(tr("Signing in…"));
        m_explanationLabel->setText(tr("Signing in with the account you used last time."));
        m_signInButton->hide();
        break;
    case AuthSession::State::Expired:
        m_headingLabel->setText(tr("Your sign-in has expired"));
        m_explanationLabel->setText(tr("The service no longer accepts the saved sign-in. Sign in again to "
                                       "continue; your flows are kept."));
        m_signInButton->setText(tr("Sign in again"));
        m_signInButton->show();
        break;
    case AuthSession::State::SignedIn:
    case AuthSession::State::Refreshing:
        m_headingLabel->setText(tr("Connected as %1").arg(m_session->account()));
        m_explanationLabel->setText(tr("The enabled flows run in the background while the app is open."));
        m_signInButton->hide();
        break;
    }
}

void PowerAutomatePane::reload()
{
    if (!m_model->reload())
        showMessage(tr("The flows could not be read: %1").arg(m_model->errorString()), true);
    updateActions();
}

void PowerAutomatePane::updateActions()
{
    m_listStack->setCurrentIndex(m_model->rowCount() == 0 ? 1 : 0);
    const qint64 id = selectedFlowId();
    const int row = m_model->rowOf(id);
    for (QPushButton *action : {m_editButton, m_duplicateButton, m_toggleButton, m_deleteButton})
        action->setEnabled(row >= 0);
    m_toggleButton->setText(row >= 0 && !m_model->flowAt(row).enabled ? tr("Enable") : tr("Disable"));
    m_exportButton->setEnabled(m_model->rowCount() > 0);
}

qint64 PowerAutomatePane::selectedFlowId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(FlowListModel::FlowIdRole).toLongLong();
}

void PowerAutomatePane::selectFlow(qint64 flowId)
{
    const int row = m_model->rowOf(flowId);
    if (row >= 0)
        m_table->selectRow(row);
    updateActions();
}

void PowerAutomatePane::showMessage(const QString &message, bool error)
{
    m_messageLabel->setText(error ? QStringLiteral("⚠ ") + message : message);
    m_messageLabel->setStyleSheet(error ? FieldError::styleSheet() : QString());
    m_messageLabel->setVisible(!message.isEmpty());
}

void PowerAutomatePane::newFlow()
{
    showMessage(QString());
    Flow flow;
    flow.name = tr("New flow");
    m_editor->edit(flow);
    m_pages->setCurrentWidget(m_editor);
}

void PowerAutomatePane::newFlowFromTemplate(int templateId)
{
    showMessage(QString());
    m_editor->edit(FlowTemplates::flow(FlowTemplates::Id(templateId)));
    m_pages->setCurrentWidget(m_editor);
}

void PowerAutomatePane::editFlow(qint64 flowId)
{
    const std::optional<Flow> flow = m_flows.get(flowId);
    if (!flow)
        return showMessage(tr("The flow could not be read: %1").arg(m_flows.errorString()), true);
    showMessage(QString());
    m_editor->edit(*flow);
    m_pages->setCurrentWidget(m_editor);
}

void PowerAutomatePane::closeEditor()
{
    m_flows.discardUnsavedSecrets();
    m_pages->setCurrentIndex(0);
    reload();
    selectFlow(m_editor->flowId());
}

void PowerAutomatePane::confirmLeave(std::function<void(bool leave)> done)
{
    if (!isEditing() || !m_editor->isModified())
        return done(true);
    MessagePrompt::Question question;
    question.icon = QMessageBox::Warning;
    question.title = tr("Unsaved changes");
    const QString name = m_editor->flow().name;
    question.text = tr("Save the changes to \"%1\"?").arg(name);
    const bool valid = m_editor->problems().isEmpty();
    question.informativeText = valid ? tr("If you don't, they are lost.")
                                     : tr("The flow cannot be saved as it is: fix the problems marked in the "
                                          "form, or discard the changes.");
    question.choices = {{SaveAnswer, tr("Save"), QMessageBox::AcceptRole, valid},
                        {DiscardAnswer, tr("Discard changes"), QMessageBox::DestructiveRole},
                        {KeepEditingAnswer, tr("Keep editing"), QMessageBox::RejectRole}};
    question.defaultId = valid ? SaveAnswer : KeepEditingAnswer;
    MessagePrompt::ask(this, question, [this, done](int answer) {
        switch (answer) {
        case SaveAnswer: {
            // Leave once it is saved; a failed save stays in the editor with its error shown.
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(m_editor, &FlowEditor::saved, this, [this, done, connection] {
                disconnect(*connection);
                closeEditor();
                done(true);
            });
            m_editor->save();
            break;
        }
        case DiscardAnswer:
            closeEditor();
            done(true);
            break;
        default:
            done(false);
        }
    });
}

void PowerAutomatePane::duplicateSelected()
{
    const qint64 id = selectedFlowId();
    if (id == 0)
        return;
    const qint64 copy = m_flows.duplicate(id);
    if (copy == 0)
        return showMessage(tr("The flow could not be duplicated: %1").arg(m_flows.errorString()), true);
    selectFlow(copy);
    showMessage(
        tr("Duplicated. The copy is disabled until you enable it, so the trigger does not fire twice."));
}

void PowerAutomatePane::toggleSelected()
{
    const int row = m_model->rowOf(selectedFlowId());
    if (row >= 0)
        m_model->setData(m_model->index(row, FlowListModel::EnabledColumn),
                         m_model->flowAt(row).enabled ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

void PowerAutomatePane::deleteSelected()
{
    const qint64 id = selectedFlowId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    MessagePrompt::Question question;
    question.icon = QMessageBox::Warning;
    question.title = tr("Delete flow");
    question.text = tr("Delete \"%1\"?").arg(m_model->flowAt(row).name);
    question.informativeText = tr("It stops firing at once. Its firings stay in the trigger log.");
    question.choices = {{DeleteAnswer, tr("Delete"), QMessageBox::DestructiveRole},
                        {CancelAnswer, tr("Cancel"), QMessageBox::RejectRole}};
    question.defaultId = CancelAnswer;
    MessagePrompt::ask(this, question, [this, id](int answer) {
        if (answer != DeleteAnswer)
            return;
        if (!m_flows.remove(id))
            return showMessage(tr("The flow could not be deleted: %1").arg(m_flows.errorString()), true);
        showMessage(QString());
    });
}

void PowerAutomatePane::importFlows(const QString &path)
{
    const FlowsService::ImportResult result = m_flows.importFile(path);
    if (result.storeError)
        return showMessage(tr("The flows could not be stored: %1").arg(result.errors.join(u'\n')), true);
    if (!result.ok()) {
        return showMessage(tr("%1 cannot be imported; nothing was changed:\n%2")
                               .arg(QDir::toNativeSeparators(path), result.errors.join(u'\n')),
                           true);
    }
    if (!result.ids.isEmpty())
        selectFlow(result.ids.constLast());
    showMessage(tr("Imported %n flow(s) from %1.", nullptr, int(result.ids.size()))
                    .arg(QDir::toNativeSeparators(path)));
    // Exports carry only the names of the secrets: ask for those this computer does not have.
    m_flows.missingSecrets(result.flows, this, [this](const QStringList &missing) {
        if (!missing.isEmpty())
            askForMissingSecrets(missing);
    });
}

void PowerAutomatePane::askForMissingSecrets(const QStringList &missing)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("importSecretsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Secrets of the imported flows"));
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QLabel(tr("The imported flows use secrets that this computer's secret store does not "
                               "have. Enter them now, or later in the flow editor: until then the steps "
                               "that need them fail."),
                            dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *form = new QFormLayout;
    QHash<QString, QLineEdit *> fields;
    for (const QString &name : missing) {
        auto *field = new QLineEdit(dialog);
        field->setObjectName(name);
        field->setEchoMode(QLineEdit::Password);
        form->addRow(name, field);
        fields.insert(name, field);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, fields] {
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (!it.value()->text().isEmpty())
                m_flows.storeSecret(it.key(), it.value()->text());
        }
        dialog->accept();
    });
    dialog->open();
}

void PowerAutomatePane::exportFlows(const QString &path)
{
    QString error;
    const int count = m_flows.exportFile(path, &error);
    if (count < 0)
        return showMessage(tr("The flows could not be exported: %1").arg(error), true);
    showMessage(tr("Exported %n flow(s) to %1. Secrets are not part of the file: the steps name their secret "
                   "store entries, and an import asks for them.",
                   nullptr, count)
                    .arg(QDir::toNativeSeparators(path)));
}
