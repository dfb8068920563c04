#include "emailstepeditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace {

const QString kSmtp = QStringLiteral("smtpSecretRef");

QStringList splitAddresses(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QString joinArray(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list.join(QStringLiteral(", "));
}

} // namespace

EmailStepEditor::EmailStepEditor(QWidget *parent)
    : StepEditor(StepKind::Email, parent)
    , m_to(new QLineEdit(this))
    , m_cc(new QLineEdit(this))
    , m_subject(new QLineEdit(this))
    , m_body(textArea(6, this))
    , m_server(new QComboBox(this))
    , m_serverFields(new QWidget(this))
    , m_host(new QLineEdit(m_serverFields))
    , m_port(new QSpinBox(m_serverFields))
    , m_security(new QComboBox(m_serverFields))
    , m_user(new QLineEdit(m_serverFields))
    , m_password(new QLineEdit(m_serverFields))
    , m_from(new QLineEdit(m_serverFields))
{
    m_to->setObjectName(QStringLiteral("toLineEdit"));
    m_to->setPlaceholderText(tr("owner@contoso.com, team@contoso.com"));
    m_cc->setObjectName(QStringLiteral("ccLineEdit"));
    m_subject->setObjectName(QStringLiteral("subjectLineEdit"));
    m_body->setObjectName(QStringLiteral("textBodyPlainTextEdit"));
    for (QLineEdit *field : {m_to, m_cc, m_subject})
        watch(field);
    watch(m_body);
    addRow(tr("To"), m_to, QStringLiteral("to"));
    addRow(tr("Cc"), m_cc, QStringLiteral("cc"));
    addRow(tr("Subject"), withPlaceholders(m_subject), QStringLiteral("subject"));
    addRow(tr("Message"), withPlaceholders(m_body), QStringLiteral("textBody"));

    m_server->setObjectName(QStringLiteral("smtpServerComboBox"));
    m_server->addItem(tr("New SMTP server…"));
    addRow(tr("SMTP server"), m_server, kSmtp);
    connect(m_server, &QComboBox::currentIndexChanged, this, [this] {
        updateServerFields();
        emit changed();
    });

    // A new server: its settings and password go to the secret store as one entry.
    auto *serverForm = new QFormLayout(m_serverFields);
    serverForm->setContentsMargins(0, 0, 0, 0);
    m_host->setObjectName(QStringLiteral("smtpHostLineEdit"));
    m_host->setPlaceholderText(QStringLiteral("smtp.office365.com"));
    m_port->setObjectName(QStringLiteral("smtpPortSpinBox"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Default for the security"));
    m_security->setObjectName(QStringLiteral("smtpSecurityComboBox"));
    m_security->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS (port 465)"), QStringLiteral("smtps"));
    m_security->addItem(tr("None: a local relay only (port 25)"), QStringLiteral("none"));
    m_user->setObjectName(QStringLiteral("smtpUserLineEdit"));
    m_user->setPlaceholderText(tr("Leave empty when the server needs no sign-in"));
    m_password->setObjectName(QStringLiteral("smtpPasswordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_from->setObjectName(QStringLiteral("smtpFromLineEdit"));
    m_from->setPlaceholderText(tr("Insights Admin <alerts@contoso.com>"));
    serverForm->addRow(tr("Server"), m_host);
    serverForm->addRow(tr("Port"), m_port);
    serverForm->addRow(tr("Security"), m_security);
    serverForm->addRow(tr("User name"), m_user);
    serverForm->addRow(tr("Password"), m_password);
    serverForm->addRow(tr("From"), m_from);
    for (QLineEdit *field : {m_host, m_user, m_password, m_from})
        watch(field);
    watch(m_port);
    watch(m_security);
    form()->addRow(QString(), m_serverFields);
}

void EmailStepEditor::setKnownSecretRefs(const QStringList &refs)
{
    const QSignalBlocker blocker(m_server);
    const QString current = m_server->currentData().toString();
    while (m_server->count() > 1)
        m_server->removeItem(0);
    QStringList entries = refs;
    if (!current.isEmpty() && !entries.contains(current))
        entries.append(current);
    for (const QString &ref : std::as_const(entries))
        m_server->insertItem(m_server->count() - 1, ref, ref);
    const int index = m_server->findData(current);
    m_server->setCurrentIndex(index >= 0 ? index : m_server->count() - 1);
    updateServerFields();
}

void EmailStepEditor::updateServerFields()
{
    form()->setRowVisible(m_serverFields, m_server->currentData().toString().isEmpty());
}

void EmailStepEditor::load(const QJsonObject &parameters)
{
    m_to->setText(joinArray(parameters.value(QLatin1String("to"))));
    m_cc->setText(joinArray(parameters.value(QLatin1String("cc"))));
    m_subject->setText(parameters.value(QLatin1String("subject")).toString());
    m_body->setPlainText(parameters.value(QLatin1String("textBody")).toString());
    m_loadedHtml = parameters.value(QLatin1String("htmlBody")).toString();
    for (QLineEdit *field : {m_host, m_user, m_password, m_from})
        field->clear();
    m_port->setValue(0);
    m_security->setCurrentIndex(0);
    const QString ref = m_secretRefs.value(kSmtp);
    QStringList known;
    for (int i = 0; i < m_server->count() - 1; ++i)
        known.append(m_server->itemData(i).toString());
    m_secretRefs.remove(kSmtp); // the combo box holds the server
    setKnownSecretRefs(known);
    const QSignalBlocker blocker(m_server);
    if (!ref.isEmpty()) {
        if (m_server->findData(ref) < 0)
            m_server->insertItem(m_server->count() - 1, ref, ref);
        m_server->setCurrentIndex(m_server->findData(ref));
    } else {
        m_server->setCurrentIndex(m_server->count() - 1);
    }
    updateServerFields();
}

QJsonObject EmailStepEditor::parameters() const
{
    QJsonObject parameters{{QStringLiteral("to"), toArray(splitAddresses(m_to->text()))},
                           {QStringLiteral("subject"), m_subject->text()}};
    const QStringList cc = splitAddresses(m_cc->text());
    if (!cc.isEmpty())
        parameters.insert(QStringLiteral("cc"), toArray(cc));
    if (!m_body->toPlainText().isEmpty())
        parameters.insert(QStringLiteral("textBody"), m_body->toPlainText());
    if (!m_loadedHtml.isEmpty())
        parameters.insert(QStringLiteral("htmlBody"), m_loadedHtml);
    const QString server = m_server->currentData().toString();
    if (!server.isEmpty())
        parameters.insert(kSmtp, server);
    return parameters;
}

QHash<QString, QString> EmailStepEditor::enteredSecrets() const
{
    const QString secret = serverSecret();
    return secret.isEmpty() ? QHash<QString, QString>() : QHash<QString, QString>{{kSmtp, secret}};
}

void EmailStepEditor::setSecretRef(const QString &key, const QString &ref)
{
    Q_ASSERT(key == kSmtp);
    {
        const QSignalBlocker blocker(m_server);
        if (m_server->findData(ref) < 0)
            m_server->insertItem(m_server->count() - 1, ref, ref);
        m_server->setCurrentIndex(m_server->findData(ref));
        for (QLineEdit *field : {m_host, m_user, m_password, m_from})
            field->clear();
        m_port->setValue(0);
        updateServerFields();
    }
    emit changed();
}

QString EmailStepEditor::serverSecret() const
{
    if (!m_server->currentData().toString().isEmpty() || m_host->text().trimmed().isEmpty())
        return {};
    QJsonObject server{{QStringLiteral("host"), m_host->text().trimmed()},
                       {QStringLiteral("security"), m_security->currentData().toString()}};
    if (m_port->value() != 0)
        server.insert(QStringLiteral("port"), m_port->value());
    if (!m_user->text().trimmed().isEmpty())
        server.insert(QStringLiteral("user"), m_user->text().trimmed());
    if (!m_password->text().isEmpty())
        server.insert(QStringLiteral("password"), m_password->text());
    if (!m_from->text().trimmed().isEmpty())
        server.insert(QStringLiteral("from"), m_from->text().trimmed());
    return QString::fromUtf8(QJsonDocument(server).toJson(QJsonDocument::Compact));
}

QHash<QString, QString> EmailStepEditor::problems() const
{
    QHash<QString, QString> problems = StepEditor::problems();
    if (splitAddresses(m_to->text()).isEmpty())
        problems.insert(QStringLiteral("to"), tr("Enter at least one recipient."));
    if (m_subject->text().trimmed().isEmpty())
        problems.insert(QStringLiteral("subject"), tr("Enter a subject."));
    if (m_body->toPlainText().trimmed().isEmpty() && m_loadedHtml.isEmpty())
        problems.insert(QStringLiteral("textBody"), tr("Enter the message."));
    if (m_server->currentData().toString().isEmpty() && m_host->text().trimmed().isEmpty())
        problems.insert(kSmtp, tr("Choose an SMTP server, or enter a new one below."));
    else if (m_server->currentData().toString().isEmpty() && !m_user->text().trimmed().isEmpty() &&
             m_password->text().isEmpty())
        problems.insert(kSmtp, tr("Enter the password of the SMTP user."));
    return problems;
}
