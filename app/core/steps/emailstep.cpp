#include "emailstep.h"

#include "mimemessage.h"

#include <QJsonArray>
#include <QMutex>
#include <QThreadPool>

// What the pool's task shares with the step: the step may go away while libcurl still runs.
struct EmailStep::Shared
{
    QMutex mutex;
    EmailStep *step = nullptr; // null once the step is gone
    std::atomic<bool> cancel = false;
};

namespace {

QStringList addressTexts(const QJsonValue &value)
{
    QStringList texts;
    if (value.isString())
        texts.append(value.toString());
    for (const QJsonValue &element : value.toArray())
        texts.append(element.toString());
    return texts;
}

bool parseAddresses(const QJsonValue &value, const TemplateContext &context, QList<MailAddress> *out,
                    QString *error)
{
    for (const QString &text : addressTexts(value)) {
        const QString rendered = TemplateEngine::render(text, context, TemplateEngine::Mode::Text);
        const std::optional<MailAddress> address = MailAddress::parse(rendered);
        if (!address) {
            *error = EmailStep::tr("\"%1\" is not a valid email address.").arg(rendered);
            return false;
        }
        out->append(*address);
    }
    return true;
}

} // namespace

EmailStep::~EmailStep()
{
    if (m_shared) {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->step = nullptr;
        m_shared->cancel = true;
    }
}

std::optional<MimeMessage> EmailStep::message(const QJsonObject &parameters, const TemplateContext &context,
                                              const QString &from, QString *error)
{
    MimeMessage message;
    const std::optional<MailAddress> sender = MailAddress::parse(from);
    if (!sender) {
        *error = from.isEmpty()
                     ? tr("No sender address is set up for email (the \"from\" of the SMTP server).")
                     : tr("The sender \"%1\" is not a valid email address.").arg(from);
        return std::nullopt;
    }
    message.from = *sender;
    if (!parseAddresses(parameters.value(QLatin1String("to")), context, &message.to, error) ||
        !parseAddresses(parameters.value(QLatin1String("cc")), context, &message.cc, error))
        return std::nullopt;
    if (message.to.isEmpty()) {
        *error = tr("The email has no recipient.");
        return std::nullopt;
    }
    message.subject = TemplateEngine::render(parameters.value(QLatin1String("subject")).toString(), context,
                                             TemplateEngine::Mode::Text);
    message.textBody = TemplateEngine::render(parameters.value(QLatin1String("textBody")).toString(), context,
                                              TemplateEngine::Mode::Text);
    message.htmlBody = TemplateEngine::render(parameters.value(QLatin1String("htmlBody")).toString(), context,
                                              TemplateEngine::Mode::Html);
    return message;
}

void EmailStep::start()
{
    SmtpSettings settings = m_input.smtp ? *m_input.smtp : SmtpSettings();
    QString error;
    const QString password = settings.applySecret(m_input.secret(QStringLiteral("smtpSecretRef")), &error);
    if (!error.isEmpty())
        return finish(StepOutcome::permanent(0, error));
    if (settings.host.isEmpty())
        return finish(StepOutcome::permanent(0, tr("No SMTP server is set up for sending email.")));
    if (!m_input.blockingPool)
        return finish(StepOutcome::permanent(0, tr("Email cannot be sent: no worker for SMTP.")));
    const QString from = settings.from.isEmpty() ? settings.user : settings.from;
    std::optional<MimeMessage> mail = message(m_input.step.parameters, m_input.context, from, &error);
    if (!mail)
        return finish(StepOutcome::permanent(0, error));
    mail->date = QDateTime::currentDateTimeUtc();

    QStringList recipients;
    for (const MailAddress &address : std::as_const(mail->to) + std::as_const(mail->cc))
        recipients.append(address.address);
    m_shared = std::make_shared<Shared>();
    m_shared->step = this;
    const QByteArray data = mail->toBytes();
    const QString fromAddress = mail->from.address;
    m_input.blockingPool->start([shared = m_shared, settings, password, fromAddress, recipients, data] {
        const SmtpResult result =
            SmtpClient::send(settings, password, fromAddress, recipients, data, &shared->cancel);
        QMutexLocker locker(&shared->mutex);
        if (EmailStep *step = shared->step)
            QMetaObject::invokeMethod(
                step, [step, result] { step->handleResult(result); }, Qt::QueuedConnection);
    });
}

void EmailStep::handleResult(const SmtpResult &result)
{
    if (result.ok())
        return finish(StepOutcome::succeeded(result.replyCode, result.message()));
    finish(result.isTemporary() ? StepOutcome::retryable(result.replyCode, result.message())
                                : StepOutcome::permanent(result.replyCode, result.message()));
}
