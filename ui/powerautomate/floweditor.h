#pragma once

#include "flow.h"
#include "instancecatalogue.h"
#include "instancerequests.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class AuthSession;
class Database;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QToolButton;
class StepEditor;
class ThresholdChart;
struct StepRun;

// The flow editor of the Power Automate pane: a flow's name, its trigger with the trigger's parameters, and
// its steps. What it shows of the instance (data sources, segments with their member counts, measures with
// their values, entities) comes live from the connector worker (InstanceRequests::requestCatalogue); the
// recent values of a segment or measure come from the observations the worker stored.
//
// Validation is inline and always on: FlowJson::validate() (the rules of an import), the step editors' own
// checks (secrets to enter, JSON, placeholders) and the instance's (a measure with a dimension cannot be
// used) are shown under the field they are about, and Save stays disabled until there are none.
//
// Save and Test fire first write the secrets typed in the step editors to the secret store, each under a
// new entry that the step then names; the flow itself never holds a secret. Saving writes the flow to the
// store and emits saved(); the pane tells the worker.
class FlowEditor : public QWidget
{
    Q_OBJECT

public:
    // `db` is the GUI thread's connection; `session` gives the secret store; `requests` the instance (the
    // Connector, or a test's stand-in). `requests` must outlive the editor.
    FlowEditor(Database &db, AuthSession *session, InstanceRequests *requests, QWidget *parent = nullptr);

    // Starts editing `flow` (id 0: a new flow). Loads the instance's catalogue unless it is already known.
    void edit(const Flow &flow);
    Flow flow() const; // the flow as the fields say now (secrets not stored yet have no entry name)
    qint64 flowId() const { return m_loaded.id; }

    bool isModified() const;
    // The secret store entries written for this edit (Save, Test fire) that the stored flow does not name,
    // e.g. after Test fire and Discard; forgets them.
    QStringList takeUnsavedSecrets();
    // Every problem that keeps Save disabled, as "<field>: <what is wrong>" (tests and the tool tip).
    QStringList problems() const;

    StepEditor *stepEditor(int index) const;
    int stepCount() const;
    void addStep(StepKind kind);

public slots:
    // Stores the secrets, then the flow; emits saved() or shows why it could not.
    void save();
    void testFire();
    void reloadCatalogue();
    // Step runs of the test firing (InstanceRequests::stepRunUpdated).
    void showStepRun(const StepRun &run);

signals:
    // `replacedSecrets`: the entries the flow named before (or the editor wrote) that it no longer names.
    void saved(qint64 flowId, const QStringList &replacedSecrets);
    void closeRequested(); // Cancel: the pane asks about unsaved changes
    void statusMessage(const QString &message);

private:
    void buildTriggerSection(QWidget *parent);
    void buildStepsSection(QWidget *parent);
    void updateTrigger();
    void fillSubjects();
    void updateThresholdInfo();
    void validate();
    void moveStep(int from, int to);
    void removeStep(int index);
    StepEditor *insertStepEditor(int index, const Step &step);
    void updateStepTitles();
    // Writes the entered secrets to the secret store, names them in their steps, then runs `then`.
    void storeSecrets(std::function<void()> then);
    void fail(const QString &message);
    QString currentSubject() const;
    std::optional<double> currentValue() const;
    // The secret store entries the stored flows name, by parameter key (to reuse, e.g. an SMTP server).
    void readKnownSecretRefs();

    Database &m_db;
    AuthSession *m_session;
    InstanceRequests *m_requests;
    Flow m_loaded;
    std::optional<InstanceCatalogue> m_catalogue;
    QPointer<CatalogueJob> m_catalogueJob; // loading
    QPointer<FiringJob> m_testJob;         // starting
    QString m_testFiringId;
    bool m_busy = false;
    bool m_valid = false;
    QStringList m_problems;

    QLabel *m_title;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QCheckBox *m_enabled;
    QComboBox *m_trigger;
    QLabel *m_triggerDescription;
    QLabel *m_triggerLimits;
    QFormLayout *m_triggerForm;
    QLabel *m_subjectLabel;
    QComboBox *m_subject;
    QLabel *m_subjectError;
    QLabel *m_thresholdLabel;
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
    QListWidget *m_steps;
    QStackedWidget *m_stepStack;
    QToolButton *m_addStep;
    QPushButton *m_removeStep;
    QPushButton *m_stepUp;
    QPushButton *m_stepDown;
    QLabel *m_stepsError;
    QLabel *m_testResults;
    QLabel *m_saveError;
    QPushButton *m_testButton;
    QPushButton *m_cancelButton;
    QPushButton *m_saveButton;
    QHash<QString, QStringList> m_knownSecretRefs; // read once per edit, and after each save
    QStringList m_writtenSecrets;                  // entries storeSecrets() wrote during this edit
    QList<StepKind> m_testSteps;                   // of the flow as it was test-fired
    QStringList m_testLines;                       // one per step, then the outcome
};
