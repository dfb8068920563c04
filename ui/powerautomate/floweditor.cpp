#include "floweditor.h"

#include "authsession.h"
#include "common/fielderror.h"
#include "common/fonts.h"
#include "database.h"
#include "firinglog.h"
#include "flowjson.h"
#include "flowstore.h"
#include "observationstore.h"
#include "secretstore.h"
#include "stepeditors.h"
#include "thresholdchart.h"
#include "triggervalidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
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
#include <QStandardItemModel>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <memory>

namespace {

constexpr qint64 kCatalogueMaxAgeSeconds = 60; // an editor opened later reads the instance again

// The secret store entry for a new secret of `key`: readable, unique, and never the secret itself.
QString newSecretRef(const QString &key)
{
    const QString prefix = key == QLatin1String("webhookSecretRef") ? QStringLiteral("teams-webhook")
                           : key == QLatin1String("smtpSecretRef")  ? QStringLiteral("smtp-server")
                                                                    : QStringLiteral("http-signing");
    return prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

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

FlowEditor::FlowEditor(Database &db, AuthSession *session, InstanceRequests *requests, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_session(session)
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
    m_title->setObjectName(QStringLiteral("editorTitle"));
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
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setMaxLength(FlowJson::kMaxNameLength);
    m_nameError = FieldError::create(QStringLiteral("nameError"), general);
    auto *nameCell = new QWidget(general);
    auto *nameLayout = new QVBoxLayout(nameCell);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->addWidget(m_name);
    nameLayout->addWidget(m_nameError);
    generalForm->addRow(tr("Name"), nameCell);
    m_enabled = new QCheckBox(tr("Enabled: the connector watches for this trigger"), general);
    m_enabled->setObjectName(QStringLiteral("enabledCheck"));
    generalForm->addRow(QString(), m_enabled);
    layout->addWidget(general);

    // Wrapped texts stay out of the form: QFormLayout underestimates the height of wrapped fields.
    auto *trigger = new QGroupBox(tr("Trigger"), parent);
    auto *triggerLayout = new QVBoxLayout(trigger);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_trigger = new QComboBox(trigger);
    m_trigger->setObjectName(QStringLiteral("triggerCombo"));
    for (const TriggerKind kind : Trigger::allKinds())
        m_trigger->addItem(Trigger::displayName(kind), int(kind));
    form->addRow(tr("When"), m_trigger);
    triggerLayout->addLayout(form);
    m_triggerDescription = new QLabel(trigger);
    m_triggerDescription->setObjectName(QStringLiteral("triggerDescription"));
    m_triggerDescription->setWordWrap(true);
    triggerLayout->addWidget(m_triggerDescription);
    m_triggerLimits = new QLabel(trigger);
    m_triggerLimits->setObjectName(QStringLiteral("triggerLimits"));
    m_triggerLimits->setWordWrap(true);
    m_triggerLimits->setForegroundRole(QPalette::PlaceholderText);
    triggerLayout->addWidget(m_triggerLimits);
    form = m_triggerForm = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    triggerLayout->addLayout(form);

    m_subject = new QComboBox(trigger);
    m_subject->setObjectName(QStringLiteral("subjectCombo"));
    m_subject->setEditable(true);
    m_subject->setInsertPolicy(QComboBox::NoInsert);
    m_subject->setModel(new QStandardItemModel(m_subject));
    m_subjectError = FieldError::create(QStringLiteral("subjectError"), trigger);
    auto *subjectCell = new QWidget(trigger);
    auto *subjectLayout = new QVBoxLayout(subjectCell);
    subjectLayout->setContentsMargins(0, 0, 0, 0);
    subjectLayout->addWidget(m_subject);
    subjectLayout->addWidget(m_subjectError);
    m_subjectLabel = new QLabel(trigger);
    form->addRow(m_subjectLabel, subjectCell);

    m_thresholdRow = new QWidget(trigger);
    auto *thresholdLayout = new QVBoxLayout(m_thresholdRow);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    auto *valueRow = new QHBoxLayout;
    m_threshold = new QDoubleSpinBox(m_thresholdRow);
    m_threshold->setObjectName(QStringLiteral("thresholdSpin"));
    m_threshold->setRange(0, 1e12);
    m_threshold->setGroupSeparatorShown(true);
    m_threshold->setAccessibleName(tr("Threshold"));
    m_currentValue = new QLabel(m_thresholdRow);
    m_currentValue->setObjectName(QStringLiteral("currentValueLabel"));
    valueRow->addWidget(m_threshold);
    valueRow->addWidget(m_currentValue, 1);
    thresholdLayout->addLayout(valueRow);
    m_thresholdError = FieldError::create(QStringLiteral("thresholdError"), m_thresholdRow);
    thresholdLayout->addWidget(m_thresholdError);
    m_chart = new ThresholdChart(m_thresholdRow);
    m_chart->setObjectName(QStringLiteral("thresholdChart"));
    thresholdLayout->addWidget(m_chart);
    m_thresholdWarning = new QLabel(m_thresholdRow);
    m_thresholdWarning->setObjectName(QStringLiteral("thresholdWarning"));
    m_thresholdWarning->setWordWrap(true);
    m_thresholdWarning->hide();
    m_thresholdLabel = new QLabel(tr("Threshold"), trigger);
    form->addRow(m_thresholdLabel, m_thresholdRow);

    m_permanentOnly = new QCheckBox(tr("Only permanent failures (not the ones a retry may fix)"), trigger);
    m_permanentOnly->setObjectName(QStringLiteral("permanentOnlyCheck"));
    form->addRow(QString(), m_permanentOnly);
    m_includeManual = new QCheckBox(tr("Also when someone starts a full refresh by hand"), trigger);
    m_includeManual->setObjectName(QStringLiteral("includeManualCheck"));
    form->addRow(QString(), m_includeManual);

    auto *catalogueRow = new QHBoxLayout;
    m_catalogueStatus = new QLabel(trigger);
    m_catalogueStatus->setObjectName(QStringLiteral("catalogueStatus"));
    m_catalogueStatus->setWordWrap(true);
    m_catalogueStatus->setTextFormat(Qt::PlainText);
    m_catalogueRetry = new QPushButton(tr("Refresh"), trigger);
    m_catalogueRetry->setObjectName(QStringLiteral("catalogueRetryButton"));
    catalogueRow->addWidget(m_catalogueStatus, 1);
    catalogueRow->addWidget(m_catalogueRetry, 0, Qt::AlignTop);
    triggerLayout->addWidget(m_thresholdWarning);
    triggerLayout->addLayout(catalogueRow);
    layout->addWidget(trigger);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textChanged, this, &FlowEditor::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &FlowEditor::validate);
    connect(m_trigger, &QComboBox::currentIndexChanged, this, &FlowEditor::updateTrigger);
    connect(m_subject, &QComboBox::currentTextChanged, this, [this] {
        updateThresholdInfo();
        validate();
    });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this] {
        updateThresholdInfo();
        validate();
    });
    connect(m_permanentOnly, &QCheckBox::toggled, this, &FlowEditor::validate);
    connect(m_includeManual, &QCheckBox::toggled, this, &FlowEditor::validate);
    connect(m_catalogueRetry, &QPushButton::clicked, this, &FlowEditor::reloadCatalogue);
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
    m_steps->setObjectName(QStringLiteral("stepList"));
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
    m_stepStack->setObjectName(QStringLiteral("stepStack"));
    boxLayout->addWidget(m_stepStack, 1);
    layout->addWidget(box, 1);

    auto *test = new QGroupBox(tr("Test fire"), parent);
    auto *testLayout = new QVBoxLayout(test);
    m_testResults = new QLabel(tr("Test fire runs the steps once with a sample firing, so you can see "
                                  "that messages arrive. Side effects are real."),
                               test);
    m_testResults->setObjectName(QStringLiteral("testResults"));
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
    readKnownSecretRefs();
    m_testFiringId.clear();
    m_saveError->hide();
    m_title->setText(flow.id == 0 ? tr("New flow") : tr("Edit flow"));
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_name),          QSignalBlocker(m_enabled),
                                           QSignalBlocker(m_trigger),       QSignalBlocker(m_threshold),
                                           QSignalBlocker(m_permanentOnly), QSignalBlocker(m_includeManual)};
        m_name->setText(flow.name);
        m_enabled->setChecked(flow.enabled);
        m_trigger->setCurrentIndex(m_trigger->findData(int(flow.trigger.kind)));
        m_threshold->setValue(flow.trigger.threshold);
        m_permanentOnly->setChecked(flow.trigger.permanentFailuresOnly);
        m_includeManual->setChecked(flow.trigger.includeManualRefreshes);
    }
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
    updateTrigger();
    {
        const QSignalBlocker blocker(m_subject);
        const int index = m_subject->findData(flow.trigger.subject);
        if (index >= 0)
            m_subject->setCurrentIndex(index);
        else
            m_subject->setEditText(flow.trigger.subject);
    }
    updateThresholdInfo();
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
    Trigger &trigger = flow.trigger;
    trigger = Trigger();
    trigger.kind = TriggerKind(m_trigger->currentData().toInt());
    if (Trigger::takesSubject(trigger.kind))
        trigger.subject = currentSubject();
    if (Trigger::takesThreshold(trigger.kind))
        trigger.threshold = m_threshold->value();
    if (Trigger::takesPermanentFailuresOnly(trigger.kind))
        trigger.permanentFailuresOnly = m_permanentOnly->isChecked();
    if (Trigger::takesIncludeManualRefreshes(trigger.kind))
        trigger.includeManualRefreshes = m_includeManual->isChecked();
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

QStringList FlowEditor::takeUnsavedSecrets()
{
    QStringList unsaved = std::exchange(m_writtenSecrets, {});
    unsaved.removeIf([named = m_loaded.secretRefs()](const QString &ref) { return named.contains(ref); });
    return unsaved;
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

QString FlowEditor::currentSubject() const
{
    const int index = m_subject->currentIndex();
    if (index >= 0 && m_subject->itemText(index) == m_subject->currentText())
        return m_subject->itemData(index).toString();
    return m_subject->currentText().trimmed();
}

std::optional<double> FlowEditor::currentValue() const
{
    if (!m_catalogue)
        return std::nullopt;
    const Trigger trigger = flow().trigger;
    if (trigger.kind == TriggerKind::SegmentThresholdCrossed) {
        if (const CiSegment *segment = TriggerValidation::findSegment(m_catalogue->segments, trigger.subject);
            segment && segment->entityCount)
            return double(*segment->entityCount);
    } else if (trigger.kind == TriggerKind::MeasureThresholdCrossed) {
        if (const CiMeasure *measure = TriggerValidation::findMeasure(m_catalogue->measures, trigger.subject))
            return measure->value;
    }
    return std::nullopt;
}

void FlowEditor::updateTrigger()
{
    const TriggerKind kind = TriggerKind(m_trigger->currentData().toInt());
    m_triggerDescription->setText(Trigger::description(kind));
    QString limits;
    switch (kind) {
    case TriggerKind::DataSourceRefreshFailed:
        limits = tr("Fires once per failed refresh of a data source (failed or timed out).");
        break;
    case TriggerKind::DataSourceRefreshSucceeded:
        limits = tr("Fires once per successful refresh of a data source.");
        break;
    case TriggerKind::SegmentThresholdCrossed:
        limits = tr("Fires only when the member count crosses above the threshold; it fires again after the "
                    "count has dropped back to or below it. The first value seen is a baseline.");
        break;
    case TriggerKind::MeasureThresholdCrossed:
        limits = tr("Fires only when the value crosses above the threshold. Only business measures without a "
                    "dimension can be used. The first value seen is a baseline.");
        break;
    case TriggerKind::FullRefreshCompleted:
        limits = tr("Scheduled refreshes only: manual refreshes do not fire unless you opt in below.");
        break;
    case TriggerKind::UnificationRefreshCompleted:
        limits = tr("Fires once per job when its map, match and merge tasks have all finished.");
        break;
    }
    m_triggerLimits->setText(limits);

    const bool subject = Trigger::takesSubject(kind);
    // Rows are shown and hidden through the form (QFormLayout keeps stale sizes for hidden fields).
    m_triggerForm->setRowVisible(m_subject->parentWidget(), subject);
    m_subjectLabel->setText(kind == TriggerKind::SegmentThresholdCrossed   ? tr("Segment")
                            : kind == TriggerKind::MeasureThresholdCrossed ? tr("Measure")
                                                                           : tr("Data source"));
    const bool threshold = Trigger::takesThreshold(kind);
    m_triggerForm->setRowVisible(m_thresholdRow, threshold);
    m_threshold->setDecimals(kind == TriggerKind::SegmentThresholdCrossed ? 0 : 2);
    m_triggerForm->setRowVisible(m_permanentOnly, Trigger::takesPermanentFailuresOnly(kind));
    m_triggerForm->setRowVisible(m_includeManual, Trigger::takesIncludeManualRefreshes(kind));
    fillSubjects();
    updateThresholdInfo();
    validate();
}

void FlowEditor::fillSubjects()
{
    const TriggerKind kind = TriggerKind(m_trigger->currentData().toInt());
    const QString current = currentSubject();
    const QSignalBlocker blocker(m_subject);
    auto *model = static_cast<QStandardItemModel *>(m_subject->model());
    model->clear();
    const QLocale locale;
    const auto add = [model](const QString &text, const QString &subject, const QString &toolTip = {}) {
        auto *item = new QStandardItem(text);
        item->setData(subject, Qt::UserRole);
        item->setToolTip(toolTip);
        model->appendRow(item);
        return item;
    };
    switch (kind) {
    case TriggerKind::DataSourceRefreshFailed:
    case TriggerKind::DataSourceRefreshSucceeded:
        add(tr("Any data source"), QString());
        if (m_catalogue) {
            for (const CiDataSource &source : m_catalogue->dataSources)
                add(source.friendlyName.isEmpty() || source.friendlyName == source.name
                        ? source.name
                        : tr("%1 (%2)").arg(source.friendlyName, source.name),
                    source.name);
        }
        break;
    case TriggerKind::SegmentThresholdCrossed:
        if (m_catalogue) {
            for (const CiSegment &segment : m_catalogue->segments) {
                const QString name = segment.friendlyName.isEmpty() ? segment.name : segment.friendlyName;
                add(segment.entityCount ? tr("%1 (%Ln member(s))", nullptr,
                                             int(std::min<qint64>(*segment.entityCount, INT_MAX)))
                                              .arg(name)
                                        : tr("%1 (not evaluated yet)").arg(name),
                    segment.name);
            }
        }
        break;
    case TriggerKind::MeasureThresholdCrossed:
        if (m_catalogue) {
            for (const CiMeasure &measure : m_catalogue->measures) {
                const QString name = measure.displayName.isEmpty() ? measure.name : measure.displayName;
                if (measure.hasDimensions) {
                    // Shown, so that the user knows why it is missing, but it cannot be chosen.
                    QStandardItem *item =
                        add(tr("%1 (has a dimension: not supported)").arg(name), measure.name,
                            tr("The connector supports only business measures without a dimension."));
                    item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
                } else {
                    add(measure.value ? tr("%1 (now %2)")
                                            .arg(name, locale.toString(*measure.value, 'f',
                                                                       QLocale::FloatingPointShortest))
                                      : tr("%1 (not evaluated yet)").arg(name),
                        measure.name);
                }
            }
        }
        break;
    case TriggerKind::FullRefreshCompleted:
    case TriggerKind::UnificationRefreshCompleted:
        break;
    }
    // Keep what was chosen; a subject the instance does not list (or one that cannot be chosen) stays as
    // text, so that validation can say what is wrong with it.
    const int index = m_subject->findData(current);
    if (index >= 0 && (model->item(index)->flags() & Qt::ItemIsEnabled)) {
        m_subject->setCurrentIndex(index);
    } else if (current.isEmpty() && !Trigger::requiresSubject(kind) && model->rowCount() > 0) {
        m_subject->setCurrentIndex(0);
    } else {
        m_subject->setCurrentIndex(-1);
        m_subject->setEditText(current);
    }
}

void FlowEditor::updateThresholdInfo()
{
    const Trigger trigger = flow().trigger;
    if (!Trigger::takesThreshold(trigger.kind))
        return;
    const std::optional<double> now = currentValue();
    const QLocale locale;
    if (now) {
        m_currentValue->setText(
            trigger.kind == TriggerKind::SegmentThresholdCrossed
                ? tr("Now: %Ln member(s)", nullptr, int(*now))
                : tr("Now: %1").arg(locale.toString(*now, 'f', QLocale::FloatingPointShortest)));
    } else {
        m_currentValue->setText(trigger.subject.isEmpty() ? QString() : tr("Current value not known yet"));
    }
    QList<ThresholdChart::Point> points;
    if (!trigger.subject.isEmpty()) {
        for (const Observation &observation : ObservationStore(m_db).recent(trigger.kind, trigger.subject))
            points.append({observation.at, observation.value});
    }
    if (now && (points.isEmpty() || points.constLast().value != *now))
        points.append({m_catalogue->fetchedAt, *now});
    m_chart->setValues(points);
    m_chart->setThreshold(trigger.threshold);
    const bool above = now && *now > trigger.threshold;
    m_thresholdWarning->setText(above ? QStringLiteral("ⓘ ") +
                                            tr("The value is already above the threshold: the first crossing "
                                               "will happen only after the "
                                               "value drops back to or below the threshold.")
                                      : QString());
    m_thresholdWarning->setVisible(above);
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

void FlowEditor::readKnownSecretRefs()
{
    m_knownSecretRefs.clear();
    for (const Flow &flow : FlowStore(m_db).list()) {
        for (const Step &step : flow.steps) {
            for (const QString &key : Step::secretRefKeys(step.kind)) {
                const QString ref = step.parameters.value(key).toString();
                QStringList &refs = m_knownSecretRefs[key];
                if (!ref.isEmpty() && !refs.contains(ref))
                    refs.append(ref);
            }
        }
    }
}

void FlowEditor::addStep(StepKind kind)
{
    Step step{kind, {}};
    if (kind == StepKind::HttpCall)
        step.parameters.insert(QStringLiteral("method"), QStringLiteral("POST"));
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
    const TriggerKind kind = candidate.trigger.kind;
    if (Trigger::requiresSubject(kind) && candidate.trigger.subject.isEmpty())
        errors.insert(QStringLiteral("trigger.subject"), kind == TriggerKind::SegmentThresholdCrossed
                                                             ? tr("Choose the segment to watch.")
                                                             : tr("Choose the measure to watch."));
    else if (m_catalogue && kind == TriggerKind::MeasureThresholdCrossed) {
        if (const QString problem =
                TriggerValidation::measureProblem(candidate.trigger, m_catalogue->measures);
            !problem.isEmpty())
            errors.insert(QStringLiteral("trigger.subject"), problem);
    } else if (m_catalogue && kind == TriggerKind::SegmentThresholdCrossed) {
        if (const QString problem =
                TriggerValidation::segmentProblem(candidate.trigger, m_catalogue->segments);
            !problem.isEmpty())
            errors.insert(QStringLiteral("trigger.subject"), problem);
    }
    if (stepCount() == 0)
        stepsError = tr("Add at least one step: a flow without steps only writes to the trigger log.");
    for (int i = 0; i < stepCount(); ++i) {
        const QHash<QString, QString> own = stepEditor(i)->problems();
        for (auto it = own.cbegin(); it != own.cend(); ++it)
            stepErrors[i].insert(it.key(), it.value());
    }

    FieldError::show(m_nameError, errors.value(QStringLiteral("name")));
    FieldError::show(m_subjectError, errors.value(QStringLiteral("trigger.subject")));
    FieldError::show(m_thresholdError, errors.value(QStringLiteral("trigger.threshold")));
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
        m_catalogueStatus->setText(
            tr("Instance %1, read at %2.")
                .arg(catalogue.instanceName,
                     QLocale().toString(catalogue.fetchedAt.toLocalTime().time(), QLocale::ShortFormat)));
        m_catalogueStatus->setStyleSheet(QString());
        m_catalogueRetry->setText(tr("Refresh"));
        m_catalogueRetry->setEnabled(true);
        fillSubjects();
        for (int i = 0; i < stepCount(); ++i)
            stepEditor(i)->setEntities(catalogue.entities);
        validate();
    });
    connect(m_catalogueJob, &ConnectorJob::failed, this, [this](const QString &message) {
        m_catalogueJob.clear();
        m_catalogueStatus->setText(QStringLiteral("⚠ ") +
                                   tr("The instance's data could not be loaded: %1").arg(message));
        m_catalogueStatus->setStyleSheet(FieldError::styleSheet());
        m_catalogueRetry->setText(tr("Try again"));
        m_catalogueRetry->setEnabled(true);
    });
    m_catalogueStatus->setStyleSheet(QString());
    m_catalogueStatus->setText(tr("Loading the instance's data sources, segments and measures…"));
    m_catalogueRetry->setEnabled(false);
}

void FlowEditor::fail(const QString &message)
{
    m_busy = false;
    FieldError::show(m_saveError, message);
    validate();
}

void FlowEditor::storeSecrets(std::function<void()> then)
{
    struct Pending
    {
        QPointer<StepEditor> editor;
        QString key, value;
    };
    QList<Pending> pending;
    for (int i = 0; i < stepCount(); ++i) {
        const QHash<QString, QString> entered = stepEditor(i)->enteredSecrets();
        for (auto it = entered.cbegin(); it != entered.cend(); ++it)
            pending.append({stepEditor(i), it.key(), it.value()});
    }
    if (pending.isEmpty())
        return then();
    SecretStore *store = m_session->secretStore();
    if (!store)
        return fail(tr("The system secret store is not ready yet, so the secrets cannot be kept. Try again "
                       "in a moment."));
    m_busy = true;
    validate();
    auto outstanding = std::make_shared<qsizetype>(pending.size());
    auto failed = std::make_shared<bool>(false);
    for (const Pending &entry : std::as_const(pending)) {
        const QString ref = newSecretRef(entry.key);
        store->write(ref, entry.value, this,
                     [this, entry, ref, outstanding, failed, then](bool ok, const QString &error) {
                         if (*failed)
                             return;
                         if (!ok) {
                             *failed = true;
                             return fail(tr("The secret could not be kept in the system secret store: %1. "
                                            "Nothing was saved.")
                                             .arg(error));
                         }
                         m_writtenSecrets.append(ref);
                         if (entry.editor)
                             entry.editor->setSecretRef(entry.key, ref);
                         if (--*outstanding == 0) {
                             m_busy = false;
                             then();
                         }
                     });
    }
}

void FlowEditor::save()
{
    validate();
    if (!m_valid || m_busy)
        return;
    m_saveError->hide();
    storeSecrets([this] {
        const Flow edited = flow();
        FlowStore store(m_db);
        qint64 id = edited.id;
        if (id == 0)
            id = store.insert(edited);
        else if (!store.update(edited))
            id = 0;
        if (id == 0)
            return fail(tr("The flow could not be saved: %1").arg(m_db.errorString()));
        QStringList replaced = m_loaded.secretRefs() + std::exchange(m_writtenSecrets, {});
        m_loaded = store.get(id).value_or(edited);
        readKnownSecretRefs();
        replaced.removeIf(
            [named = m_loaded.secretRefs()](const QString &ref) { return named.contains(ref); });
        replaced.removeDuplicates();
        m_title->setText(tr("Edit flow"));
        validate();
        emit statusMessage(tr("Saved \"%1\".").arg(m_loaded.name));
        emit saved(id, replaced);
    });
}

void FlowEditor::testFire()
{
    if (m_busy || !m_testFiringId.isEmpty() || m_testJob)
        return;
    m_testResults->setText(tr("Starting the test…"));
    m_testButton->setEnabled(false);
    storeSecrets([this] {
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
