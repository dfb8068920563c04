#include "triggereditor.h"

#include "common/fielderror.h"
#include "flowsservice.h"
#include "thresholdchart.h"
#include "triggerkinddescriptor.h"
#include "triggervalidation.h"
#include "ui_triggereditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <climits>

// The texts were the flow editor's before the trigger got its own class: they keep its translation context,
// and so their translations.

namespace {

using Subject = TriggerKindDescriptor::Subject;

} // namespace

TriggerEditor::TriggerEditor(FlowsService &flows, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TriggerEditor>())
    , m_flows(flows)
{
    // The wrapped texts (description, limits, warning) sit outside the forms: QFormLayout underestimates the
    // height of wrapped fields.
    m_ui->setupUi(this);
    m_trigger = m_ui->triggerComboBox;
    m_triggerDescription = m_ui->triggerDescriptionLabel;
    m_triggerLimits = m_ui->triggerLimitsLabel;
    m_triggerForm = m_ui->parametersForm;
    m_subjectLabel = m_ui->subjectLabel;
    m_subject = m_ui->subjectComboBox;
    m_thresholdRow = m_ui->thresholdRow;
    m_threshold = m_ui->thresholdSpinBox;
    m_currentValue = m_ui->currentValueLabel;
    m_chart = m_ui->thresholdChart;
    m_thresholdWarning = m_ui->thresholdWarningLabel;
    m_permanentOnly = m_ui->permanentOnlyCheckBox;
    m_includeManual = m_ui->includeManualCheckBox;
    m_catalogueStatus = m_ui->catalogueStatusLabel;
    m_catalogueRetry = m_ui->catalogueRetryButton;

    for (const TriggerKindDescriptor &kind : TriggerKindDescriptor::all())
        m_trigger->addItem(kind.name(), int(kind.kind));
    m_triggerLimits->setForegroundRole(QPalette::PlaceholderText);
    m_subject->setModel(new QStandardItemModel(m_subject));
    m_subjectError = FieldError::create(QStringLiteral("subjectError"), m_ui->subjectRow);
    m_ui->subjectLayout->addWidget(m_subjectError);
    m_thresholdError = FieldError::create(QStringLiteral("thresholdError"), m_thresholdRow);
    m_ui->thresholdLayout->insertWidget(1, m_thresholdError); // under the value, above the chart
    m_thresholdWarning->hide();

    connect(m_trigger, &QComboBox::currentIndexChanged, this, [this] {
        updateKind();
        emit changed();
    });
    const auto valueChanged = [this] {
        updateThresholdInfo();
        emit changed();
    };
    connect(m_subject, &QComboBox::currentTextChanged, this, valueChanged);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, valueChanged);
    connect(m_permanentOnly, &QCheckBox::toggled, this, &TriggerEditor::changed);
    connect(m_includeManual, &QCheckBox::toggled, this, &TriggerEditor::changed);
    connect(m_catalogueRetry, &QPushButton::clicked, this, &TriggerEditor::catalogueRefreshRequested);
    updateKind();
}

TriggerEditor::~TriggerEditor() = default;

void TriggerEditor::setTrigger(const Trigger &trigger)
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_trigger), QSignalBlocker(m_threshold),
                                       QSignalBlocker(m_permanentOnly), QSignalBlocker(m_includeManual),
                                       QSignalBlocker(m_subject)};
    m_trigger->setCurrentIndex(m_trigger->findData(int(trigger.kind)));
    m_threshold->setValue(trigger.threshold);
    m_permanentOnly->setChecked(trigger.permanentFailuresOnly);
    m_includeManual->setChecked(trigger.includeManualRefreshes);
    updateKind();
    const int index = m_subject->findData(trigger.subject);
    if (index >= 0)
        m_subject->setCurrentIndex(index);
    else
        m_subject->setEditText(trigger.subject);
    updateThresholdInfo();
}

Trigger TriggerEditor::trigger() const
{
    Trigger trigger;
    trigger.kind = TriggerKind(m_trigger->currentData().toInt());
    if (Trigger::takesSubject(trigger.kind))
        trigger.subject = currentSubject();
    if (Trigger::takesThreshold(trigger.kind))
        trigger.threshold = m_threshold->value();
    if (Trigger::takesPermanentFailuresOnly(trigger.kind))
        trigger.permanentFailuresOnly = m_permanentOnly->isChecked();
    if (Trigger::takesIncludeManualRefreshes(trigger.kind))
        trigger.includeManualRefreshes = m_includeManual->isChecked();
    return trigger;
}

void TriggerEditor::setCatalogue(const InstanceCatalogue &catalogue)
{
    m_catalogue = catalogue;
    m_catalogueStatus->setText(
        QCoreApplication::translate("FlowEditor", "Instance %1, read at %2.")
            .arg(catalogue.instanceName,
                 QLocale().toString(catalogue.fetchedAt.toLocalTime().time(), QLocale::ShortFormat)));
    m_catalogueStatus->setStyleSheet(QString());
    m_catalogueRetry->setText(QCoreApplication::translate("FlowEditor", "Refresh"));
    m_catalogueRetry->setEnabled(true);
    fillSubjects();
    updateThresholdInfo();
}

void TriggerEditor::showCatalogueLoading()
{
    m_catalogueStatus->setStyleSheet(QString());
    m_catalogueStatus->setText(QCoreApplication::translate(
        "FlowEditor", "Loading the instance's data sources, segments and measures…"));
    m_catalogueRetry->setEnabled(false);
}

void TriggerEditor::showCatalogueError(const QString &message)
{
    m_catalogueStatus->setText(
        QStringLiteral("⚠ ") +
        QCoreApplication::translate("FlowEditor", "The instance's data could not be loaded: %1")
            .arg(message));
    m_catalogueStatus->setStyleSheet(FieldError::styleSheet());
    m_catalogueRetry->setText(QCoreApplication::translate("FlowEditor", "Try again"));
    m_catalogueRetry->setEnabled(true);
}

QHash<QString, QString> TriggerEditor::problems() const
{
    const Trigger trigger = this->trigger();
    const Subject subject = TriggerKindDescriptor::of(trigger.kind).subject;
    QString problem;
    if (Trigger::requiresSubject(trigger.kind) && trigger.subject.isEmpty())
        problem = subject == Subject::Segment
                      ? QCoreApplication::translate("FlowEditor", "Choose the segment to watch.")
                      : QCoreApplication::translate("FlowEditor", "Choose the measure to watch.");
    else if (m_catalogue && subject == Subject::Measure)
        problem = TriggerValidation::measureProblem(trigger, m_catalogue->measures);
    else if (m_catalogue && subject == Subject::Segment)
        problem = TriggerValidation::segmentProblem(trigger, m_catalogue->segments);
    if (problem.isEmpty())
        return {};
    return {{QStringLiteral("trigger.subject"), problem}};
}

void TriggerEditor::showErrors(const QHash<QString, QString> &errors)
{
    FieldError::show(m_subjectError, errors.value(QStringLiteral("trigger.subject")));
    FieldError::show(m_thresholdError, errors.value(QStringLiteral("trigger.threshold")));
}

void TriggerEditor::updateKind()
{
    const TriggerKind kind = TriggerKind(m_trigger->currentData().toInt());
    const TriggerKindDescriptor &descriptor = TriggerKindDescriptor::of(kind);
    m_triggerDescription->setText(descriptor.description());
    m_triggerLimits->setText(descriptor.limits());

    const bool subject = Trigger::takesSubject(kind);
    // Rows are shown and hidden through the form (QFormLayout keeps stale sizes for hidden fields).
    m_triggerForm->setRowVisible(m_subject->parentWidget(), subject);
    m_subjectLabel->setText(
        descriptor.subject == Subject::Segment   ? QCoreApplication::translate("FlowEditor", "Segment")
        : descriptor.subject == Subject::Measure ? QCoreApplication::translate("FlowEditor", "Measure")
                                                 : QCoreApplication::translate("FlowEditor", "Data source"));
    const bool threshold = Trigger::takesThreshold(kind);
    m_triggerForm->setRowVisible(m_thresholdRow, threshold);
    m_threshold->setDecimals(descriptor.subject == Subject::Segment ? 0 : 2); // members are counted
    m_triggerForm->setRowVisible(m_permanentOnly, Trigger::takesPermanentFailuresOnly(kind));
    m_triggerForm->setRowVisible(m_includeManual, Trigger::takesIncludeManualRefreshes(kind));
    fillSubjects();
    updateThresholdInfo();
}

void TriggerEditor::fillSubjects()
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
    switch (TriggerKindDescriptor::of(kind).subject) {
    case Subject::DataSource:
        add(QCoreApplication::translate("FlowEditor", "Any data source"), QString());
        if (m_catalogue) {
            for (const CiDataSource &source : m_catalogue->dataSources)
                add(source.friendlyName.isEmpty() || source.friendlyName == source.name
                        ? source.name
                        : QCoreApplication::translate("FlowEditor", "%1 (%2)")
                              .arg(source.friendlyName, source.name),
                    source.name);
        }
        break;
    case Subject::Segment:
        if (m_catalogue) {
            for (const CiSegment &segment : m_catalogue->segments) {
                const QString name = segment.friendlyName.isEmpty() ? segment.name : segment.friendlyName;
                // Counted outside the translate() call: lupdate 6.4 never finishes parsing a template
                // argument list (std::min<qint64>) inside one.
                const int members =
                    segment.entityCount ? int(qMin(*segment.entityCount, qint64(INT_MAX))) : 0;
                add(segment.entityCount
                        ? QCoreApplication::translate("FlowEditor", "%1 (%Ln member(s))", nullptr, members)
                              .arg(name)
                        : QCoreApplication::translate("FlowEditor", "%1 (not evaluated yet)").arg(name),
                    segment.name);
            }
        }
        break;
    case Subject::Measure:
        if (m_catalogue) {
            for (const CiMeasure &measure : m_catalogue->measures) {
                const QString name = measure.displayName.isEmpty() ? measure.name : measure.displayName;
                if (measure.hasDimensions) {
                    // Shown, so that the user knows why it is missing, but it cannot be chosen.
                    QStandardItem *item =
                        add(QCoreApplication::translate("FlowEditor", "%1 (has a dimension: not supported)")
                                .arg(name),
                            measure.name,
                            QCoreApplication::translate(
                                "FlowEditor",
                                "The connector supports only business measures without a dimension."));
                    item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
                } else {
                    add(measure.value
                            ? QCoreApplication::translate("FlowEditor", "%1 (now %2)")
                                  .arg(name,
                                       locale.toString(*measure.value, 'f', QLocale::FloatingPointShortest))
                            : QCoreApplication::translate("FlowEditor", "%1 (not evaluated yet)").arg(name),
                        measure.name);
                }
            }
        }
        break;
    case Subject::None:
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

void TriggerEditor::updateThresholdInfo()
{
    const Trigger trigger = this->trigger();
    if (!Trigger::takesThreshold(trigger.kind))
        return;
    const std::optional<double> now = currentValue();
    const QLocale locale;
    if (now) {
        m_currentValue->setText(
            TriggerKindDescriptor::of(trigger.kind).subject == Subject::Segment
                ? QCoreApplication::translate("FlowEditor", "Now: %Ln member(s)", nullptr, int(*now))
                : QCoreApplication::translate("FlowEditor", "Now: %1")
                      .arg(locale.toString(*now, 'f', QLocale::FloatingPointShortest)));
    } else {
        m_currentValue->setText(trigger.subject.isEmpty() ? QString()
                                                          : QCoreApplication::translate(
                                                                "FlowEditor", "Current value not known yet"));
    }
    QList<ThresholdChart::Point> points;
    if (!trigger.subject.isEmpty()) {
        for (const Observation &observation : m_flows.observations(trigger.kind, trigger.subject))
            points.append({observation.at, observation.value});
    }
    if (now && (points.isEmpty() || points.constLast().value != *now))
        points.append({m_catalogue->fetchedAt, *now});
    m_chart->setValues(points);
    m_chart->setThreshold(trigger.threshold);
    const bool above = now && *now > trigger.threshold;
    m_thresholdWarning->setText(
        above ? QStringLiteral("ⓘ ") + QCoreApplication::translate(
                                           "FlowEditor",
                                           "The value is already above the threshold: the first crossing "
                                           "will happen only after the "
                                           "value drops back to or below the threshold.")
              : QString());
    m_thresholdWarning->setVisible(above);
}

QString TriggerEditor::currentSubject() const
{
    const int index = m_subject->currentIndex();
    if (index >= 0 && m_subject->itemText(index) == m_subject->currentText())
        return m_subject->itemData(index).toString();
    return m_subject->currentText().trimmed();
}

std::optional<double> TriggerEditor::currentValue() const
{
    if (!m_catalogue)
        return std::nullopt;
    const Trigger trigger = this->trigger();
    const Subject subject = TriggerKindDescriptor::of(trigger.kind).subject;
    if (subject == Subject::Segment) {
        if (const CiSegment *segment = TriggerValidation::findSegment(m_catalogue->segments, trigger.subject);
            segment && segment->entityCount)
            return double(*segment->entityCount);
    } else if (subject == Subject::Measure) {
        if (const CiMeasure *measure = TriggerValidation::findMeasure(m_catalogue->measures, trigger.subject))
            return measure->value;
    }
    return std::nullopt;
}
