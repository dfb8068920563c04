#include "floweditor.h"

#include "common/fielderror.h"
#include "common/fonts.h"
#include "flowjson.h"
#include "getitemsstepeditor.h"
#include "stepkinddescriptor.h"
#include "triggereditor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr qint64 kCatalogueMaxAgeSeconds = 60; // an editor opened later reads the instance again

// "steps[2].to[0]: ..." -> step 2, key "to"; "trigger.subject: ..." -> key "trigger.subject".
struct ErrorPlace
{
    int step = -1;
    QString key;
    QString message;
};

ErrorPlace placeOf(const QString &error)
{
    ErrorPlace place;
    const qsizetype colon = error.indexOf(QLatin1String(": "));
    const QString path = colon < 0 ? QString() : error.left(colon);
    place.message = colon < 0 ? error : error.mid(colon + 2);
    if (path.startsWith(QLatin1String("steps["))) {
        const qsizetype close = path.indexOf(u']');
        place.step = path.mid(6, close - 6).toInt();
        QString key = path.mid(close + 2);
        if (const qsizetype bracket = key.indexOf(u'['); bracket >= 0)
            key.truncate(bracket);
        if (const qsizetype dot = key.indexOf(u'.'); dot >= 0)
            key.truncate(dot);
        place.key = key;
    } else {
        place.key = path;
    }
    return place;
}

} // namespace

FlowEditor::FlowEditor(FlowsService &flows, InstanceRequests *requests, QWidget *parent)
    : QWidget(parent)
    , m_flows(flows)
    , m_requests(requests)
    , m_title(new QLabel(this))
    , m_saveError(FieldError::create(QStringLiteral("saveError"), this))
    , m_testButton(new QPushButton(tr("Test fire"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_saveButton(new QPushButton(tr("Save"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The header: what is edited, and the actions.
    auto *header = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("titleLabel"));
    Fonts::emphasize(m_title, Fonts::kHeading);
    header->addWidget(m_title, 1);
    m_testButton->setObjectName(QStringLiteral("testFireButton"));
    m_testButton->setToolTip(tr("Runs the steps now with a sample firing built from the instance's current "
                                "data. The firing is marked as a test in the trigger log."));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    header->addWidget(m_testButton);
    header->addWidget(m_cancelButton);
    header->addWidget(m_saveButton);
    layout->addLayout(header);
    layout->addWidget(m_saveError);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("editorScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *columns = new QHBoxLayout(content);
    columns->setContentsMargins(0, 8, 8, 8);
    columns->setSpacing(24);
    auto *left = new QWidget(content);
    auto *right = new QWidget(content);
    buildTriggerSection(left);
    buildStepsSection(right);
    columns->addWidget(left, 5);
    columns->addWidget(right, 6);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    connect(m_saveButton, &QPushButton::clicked, this, &FlowEditor::save);
    connect(m_testButton, &QPushButton::clicked, this, &FlowEditor::testFire);
    connect(m_cancelButton, &QPushButton::clicked, this, &FlowEditor::closeRequested);

    connect(m_requests, &InstanceRequests::stepRunUpdated, this, &FlowEditor::showStepRun);
    connect(m_requests, &InstanceRequests::firingCompleted, this,
            [this](const QString &firingId, bool allSucceeded) {
                if (firingId != m_testFiringId)
                    return;
                m_testLines.append(allSucceeded
                                       ? tr("✓ Every step succeeded.")
                                       : tr("✗ A step failed: see its error above and in the trigger log."));
                m_testResults->setText(m_testLines.join(u'\n'));
                m_testFiringId.clear();
                validate();
            });
}

void FlowEditor::buildTriggerSection(QWidget *parent)
{
    auto *layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *general = new QGroupBox(tr("Flow"), parent);
    auto *generalForm = new QFormLayout(general);
    generalForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(general);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setMaxLength(FlowJson::kMaxNameLength);
    m_nameError = FieldError::create(QStringLiteral("nameError"), general);
    auto *nameCell = new QWidget(general);
    auto *nameLayout = new QVBoxLayout(nameCell);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->addWidget(m_name);
    nameLayout->addWidget(m_nameError);
    generalForm->addRow(tr("Name"), nameCell);
    m_enabled = new QCheckBox(tr("Enabled: the connector watches for this trigger"), general);
    m_enabled->setObjectName(QStringLiteral("enabledCheckBox"));
    generalForm->addRow(QString(), m_enabled);
    layout->addWidget(general);

    m_triggerEditor = new TriggerEditor(m_flows, parent);
    m_triggerEditor->setObjectName(QStringLiteral("triggerEditor"));
    layout->addWidget(m_triggerEditor);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textChanged, this, &FlowEditor::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &FlowEditor::validate);
    connect(m_triggerEditor, &TriggerEditor::changed, this, &FlowEditor::validate);
    connect(m_triggerEditor, &TriggerEditor::catalogueRefreshRequested, this, &FlowEditor::reloadCatalogue);
}

void FlowEditor::buildStepsSection(QWidget *parent)
{
    auto *layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Steps"), parent);
    auto *boxLayout = new QVBoxLayout(box);
    auto *hint = new QLabel(tr("Run in order each time the trigger fires. A Get items step's rows are "
                               "available to the steps after it as {{items}}."),
                            box);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    hint->setForegroundRole(QPalette::PlaceholderText);
    boxLayout->addWidget(hint);

    auto *listRow = new QHBoxLayout;
    m_steps = new QListWidget(box);
    m_steps->setObjectName(QStringLiteral("stepListWidget"));
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setMaximumHeight(m_steps->fontMetrics().height() * 5);
    listRow->addWidget(m_steps, 1);
    auto *buttons = new QVBoxLayout;
    m_addStep = new QToolButton(box);
    m_addStep->setObjectName(QStringLiteral("addStepButton"));
    m_addStep->setText(tr("Add step"));
    m_addStep->setPopupMode(QToolButton::InstantPopup);
    m_addStep->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addStep->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *menu = new QMenu(m_addStep);
    for (const StepKind kind : Step::allKinds()) {
        QAction *action = menu->addAction(Step::displayName(kind), this, [this, kind] { addStep(kind); });
        action->setToolTip(Step::description(kind));
        action->setObjectName(Step::id(kind));
    }
    m_addStep->setMenu(menu);
    m_removeStep = new QPushButton(tr("Remove"), box);
    m_removeStep->setObjectName(QStringLiteral("removeStepButton"));
    m_stepUp = new QPushButton(tr("Move up"), box);
    m_stepUp->setObjectName(QStringLiteral("moveStepUpButton"));
    m_stepDown = new QPushButton(tr("Move down"), box);
    m_stepDown->setObjectName(QStringLiteral("moveStepDownButton"));
    for (QWidget *button : {static_cast<QWidget *>(m_addStep), static_cast<QWidget *>(m_removeStep),
                            static_cast<QWidget *>(m_stepUp), static_cast<QWidget *>(m_stepDown)})
        buttons->addWidget(button);
    buttons->addStretch(1);
    listRow->addLayout(buttons);
    boxLayout->addLayout(listRow);
    m_stepsError = FieldError::create(QStringLiteral("stepsError"), box);
    boxLayout->addWidget(m_stepsError);

    m_stepStack = new QStackedWidget(box);
    m_stepStack->setObjectName(QStringLiteral("stepStackedWidget"));
    boxLayout->addWidget(m_stepStack, 1);
    layout->addWidget(box, 1);

    auto *test = new QGroupBox(tr("Test fire"), parent);
    auto *testLayout = new QVBoxLayout(test);
    m_testResults = new QLabel(tr("Test fire runs the steps once with a sample firing, so you can see "
                                  "that messages arrive. Side effects are real."),
                               test);
    m_testResults->setObjectName(QStringLiteral("testResultsLabel"));
    m_testResults->setWordWrap(true);
    m_testResults->setTextFormat(Qt::PlainText);
    m_testResults->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testLayout->addWidget(m_testResults);
    layout->addWidget(test);

    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stepStack->setCurrentIndex(row);
        m_removeStep->setEnabled(row >= 0);
        m_stepUp->setEnabled(row > 0);
        m_stepDown->setEnabled(row >= 0 && row < m_steps->count() - 1);
    });
    connect(m_removeStep, &QPushButton::clicked, this, [this] { removeStep(m_steps->currentRow()); });
    connect(m_stepUp, &QPushButton::clicked, this, [this] {
        const int row = m_steps->currentRow();
        moveStep(row, row - 1);
    });
    connect(m_stepDown, &QPushButton::clicked, this, [this] {
        const int row = m_steps->currentRow();
        moveStep(row, row + 1);
    });
}

void FlowEditor::edit(const Flow &flow)
{
    m_loaded = flow;
    m_knownSecretRefs = m_flows.secretRefsByKey();
    m_testFiringId.clear();
    m_saveError->hide();
    m_title->setText(flow.id == 0 ? tr("New flow") : tr("Edit flow"));
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_name), QSignalBlocker(m_enabled)};
        m_name->setText(flow.name);
        m_enabled->setChecked(flow.enabled);
    }
    m_triggerEditor->setTrigger(flow.trigger);
    while (m_stepStack->count() > 0) {
        QWidget *editor = m_stepStack->widget(0);
        m_stepStack->removeWidget(editor);
        delete editor;
    }
    m_steps->clear();
    for (const Step &step : flow.steps)
        insertStepEditor(stepCount(), step);
    m_steps->setCurrentRow(flow.steps.isEmpty() ? -1 : 0);
    updateStepTitles();
    m_testResults->setText(tr("Test fire runs the steps once with a sample firing, so you can see that "
                              "messages arrive. Side effects are real."));
    // What the pickers show should be current: read the instance again when what is known is old.
    if (!m_catalogueJob && (!m_catalogue || m_catalogue->fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) >
                                                kCatalogueMaxAgeSeconds))
        reloadCatalogue();
    validate();
    m_name->setFocus();
}

Flow FlowEditor::flow() const
{
    Flow flow = m_loaded;
    flow.name = m_name->text().trimmed();
    flow.enabled = m_enabled->isChecked();
    flow.trigger = m_triggerEditor->trigger();
    flow.steps.clear();
    for (int i = 0; i < stepCount(); ++i)
        flow.steps.append(stepEditor(i)->step());
    return flow;
}

bool FlowEditor::isModified() const
{
    if (flow() != m_loaded)
        return true;
    for (int i = 0; i < stepCount(); ++i) {
        if (!stepEditor(i)->enteredSecrets().isEmpty())
            return true;
    }
    return false;
}

QStringList FlowEditor::problems() const
{
    return m_problems;
}

StepEditor *FlowEditor::stepEditor(int index) const
{
    return qobject_cast<StepEditor *>(m_stepStack->widget(index));
}

int FlowEditor::stepCount() const
{
    return m_stepStack->count();
}

StepEditor *FlowEditor::insertStepEditor(int index, const Step &step)
{
    StepEditor *editor = StepEditor::create(step.kind, m_stepStack);
    editor->setObjectName(QStringLiteral("stepEditor"));
    for (const QString &key : Step::secretRefKeys(step.kind))
        editor->setKnownSecretRefs(m_knownSecretRefs.value(key));
    if (m_catalogue)
        editor->setEntities(m_catalogue->entities);
    editor->setStep(step);
    m_stepStack->insertWidget(index, editor);
    m_steps->insertItem(index, QString());
    connect(editor, &StepEditor::changed, this, &FlowEditor::validate);
    connect(editor, &StepEditor::previewRequested, this, [this, editor](const Step &query) {
        auto *getItems = qobject_cast<GetItemsStepEditor *>(editor);
        if (!getItems)
            return;
        // The step editor owns its preview: removing the step drops the answer.
        ItemsPreviewJob *job = m_requests->previewItems(query, 5, getItems);
        connect(job, &ItemsPreviewJob::finished, getItems, &GetItemsStepEditor::showPreview);
        connect(job, &ConnectorJob::failed, getItems, &GetItemsStepEditor::showPreviewError);
    });
    return editor;
}

void FlowEditor::addStep(StepKind kind)
{
    const Step step{kind, StepKindDescriptor::of(kind).defaults};
    insertStepEditor(stepCount(), step);
    updateStepTitles();
    m_steps->setCurrentRow(stepCount() - 1);
    validate();
}

void FlowEditor::removeStep(int index)
{
    if (index < 0 || index >= stepCount())
        return;
    QWidget *editor = m_stepStack->widget(index);
    m_stepStack->removeWidget(editor);
    editor->deleteLater();
    delete m_steps->takeItem(index);
    updateStepTitles();
    m_steps->setCurrentRow(std::min(index, stepCount() - 1));
    validate();
}

void FlowEditor::moveStep(int from, int to)
{
    if (from < 0 || to < 0 || from >= stepCount() || to >= stepCount())
        return;
    QWidget *editor = m_stepStack->widget(from);
    m_stepStack->removeWidget(editor);
    m_stepStack->insertWidget(to, editor);
    m_steps->insertItem(to, m_steps->takeItem(from));
    updateStepTitles();
    m_steps->setCurrentRow(to);
    validate();
}

void FlowEditor::updateStepTitles()
{
    for (int i = 0; i < m_steps->count(); ++i)
        m_steps->item(i)->setText(tr("%1. %2").arg(i + 1).arg(Step::displayName(stepEditor(i)->kind())));
}

void FlowEditor::validate()
{
    // Secrets typed but not stored yet will be named at save: validate as if they were.
    Flow candidate = flow();
    QList<QHash<QString, QString>> stepErrors(stepCount());
    for (int i = 0; i < stepCount(); ++i) {
        const QHash<QString, QString> entered = stepEditor(i)->enteredSecrets();
        for (auto it = entered.cbegin(); it != entered.cend(); ++it)
            candidate.steps[i].parameters.insert(it.key(), QStringLiteral("pending"));
    }
    QHash<QString, QString> errors;
    QString stepsError;
    for (const QString &error : FlowJson::validate(candidate)) {
        const ErrorPlace place = placeOf(error);
        if (place.step >= 0 && place.step < stepErrors.size())
            stepErrors[place.step].insert(place.key, place.message);
        else if (place.key == QLatin1String("steps"))
            stepsError = place.message;
        else
            errors.insert(place.key, place.message);
    }
    // The editor's own words where it knows better than the import's.
    if (candidate.name.isEmpty())
        errors.insert(QStringLiteral("name"), tr("Enter a name for the flow."));
    errors.insert(m_triggerEditor->problems());
    if (stepCount() == 0)
        stepsError = tr("Add at least one step: a flow without steps only writes to the trigger log.");
    for (int i = 0; i < stepCount(); ++i) {
        const QHash<QString, QString> own = stepEditor(i)->problems();
        for (auto it = own.cbegin(); it != own.cend(); ++it)
            stepErrors[i].insert(it.key(), it.value());
    }

    FieldError::show(m_nameError, errors.value(QStringLiteral("name")));
    m_triggerEditor->showErrors(errors);
    FieldError::show(m_stepsError, stepsError);
    m_problems.clear();
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        m_problems.append(it.key() + QStringLiteral(": ") + it.value());
    const QIcon errorIcon(QStringLiteral(":/icons/ui/status-error.svg"));
    for (int i = 0; i < stepCount(); ++i) {
        stepEditor(i)->showErrors(stepErrors.at(i));
        m_steps->item(i)->setIcon(stepErrors.at(i).isEmpty() ? QIcon() : errorIcon);
        m_steps->item(i)->setToolTip(stepErrors.at(i).isEmpty() ? QString() : tr("This step has problems."));
        for (auto it = stepErrors.at(i).cbegin(); it != stepErrors.at(i).cend(); ++it)
            m_problems.append(QStringLiteral("steps[%1].%2: %3").arg(i).arg(it.key(), it.value()));
    }
    if (!stepsError.isEmpty())
        m_problems.append(QStringLiteral("steps: ") + stepsError);
    m_problems.sort();
    m_valid = m_problems.isEmpty();
    m_saveButton->setEnabled(m_valid && !m_busy && (m_loaded.id == 0 || isModified()));
    m_saveButton->setToolTip(m_valid ? QString() : tr("Fix the problems marked in the form first."));
    bool stepsValid = stepCount() > 0;
    for (const auto &own : std::as_const(stepErrors))
        stepsValid = stepsValid && own.isEmpty();
    m_testButton->setEnabled(stepsValid && !m_busy && m_testFiringId.isEmpty() && !m_testJob);
}

void FlowEditor::reloadCatalogue()
{
    delete m_catalogueJob; // a newer catalogue replaces the one still loading
    m_catalogueJob = m_requests->requestCatalogue(this);
    connect(m_catalogueJob, &CatalogueJob::finished, this, [this](const InstanceCatalogue &catalogue) {
        m_catalogueJob.clear(); // answered: it deletes itself
        m_catalogue = catalogue;
        m_triggerEditor->setCatalogue(catalogue);
        for (int i = 0; i < stepCount(); ++i)
            stepEditor(i)->setEntities(catalogue.entities);
        validate();
    });
    connect(m_catalogueJob, &ConnectorJob::failed, this, [this](const QString &message) {
        m_catalogueJob.clear();
        m_triggerEditor->showCatalogueError(message);
    });
    m_triggerEditor->showCatalogueLoading();
}

void FlowEditor::fail(const QString &message)
{
    m_busy = false;
    FieldError::show(m_saveError, message);
    validate();
}

QList<FlowsService::EnteredSecret> FlowEditor::enteredSecrets() const
{
    QList<FlowsService::EnteredSecret> secrets;
    for (int i = 0; i < stepCount(); ++i) {
        const QHash<QString, QString> entered = stepEditor(i)->enteredSecrets();
        for (auto it = entered.cbegin(); it != entered.cend(); ++it)
            secrets.append({i, it.key(), it.value()});
    }
    return secrets;
}

bool FlowEditor::applySecrets(const FlowsService::SecretsResult &result)
{
    m_busy = false;
    switch (result.failure) {
    case FlowsService::SecretsResult::Failure::None:
        break;
    case FlowsService::SecretsResult::Failure::NoSecretStore:
        fail(tr("The system secret store is not ready yet, so the secrets cannot be kept. Try again in a "
                "moment."));
        return false;
    case FlowsService::SecretsResult::Failure::SecretStore:
        fail(tr("The secret could not be kept in the system secret store: %1. Nothing was saved.")
                 .arg(result.error));
        return false;
    case FlowsService::SecretsResult::Failure::Database:
        break; // the secrets are stored and named; the caller says why the flow is not
    }
    // The step editors show the entries as stored (their fields empty again).
    for (int i = 0; i < stepCount() && i < result.flow.steps.size(); ++i) {
        const QHash<QString, QString> entered = stepEditor(i)->enteredSecrets();
        for (auto it = entered.cbegin(); it != entered.cend(); ++it)
            stepEditor(i)->setSecretRef(it.key(),
                                        result.flow.steps.at(i).parameters.value(it.key()).toString());
    }
    return true;
}

void FlowEditor::save()
{
    validate();
    if (!m_valid || m_busy)
        return;
    m_saveError->hide();
    m_busy = true;
    validate();
    m_flows.save(flow(), enteredSecrets(), this, [this](const FlowsService::SecretsResult &result) {
        if (!applySecrets(result))
            return;
        if (result.failure == FlowsService::SecretsResult::Failure::Database)
            return fail(tr("The flow could not be saved: %1").arg(result.error));
        m_loaded = result.flow;
        m_knownSecretRefs = m_flows.secretRefsByKey();
        m_title->setText(tr("Edit flow"));
        validate();
        emit statusMessage(tr("Saved \"%1\".").arg(m_loaded.name));
        emit saved(m_loaded.id);
    });
}

void FlowEditor::testFire()
{
    if (m_busy || !m_testFiringId.isEmpty() || m_testJob)
        return;
    m_testResults->setText(tr("Starting the test…"));
    m_testButton->setEnabled(false);
    m_busy = true;
    m_flows.writeSecrets(flow(), enteredSecrets(), this, [this](const FlowsService::SecretsResult &result) {
        if (!applySecrets(result))
            return;
        const Flow tested = flow();
        m_testSteps.clear();
        for (const Step &step : tested.steps)
            m_testSteps.append(step.kind);
        m_testJob = m_requests->testFire(tested, this);
        connect(m_testJob, &FiringJob::finished, this, [this](const QString &firingId) {
            m_testJob.clear(); // answered: it deletes itself
            m_testFiringId = firingId;
            m_testLines.clear();
            for (int i = 0; i < m_testSteps.size(); ++i)
                m_testLines.append(
                    tr("%1. %2: waiting").arg(i + 1).arg(Step::displayName(m_testSteps.at(i))));
            m_testResults->setText(m_testLines.join(u'\n'));
        });
        connect(m_testJob, &ConnectorJob::failed, this, [this](const QString &message) {
            m_testJob.clear();
            m_testResults->setText(QStringLiteral("⚠ ") + tr("The test could not start: %1").arg(message));
            m_testButton->setEnabled(true);
        });
        validate();
    });
}

void FlowEditor::showStepRun(const StepRun &run)
{
    if (run.firingId != m_testFiringId || run.stepIndex < 0 || run.stepIndex >= m_testLines.size())
        return;
    QString outcome = run.status == StepRun::succeeded() ? tr("✓ succeeded")
                      : run.status == StepRun::failed()  ? tr("✗ failed")
                      : run.status == StepRun::running() ? tr("running")
                                                         : tr("waiting");
    if (run.attempt > 1)
        outcome += u' ' + tr("(attempt %1)").arg(run.attempt);
    if (run.httpStatus != 0)
        outcome += QStringLiteral(", HTTP %1").arg(run.httpStatus);
    QString line = tr("%1. %2: %3")
                       .arg(run.stepIndex + 1)
                       .arg(Step::displayName(m_testSteps.at(run.stepIndex)), outcome);
    if (!run.detail.isEmpty() && run.status != StepRun::running())
        line += QStringLiteral("\n    ") + run.detail;
    m_testLines[run.stepIndex] = line;
    m_testResults->setText(m_testLines.join(u'\n'));
}
