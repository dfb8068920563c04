#include "teamsstepeditor.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QUrl>

namespace {

const QString kWebhook = QStringLiteral("webhookSecretRef");

} // namespace

TeamsStepEditor::TeamsStepEditor(QWidget *parent)
    : StepEditor(StepKind::TeamsMessage, parent)
    , m_title(new QLineEdit(this))
    , m_text(textArea(5, this))
{
    m_webhook = addSecretRow(tr("Webhook URL"), kWebhook,
                             tr("The incoming webhook URL of the Teams channel (Channel > Connectors or "
                                "Workflows). It is kept in the system secret store, never in the flow."));
    m_webhook->setPlaceholderText(QStringLiteral("https://contoso.webhook.office.com/…"));
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_text->setObjectName(QStringLiteral("textPlainTextEdit"));
    watch(m_title);
    watch(m_text);
    addRow(tr("Title"), withPlaceholders(m_title), QStringLiteral("title"));
    addRow(tr("Message"), withPlaceholders(m_text), QStringLiteral("text"));
}

void TeamsStepEditor::load(const QJsonObject &parameters)
{
    m_title->setText(parameters.value(QLatin1String("title")).toString());
    m_text->setPlainText(parameters.value(QLatin1String("text")).toString());
}

QJsonObject TeamsStepEditor::parameters() const
{
    QJsonObject parameters{{QStringLiteral("text"), m_text->toPlainText()}};
    if (!m_title->text().isEmpty())
        parameters.insert(QStringLiteral("title"), m_title->text());
    return parameters;
}

QHash<QString, QString> TeamsStepEditor::problems() const
{
    QHash<QString, QString> problems = StepEditor::problems();
    const QString url = m_webhook->text().trimmed();
    if (url.isEmpty() && !m_secretRefs.contains(kWebhook))
        problems.insert(kWebhook, tr("Enter the webhook URL of the channel."));
    else if (!url.isEmpty() && QUrl(url, QUrl::StrictMode).scheme() != QLatin1String("https") &&
             QUrl(url, QUrl::StrictMode).scheme() != QLatin1String("http"))
        problems.insert(kWebhook, tr("The webhook URL must start with https://."));
    if (m_text->toPlainText().trimmed().isEmpty())
        problems.insert(QStringLiteral("text"), tr("Enter the message to post."));
    return problems;
}
