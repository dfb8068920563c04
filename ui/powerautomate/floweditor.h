#pragma once

#include "flow.h"
#include "flowsservice.h"
#include "instancecatalogue.h"
#include "instancerequests.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class FlowsService;
class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QToolButton;
class StepEditor;
class TriggerEditor;
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
// Save and Test fire first write the secrets typed in the step editors to the secret store (through the
// FlowsService), each under a new entry that the step then names; the flow itself never holds a secret.
// Saving stores the flow through the service (which tells the worker) and emits saved().
class FlowEditor : public QWidget
{
    Q_OBJECT

public:
    // `flows` stores the flows and their secrets; `requests` reads the instance (the Connector, or a test's
    // stand-in). Both must outlive the editor.
    FlowEditor(FlowsService &flows, InstanceRequests *requests, QWidget *parent = nullptr);

    // Starts editing `flow` (id 0: a new flow). Loads the instance's catalogue unless it is already known.
    void edit(const Flow &flow);
    Flow flow() const; // the flow as the fields say now (secrets not stored yet have no entry name)
    qint64 flowId() const { return m_loaded.id; }

    bool isModified() const;
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
    void saved(qint64 flowId);
    void closeRequested(); // Cancel: the pane asks about unsaved changes
    void statusMessage(const QString &message);

private:
    void buildTriggerSection(QWidget *parent);
    void buildStepsSection(QWidget *parent);
    void validate();
    void moveStep(int from, int to);
    void removeStep(int index);
    StepEditor *insertStepEditor(int index, const Step &step);
    void updateStepTitles();
    // The secrets typed in the step editors, not stored yet.
    QList<FlowsService::EnteredSecret> enteredSecrets() const;
    // Names the entries the service wrote in the step editors; false (and the error shown) when it failed.
    bool applySecrets(const FlowsService::SecretsResult &result);
    void fail(const QString &message);
    FlowsService &m_flows;
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
    TriggerEditor *m_triggerEditor;
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
    QList<StepKind> m_testSteps;                   // of the flow as it was test-fired
    QStringList m_testLines;                       // one per step, then the outcome
};
