#include "triggerlogdetails.h"

#include "common/fonts.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlogstatusdelegate.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString runStatusText(const QString &status)
{
    if (status == StepRun::succeeded())
        return TriggerLogDetails::tr("Succeeded");
    if (status == StepRun::failed())
        return TriggerLogDetails::tr("Failed");
    if (status == StepRun::running())
        return TriggerLogDetails::tr("Running");
    return TriggerLogDetails::tr("Waiting");
}

QString durationText(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid())
        return {};
    const qint64 ms = start.msecsTo(end);
    return ms < 1000 ? TriggerLogDetails::tr("%1 ms").arg(ms)
                     : TriggerLogDetails::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TriggerLogDetails::TriggerLogDetails(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(tr("Select a firing to see its payload and the outcome of each step."), this))
    , m_title(new QLabel(this))
    , m_occurred(valueLabel(this, QStringLiteral("occurredLabel")))
    , m_detected(valueLabel(this, QStringLiteral("detectedLabel")))
    , m_caughtUp(valueLabel(this, QStringLiteral("caughtUpLabel")))
    , m_firingIdLabel(valueLabel(this, QStringLiteral("firingIdLabel")))
    , m_payload(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(tr("Copy"), this))
    , m_steps(new QTextBrowser(this))
{
    setAccessibleName(tr("Firing details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholderLabel"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget(m_stack);
    auto *layout = new QGridLayout(content);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setHorizontalSpacing(24);
    layout->setVerticalSpacing(6);
    m_title->setObjectName(QStringLiteral("detailsTitleLabel"));
    m_title->setTextFormat(Qt::PlainText); // flow and subject names are data, never markup
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Fonts::emphasize(m_title, Fonts::kHeading);
    layout->addWidget(m_title, 0, 0, 1, 2);

    auto *times = new QFormLayout;
    times->setContentsMargins(0, 0, 0, 0);
    times->setHorizontalSpacing(12);
    times->setVerticalSpacing(2);
    times->addRow(tr("Occurred:"), m_occurred);
    times->addRow(tr("Detected:"), m_detected);
    times->addRow(tr("Caught up:"), m_caughtUp);
    times->addRow(tr("Firing id:"), m_firingIdLabel);
    layout->addLayout(times, 1, 0, 1, 2);

    auto *payloadHeader = new QHBoxLayout;
    auto *payloadLabel = new QLabel(tr("Payload"), content);
    Fonts::emphasize(payloadLabel);
    payloadHeader->addWidget(payloadLabel);
    payloadHeader->addStretch(1);
    m_copyButton->setObjectName(QStringLiteral("copyPayloadButton"));
    m_copyButton->setAccessibleName(tr("Copy the payload"));
    payloadHeader->addWidget(m_copyButton);
    layout->addLayout(payloadHeader, 2, 0);
    m_payload->setObjectName(QStringLiteral("payloadEdit"));
    m_payload->setAccessibleName(tr("Payload"));
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_payload, 3, 0);

    auto *stepsLabel = new QLabel(tr("Steps"), content);
    Fonts::emphasize(stepsLabel);
    // Same height as the Copy button's row, so both boxes start on one line.
    stepsLabel->setMinimumHeight(m_copyButton->sizeHint().height());
    layout->addWidget(stepsLabel, 2, 1);
    m_steps->setObjectName(QStringLiteral("stepsBrowser"));
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setOpenLinks(false);
    layout->addWidget(m_steps, 3, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(3, 1);
    m_stack->addWidget(content);

    connect(m_copyButton, &QPushButton::clicked, this, &TriggerLogDetails::copyPayload);
    clear();
}

void TriggerLogDetails::clear()
{
    m_firingId.clear();
    m_stepsHtml.clear();
    m_deliveriesHtml.clear();
    m_payload->clear();
    m_steps->clear();
    m_stack->setCurrentWidget(m_placeholder);
}

QString TriggerLogDetails::payloadText() const
{
    return m_payload->toPlainText();
}

QString TriggerLogDetails::stepsText() const
{
    return m_steps->toPlainText();
}

void TriggerLogDetails::copyPayload()
{
    QGuiApplication::clipboard()->setText(m_payload->toPlainText());
}

void TriggerLogDetails::showFiring(const TriggerLogRecord &record, const QList<StepRun> &runs,
                                   const QStringList &stepNames, int stepCount)
{
    if (record.id != m_firingId)
        m_deliveriesHtml.clear();
    m_firingId = record.id;
    QString title = record.flowName + QStringLiteral(" — ") + Trigger::displayName(record.trigger);
    if (!record.subject.isEmpty())
        title += QStringLiteral(" · ") + record.subject;
    if (record.test)
        title += QStringLiteral(" · ") + tr("test");
    m_title->setText(title);
    m_occurred->setText(record.occurredAt.isValid() ? TriggerLogModel::timeText(record.occurredAt)
                                                    : tr("Unknown"));
    m_detected->setText(TriggerLogModel::timeText(record.detectedAt));
    m_caughtUp->setText(record.caughtUp ? tr("Yes — found by catch-up after the connector was away")
                                        : tr("No"));
    m_firingIdLabel->setText(record.id);
    const QJsonObject payload = record.payloadObject();
    m_payload->setPlainText(
        QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)).trimmed());

    // The steps: every attempt, in order.
    const int total = qMax(record.totalSteps(stepCount), int(stepNames.size()));
    QString html;
    if (total == 0)
        html = u"<p>" + tr("This flow has no steps.").toHtmlEscaped() + u"</p>";
    const QPalette pal = palette();
    for (int step = 0; step < total; ++step) {
        QString heading = tr("Step %1").arg(step + 1);
        if (step < stepNames.size())
            heading += QStringLiteral(" · ") + stepNames.at(step);
        html += u"<p style=\"margin-top:8px\"><b>" + heading.toHtmlEscaped() + u"</b></p>";
        bool any = false;
        for (const StepRun &run : runs) {
            if (run.stepIndex != step)
                continue;
            any = true;
            QStringList facts{run.resubmission > 0
                                  ? tr("Attempt %1 (resubmission %2)").arg(run.attempt).arg(run.resubmission)
                                  : tr("Attempt %1").arg(run.attempt),
                              runStatusText(run.status)};
            if (run.httpStatus != 0)
                facts << tr("HTTP %1").arg(run.httpStatus);
            if (run.startedAt.isValid())
                facts << tr("started %1").arg(TriggerLogModel::timeText(run.startedAt));
            if (const QString duration = durationText(run.startedAt, run.finishedAt); !duration.isEmpty())
                facts << tr("took %1").arg(duration);
            const auto status = run.status == StepRun::succeeded() ? TriggerLogRecord::Status::Succeeded
                                : run.status == StepRun::failed()  ? TriggerLogRecord::Status::Failed
                                                                   : TriggerLogRecord::Status::Running;
            const QString color = TriggerLogStatusDelegate::color(status, pal).name();
            html += u"<p style=\"margin-left:12px; margin-bottom:2px\"><span style=\"color:" + color +
                    u"\">" + facts.join(QStringLiteral(" · ")).toHtmlEscaped() + u"</span></p>";
            if (!run.detail.isEmpty()) {
                html += u"<pre style=\"margin-left:24px; margin-top:0px; white-space:pre-wrap\">" +
                        run.detail.toHtmlEscaped() + u"</pre>";
            }
        }
        if (!any)
            html += u"<p style=\"margin-left:12px\">" + tr("Not started").toHtmlEscaped() + u"</p>";
    }
    m_stepsHtml = html;
    m_steps->setHtml(m_stepsHtml + m_deliveriesHtml);
    m_stack->setCurrentIndex(1);
}

void TriggerLogDetails::showDeliveries(const QList<SandboxControl::Delivery> &deliveries)
{
    if (m_firingId.isEmpty())
        return;
    QString html;
    if (!deliveries.isEmpty()) {
        html =
            u"<p style=\"margin-top:12px\"><b>" + tr("Received by the sandbox").toHtmlEscaped() + u"</b></p>";
        for (const SandboxControl::Delivery &delivery : deliveries) {
            const QString where = delivery.kind == SandboxControl::Delivery::Kind::TeamsMessage
                                      ? tr("Teams channel \"%1\" at %2")
                                      : tr("Email to %1 at %2");
            html += u"<p style=\"margin-left:12px; margin-bottom:2px\">" +
                    where.arg(delivery.recipient, TriggerLogModel::timeText(delivery.receivedAt))
                        .toHtmlEscaped() +
                    u"</p><pre style=\"margin-left:24px; margin-top:0px; white-space:pre-wrap\"><b>" +
                    delivery.title.toHtmlEscaped() + u"</b>\n" + delivery.text.toHtmlEscaped() + u"</pre>";
        }
    }
    if (html == m_deliveriesHtml)
        return;
    m_deliveriesHtml = html;
    m_steps->setHtml(m_stepsHtml + m_deliveriesHtml);
}
