#pragma once

#include "triggerlog/triggerlogexporter.h"

#include <QHash>
#include <QWidget>

#include <memory>

class Clock;
class Database;
class TriggerLogNotifier;
class FiringLog;
class FlowsService;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class RetentionService;
class TriggerLogDetails;
class TriggerLogFilterModel;
class TriggerLogModel;
class TriggerLogView;
struct StepRun;

// The Trigger log pane: every firing live, newest first, with a filter bar, a detail pane, export, resubmit,
// retention and clear. It reads the store through the GUI thread's own Database and is fed live by the
// connector worker and the step runner:
//
//   Connector::firingsRecorded --> model()->insertFirings()   Connector::stepRunUpdated --> updateStepRun()
//   resubmitRequested(firingId, failedOnly) --> Connector::resubmit() (the main window)
//
// Questions (resubmit, clear) go through MessagePrompt, so tests pre-answer them.
class TriggerLogPane : public QWidget
{
    Q_OBJECT

public:
    // The answers of the pane's questions (MessagePrompt ids).
    enum Answer
    {
        CancelAnswer,
        ResubmitAllAnswer,
        ResubmitFailedAnswer,
        ClearAnswer,
    };
    Q_ENUM(Answer)

    // `db` is open on this (the GUI) thread and outlives the pane. `clock` (tests) must outlive the pane.
    explicit TriggerLogPane(Database &db, QWidget *parent = nullptr);
    TriggerLogPane(Database &db, const Clock &clock, QWidget *parent = nullptr);
    ~TriggerLogPane() override;

    TriggerLogModel *model() const { return m_model; }
    TriggerLogFilterModel *filterModel() const { return m_filter; }
    TriggerLogView *view() const { return m_view; }
    TriggerLogDetails *details() const { return m_details; }
    TriggerLogNotifier *failureNotifier() const { return m_notifier; }

    // The retention setting's editor talks to `retention` (it outlives the pane), which prunes the log; the
    // pane drops what it pruned. Until then the editor is disabled.
    void setRetentionService(RetentionService *retention);
    int retentionDays() const;
    void setRetentionDays(int days);
    bool isExporting() const;

public slots:
    void updateStepRun(const StepRun &run);
    // Reads the flows again (names for the filter, step counts and names); call after flows change.
    void reloadFlows();
    // Writes the filtered view to `path`; exportFinished() follows.
    void startExport(const QString &path, TriggerLogExporter::Format format);
    void chooseExportFile(TriggerLogExporter::Format format);
    void requestResubmit(); // asks, then emits resubmitRequested
    void requestClear();    // asks, then deletes every firing
    // A line under the filter bar: what an action did, or why it could not.
    void setMessage(const QString &message);

signals:
    void resubmitRequested(const QString &firingId, bool failedOnly);
    void exportFinished(bool ok, const QString &path, int firings);
    void cleared();

private:
    void buildUi();
    void applyRange();
    void updateState();
    void updateSelection();
    void refreshDetails();
    QString selectedFiringId() const;

    Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<FiringLog> m_log;
    std::unique_ptr<FlowsService> m_flows; // the flow filter's names and the step counts
    TriggerLogModel *m_model;
    TriggerLogFilterModel *m_filter;
    TriggerLogExporter *m_exporter;
    TriggerLogNotifier *m_notifier;
    QHash<qint64, int> m_stepCounts;
    QHash<qint64, QStringList> m_stepNames;
    QString m_exportPath;

    TriggerLogView *m_view = nullptr;
    TriggerLogDetails *m_details = nullptr;
    QStackedWidget *m_viewStack = nullptr;
    QWidget *m_tablePage = nullptr;
    QWidget *m_emptyPage = nullptr;
    QWidget *m_noMatchPage = nullptr;
    QComboBox *m_flowCombo = nullptr;
    QComboBox *m_triggerCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QComboBox *m_rangeCombo = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_resubmitButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QSpinBox *m_retentionSpin = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelExportButton = nullptr;
};
