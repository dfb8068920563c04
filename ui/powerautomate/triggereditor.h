#pragma once

#include "flow.h"
#include "instancecatalogue.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class TriggerEditor;
}

class FlowsService;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class ThresholdChart;

// The trigger of the flow editor (its layout: triggereditor.ui): the kind (with its description and limits
// from its TriggerKindDescriptor) and the parameters the kind takes. The subjects to choose from (data
// sources, segments with their member counts, measures with their values) come from the instance's catalogue;
// the recent values of a segment or measure, drawn with the threshold across them, from the observations the
// connector worker stored (FlowsService::observations).
class TriggerEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TriggerEditor(FlowsService &flows, QWidget *parent = nullptr);
    ~TriggerEditor() override;

    void setTrigger(const Trigger &trigger); // emits nothing
    Trigger trigger() const;                 // as the fields say now

    void setCatalogue(const InstanceCatalogue &catalogue);
    void showCatalogueLoading();
    void showCatalogueError(const QString &message);

    // What the editor knows better than the import: a required subject not chosen, one the instance does
    // not have (or cannot be used), by field ("trigger.subject").
    QHash<QString, QString> problems() const;
    // Shows the errors of "trigger.subject" and "trigger.threshold" under their fields.
    void showErrors(const QHash<QString, QString> &errors);

signals:
    void changed();
    void catalogueRefreshRequested();

private:
    void updateKind();
    void fillSubjects();
    void updateThresholdInfo();
    QString currentSubject() const;
    std::optional<double> currentValue() const;

    std::unique_ptr<Ui::TriggerEditor> m_ui; // the static layout (triggereditor.ui)
    FlowsService &m_flows;
    std::optional<InstanceCatalogue> m_catalogue;
    QComboBox *m_trigger;
    QLabel *m_triggerDescription;
    QLabel *m_triggerLimits;
    QFormLayout *m_triggerForm;
    QLabel *m_subjectLabel;
    QComboBox *m_subject;
    QLabel *m_subjectError;
    QWidget *m_thresholdRow;
    QDoubleSpinBox *m_threshold;
    QLabel *m_currentValue;
    QLabel *m_thresholdError;
    ThresholdChart *m_chart;
    QLabel *m_thresholdWarning;
    QCheckBox *m_permanentOnly;
    QCheckBox *m_includeManual;
    QLabel *m_catalogueStatus;
    QPushButton *m_catalogueRetry;
};
