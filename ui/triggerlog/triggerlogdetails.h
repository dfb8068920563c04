#pragma once

#include "sandboxcontrol.h"
#include "triggerlog/triggerlogrecord.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

// The detail pane of the trigger log: the selected firing's timestamps (occurred, detected, caught up), its
// payload as pretty JSON with Copy, and each step with every attempt: outcome, HTTP status, times and the
// request/response summary or error the step runner recorded (secrets already redacted by the runner). On the
// embedded sandbox it also shows what the sandbox's Teams channel and mail server received from the steps.
class TriggerLogDetails : public QWidget
{
    Q_OBJECT

public:
    explicit TriggerLogDetails(QWidget *parent = nullptr);

    // `stepNames` names the flow's steps ("Post a message to a Teams channel", ...), empty when unknown;
    // `stepCount` is -1 when the flow is unknown.
    void showFiring(const TriggerLogRecord &record, const QList<StepRun> &runs, const QStringList &stepNames,
                    int stepCount);
    void clear();
    QString firingId() const { return m_firingId; }
    // What the sandbox's sinks received while the shown firing's steps ran (SandboxControl::readDeliveries),
    // below the steps; kept until another firing is shown.
    void showDeliveries(const QList<SandboxControl::Delivery> &deliveries);

    QString payloadText() const;
    QString stepsText() const; // the steps section as plain text

public slots:
    void copyPayload();

private:
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_occurred;
    QLabel *m_detected;
    QLabel *m_caughtUp;
    QLabel *m_firingIdLabel;
    QPlainTextEdit *m_payload;
    QPushButton *m_copyButton;
    QTextBrowser *m_steps;
    QString m_firingId;
    QString m_stepsHtml;
    QString m_deliveriesHtml;
};
