#include "stepeditors.h"

#include "cimodels.h"
#include "common/fielderror.h"
#include "templateengine.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const QString kWebhook = QStringLiteral("webhookSecretRef");
const QString kSmtp = QStringLiteral("smtpSecretRef");
const QString kSigning = QStringLiteral("signingSecretRef");

// The unknown placeholders of a text as one sentence, empty when there are none.
QString placeholderProblem(const QStringList &unknown)
{
    if (unknown.isEmpty())
        return {};
    return StepEditor::tr("Unknown placeholder: %1. Use the { } menu to insert a known one.")
        .arg(unknown.join(QStringLiteral(", ")));
}

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

QPlainTextEdit *textArea(int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() + 8);
    return edit;
}

QToolButton *placeholderButton(QWidget *parent, std::function<void(const QString &)> insert)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("placeholderButton"));
    button->setText(QStringLiteral("{ }"));
    button->setToolTip(StepEditor::tr("Insert a placeholder"));
    button->setAccessibleName(StepEditor::tr("Insert a placeholder"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    for (const QString &name : TemplateEngine::placeholders()) {
        const QString placeholder = QStringLiteral("{{%1}}").arg(name);
        menu->addAction(placeholder, button, [insert, placeholder] { insert(placeholder); });
    }
    button->setMenu(menu);
    return button;
}

} // namespace

// --- StepEditor ----------------------------------------------------------------------------------------

StepEditor *StepEditor::create(StepKind kind, QWidget *parent)
{
    switch (kind) {
    case StepKind::TeamsMessage:
        return new TeamsStepEditor(parent);
    case StepKind::Email:
        return new EmailStepEditor(parent);
    case StepKind::HttpCall:
        return new HttpStepEditor(parent);
    case StepKind::GetItems:
        return new GetItemsStepEditor(parent);
    }
    return nullptr;
}

StepEditor::StepEditor(StepKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_form(new QFormLayout)
    , m_generalError(FieldError::create(QStringLiteral("stepError"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading =
        new QLabel(QStringLiteral("<b>%1</b>").arg(Step::displayName(kind).toHtmlEscaped()), this);
    layout->addWidget(heading);
    auto *description = new QLabel(Step::description(kind), this);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(m_form);
    layout->addWidget(m_generalError);
    layout->addStretch(1);
}

void StepEditor::addRow(const QString &label, QWidget *field, const QString &key)
{
    auto *cell = new QWidget(this);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    QLabel *error = FieldError::create(key + QStringLiteral("Error"), cell);
    layout->addWidget(error);
    m_errorLabels.insert(key, error);
    m_form->addRow(label, cell);
}

QWidget *StepEditor::withPlaceholders(QLineEdit *field)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(placeholderButton(row, [field](const QString &text) {
        field->insert(text);
        field->setFocus();
    }));
    return row;
}

QWidget *StepEditor::withPlaceholders(QPlainTextEdit *field)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(placeholderButton(row,
                                        [field](const QString &text) {
                                            field->insertPlainText(text);
                                            field->setFocus();
                                        }),
                      0, Qt::AlignTop);
    return row;
}

QLineEdit *StepEditor::addSecretRow(const QString &label, const QString &key, const QString &hint)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(key);
    field->setEchoMode(QLineEdit::Password);
    field->setToolTip(hint);
    field->setClearButtonEnabled(true);
    m_secretFields.insert(key, field);
    watch(field);
    addRow(label, field, key);
    return field;
}

void StepEditor::watch(QLineEdit *field)
{
    connect(field, &QLineEdit::textChanged, this, &StepEditor::changed);
}

void StepEditor::watch(QPlainTextEdit *field)
{
    connect(field, &QPlainTextEdit::textChanged, this, &StepEditor::changed);
}

void StepEditor::watch(QComboBox *field)
{
    connect(field, &QComboBox::currentTextChanged, this, &StepEditor::changed);
}

void StepEditor::watch(QSpinBox *field)
{
    connect(field, &QSpinBox::valueChanged, this, &StepEditor::changed);
}

void StepEditor::setStep(const Step &step)
{
    Q_ASSERT(step.kind == m_kind);
    const QSignalBlocker blocker(this);
    m_secretRefs.clear();
    for (const QString &key : Step::secretRefKeys(m_kind)) {
        const QString ref = step.parameters.value(key).toString();
        if (!ref.isEmpty())
            m_secretRefs.insert(key, ref);
    }
    for (auto it = m_secretFields.cbegin(); it != m_secretFields.cend(); ++it) {
        it.value()->clear();
        it.value()->setPlaceholderText(m_secretRefs.contains(it.key())
                                           ? tr("Stored in the system secret store. Type to replace it.")
                                           : QString());
    }
    load(step.parameters);
}

Step StepEditor::step() const
{
    QJsonObject parameters = this->parameters();
    for (auto it = m_secretRefs.cbegin(); it != m_secretRefs.cend(); ++it)
        parameters.insert(it.key(), it.value());
    return Step{m_kind, parameters};
}

QHash<QString, QString> StepEditor::enteredSecrets() const
{
    QHash<QString, QString> secrets;
    for (auto it = m_secretFields.cbegin(); it != m_secretFields.cend(); ++it) {
        if (!it.value()->text().trimmed().isEmpty())
            secrets.insert(it.key(), it.value()->text().trimmed());
    }
    return secrets;
}

void StepEditor::setSecretRef(const QString &key, const QString &ref)
{
    m_secretRefs.insert(key, ref);
    if (QLineEdit *field = m_secretFields.value(key)) {
        const QSignalBlocker blocker(field);
        field->clear();
        field->setPlaceholderText(tr("Stored in the system secret store. Type to replace it."));
    }
    emit changed();
}

QHash<QString, QString> StepEditor::problems() const
{
    QHash<QString, QString> problems;
    const QJsonObject parameters = step().parameters;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (Step::isSecretRefKey(it.key()))
            continue;
        const QString problem =
            placeholderProblem(it.value().isString() ? TemplateEngine::validate(it.value().toString())
                                                     : TemplateEngine::validateJson(it.value()));
        if (!problem.isEmpty())
            problems.insert(it.key(), problem);
    }
    return problems;
}

void StepEditor::showErrors(const QHash<QString, QString> &errors)
{
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it)
        FieldError::show(it.value(), errors.value(it.key()));
    QStringList general;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!m_errorLabels.contains(it.key()))
            general.append(it.value());
    }
    FieldError::show(m_generalError, general.join(u'\n'));
}

void StepEditor::setEntities(const QList<CiEntity> &) {}

void StepEditor::setKnownSecretRefs(const QStringList &) {}

// --- Teams ----------------------------------------------------------------------------------------------

TeamsStepEditor::TeamsStepEditor(QWidget *parent)
    : StepEditor(StepKind::TeamsMessage, parent)
    , m_title(new QLineEdit(this))
    , m_text(textArea(5, this))
{
    m_webhook = addSecretRow(tr("Webhook URL"), kWebhook,
                             tr("The incoming webhook URL of the Teams channel (Channel > Connectors or "
                                "Workflows). It is kept in the system secret store, never in the flow."));
    m_webhook->setPlaceholderText(QStringLiteral("https://contoso.webhook.office.com/…"));
    m_title->setObjectName(QStringLiteral("title"));
    m_text->setObjectName(QStringLiteral("text"));
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

// --- Email ----------------------------------------------------------------------------------------------

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
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setPlaceholderText(tr("owner@contoso.com, team@contoso.com"));
    m_cc->setObjectName(QStringLiteral("cc"));
    m_subject->setObjectName(QStringLiteral("subject"));
    m_body->setObjectName(QStringLiteral("textBody"));
    for (QLineEdit *field : {m_to, m_cc, m_subject})
        watch(field);
    watch(m_body);
    addRow(tr("To"), m_to, QStringLiteral("to"));
    addRow(tr("Cc"), m_cc, QStringLiteral("cc"));
    addRow(tr("Subject"), withPlaceholders(m_subject), QStringLiteral("subject"));
    addRow(tr("Message"), withPlaceholders(m_body), QStringLiteral("textBody"));

    m_server->setObjectName(QStringLiteral("smtpServer"));
    m_server->addItem(tr("New SMTP server…"));
    addRow(tr("SMTP server"), m_server, kSmtp);
    connect(m_server, &QComboBox::currentIndexChanged, this, [this] {
        updateServerFields();
        emit changed();
    });

    // A new server: its settings and password go to the secret store as one entry.
    auto *serverForm = new QFormLayout(m_serverFields);
    serverForm->setContentsMargins(0, 0, 0, 0);
    m_host->setObjectName(QStringLiteral("smtpHost"));
    m_host->setPlaceholderText(QStringLiteral("smtp.office365.com"));
    m_port->setObjectName(QStringLiteral("smtpPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Default for the security"));
    m_security->setObjectName(QStringLiteral("smtpSecurity"));
    m_security->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS (port 465)"), QStringLiteral("smtps"));
    m_security->addItem(tr("None: a local relay only (port 25)"), QStringLiteral("none"));
    m_user->setObjectName(QStringLiteral("smtpUser"));
    m_user->setPlaceholderText(tr("Leave empty when the server needs no sign-in"));
    m_password->setObjectName(QStringLiteral("smtpPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_from->setObjectName(QStringLiteral("smtpFrom"));
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

// --- HTTP -----------------------------------------------------------------------------------------------

HttpStepEditor::HttpStepEditor(QWidget *parent)
    : StepEditor(StepKind::HttpCall, parent)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_headers(textArea(3, this))
    , m_body(textArea(6, this))
{
    m_method->setObjectName(QStringLiteral("method"));
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("GET"), QStringLiteral("DELETE")});
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(QStringLiteral("https://example.com/hooks/insights"));
    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->setPlaceholderText(tr("One per line, e.g. X-Team: data"));
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setPlaceholderText(QStringLiteral("{\"segment\": \"{{subject}}\", \"members\": \"{{value}}\"}"));
    QFont mono = m_body->font();
    mono.setStyleHint(QFont::Monospace);
    mono.setFamily(QStringLiteral("monospace"));
    m_body->setFont(mono);
    watch(m_method);
    watch(m_url);
    watch(m_headers);
    watch(m_body);
    addRow(tr("Method"), m_method, QStringLiteral("method"));
    addRow(tr("URL"), withPlaceholders(m_url), QStringLiteral("url"));
    addRow(tr("Headers"), m_headers, QStringLiteral("headers"));
    addRow(tr("JSON body"), withPlaceholders(m_body), QStringLiteral("body"));
    m_signingSecret = addSecretRow(tr("Signing secret"), kSigning,
                                   tr("Optional. When set, each request carries an HMAC-SHA256 signature of "
                                      "its body made with this key. Kept in the system secret store."));
}

void HttpStepEditor::load(const QJsonObject &parameters)
{
    const int method =
        m_method->findText(parameters.value(QLatin1String("method")).toString(QStringLiteral("POST")));
    m_method->setCurrentIndex(std::max(0, method));
    m_url->setText(parameters.value(QLatin1String("url")).toString());
    QStringList headers;
    const QJsonObject object = parameters.value(QLatin1String("headers")).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        headers.append(it.key() + QStringLiteral(": ") + it.value().toString());
    m_headers->setPlainText(headers.join(u'\n'));
    const QJsonValue body = parameters.value(QLatin1String("body"));
    m_body->setPlainText(
        body.isUndefined() ? QString()
        : body.isObject()  ? QString::fromUtf8(QJsonDocument(body.toObject()).toJson())
        : body.isArray()   ? QString::fromUtf8(QJsonDocument(body.toArray()).toJson())
                           : QString::fromUtf8(QJsonDocument(QJsonArray{body}).toJson(QJsonDocument::Compact))
                               .mid(1)
                               .chopped(1));
}

QJsonObject HttpStepEditor::parameters() const
{
    QJsonObject parameters{{QStringLiteral("method"), m_method->currentText()},
                           {QStringLiteral("url"), m_url->text().trimmed()}};
    QJsonObject headers;
    for (const QString &line : m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0)
            headers.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    if (!headers.isEmpty())
        parameters.insert(QStringLiteral("headers"), headers);
    // A body that is not JSON yet is kept out of the step; problems() says why.
    const QByteArray body = m_body->toPlainText().trimmed().toUtf8();
    if (!body.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson("[" + body + "]");
        if (document.isArray() && document.array().size() == 1)
            parameters.insert(QStringLiteral("body"), document.array().first());
    }
    return parameters;
}

QHash<QString, QString> HttpStepEditor::problems() const
{
    QHash<QString, QString> problems = StepEditor::problems();
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (m_url->text().trimmed().isEmpty())
        problems.insert(QStringLiteral("url"), tr("Enter the URL to call."));
    else if (!url.isValid() ||
             (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
             url.host().isEmpty())
        problems.insert(QStringLiteral("url"), tr("Enter an http:// or https:// URL."));
    const QStringList lines = m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).indexOf(u':') <= 0 && !lines.at(i).trimmed().isEmpty()) {
            problems.insert(QStringLiteral("headers"),
                            tr("Line %1 is not a header: write it as Name: value.").arg(i + 1));
            break;
        }
    }
    const QByteArray body = m_body->toPlainText().trimmed().toUtf8();
    if (!body.isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson("[" + body + "]", &error);
        if (error.error != QJsonParseError::NoError)
            problems.insert(QStringLiteral("body"), tr("The body is not valid JSON: %1 at character %2.")
                                                        .arg(error.errorString())
                                                        .arg(std::max(1, error.offset)));
    }
    return problems;
}

// --- Get items ------------------------------------------------------------------------------------------

GetItemsStepEditor::GetItemsStepEditor(QWidget *parent)
    : StepEditor(StepKind::GetItems, parent)
    , m_entity(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_select(new QLineEdit(this))
    , m_orderBy(new QLineEdit(this))
    , m_limit(new QSpinBox(this))
    , m_previewButton(new QPushButton(tr("Preview"), this))
    , m_previewStatus(new QLabel(this))
    , m_preview(new QTableWidget(this))
{
    m_entity->setObjectName(QStringLiteral("entity"));
    m_entity->setEditable(true);
    m_entity->setInsertPolicy(QComboBox::NoInsert);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(QStringLiteral("Country eq 'Denmark'"));
    m_select->setObjectName(QStringLiteral("select"));
    m_select->setPlaceholderText(tr("Columns, separated by commas (all when empty)"));
    m_orderBy->setObjectName(QStringLiteral("orderBy"));
    m_orderBy->setPlaceholderText(QStringLiteral("LastName asc"));
    m_limit->setObjectName(QStringLiteral("limit"));
    m_limit->setRange(1, 10000);
    m_limit->setValue(100);
    watch(m_entity);
    for (QLineEdit *field : {m_filter, m_select, m_orderBy})
        watch(field);
    watch(m_limit);
    addRow(tr("Entity"), m_entity, QStringLiteral("entity"));
    addRow(tr("Filter"), withPlaceholders(m_filter), QStringLiteral("filter"));
    addRow(tr("Columns"), m_select, QStringLiteral("select"));
    addRow(tr("Order by"), m_orderBy, QStringLiteral("orderBy"));
    addRow(tr("Row limit"), m_limit, QStringLiteral("limit"));

    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    m_previewStatus->setTextFormat(Qt::PlainText);
    auto *previewRow = new QWidget(this);
    auto *previewLayout = new QHBoxLayout(previewRow);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewButton);
    previewLayout->addWidget(m_previewStatus, 1);
    form()->addRow(QString(), previewRow);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->setMinimumHeight(m_preview->fontMetrics().height() * 8);
    form()->addRow(QString(), m_preview);
    form()->setRowVisible(m_preview, false);
    connect(m_previewButton, &QPushButton::clicked, this, [this] {
        m_previewStatus->setText(tr("Loading the first rows…"));
        m_previewButton->setEnabled(false);
        emit previewRequested(step());
    });
}

void GetItemsStepEditor::setEntities(const QList<CiEntity> &entities)
{
    const QString current = m_entity->currentText();
    const QSignalBlocker blocker(m_entity);
    m_entity->clear();
    for (const CiEntity &entity : entities) {
        const QString label = entity.dataSourceName.isEmpty()
                                  ? entity.name
                                  : tr("%1 (from %2)").arg(entity.name, entity.dataSourceName);
        m_entity->addItem(label, entity.qualifiedName.isEmpty() ? entity.name : entity.qualifiedName);
    }
    const int index = m_entity->findData(current);
    if (index >= 0)
        m_entity->setCurrentIndex(index);
    else
        m_entity->setEditText(current);
}

void GetItemsStepEditor::showPreview(const QList<QJsonObject> &rows)
{
    m_previewButton->setEnabled(true);
    const QStringList columns = TemplateEngine::columns(rows);
    m_preview->clear();
    m_preview->setColumnCount(int(columns.size()));
    m_preview->setRowCount(int(rows.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < columns.size(); ++column)
            m_preview->setItem(
                row, column,
                new QTableWidgetItem(TemplateEngine::cellText(rows.at(row).value(columns.at(column)))));
    }
    m_preview->resizeColumnsToContents();
    form()->setRowVisible(m_preview, !rows.isEmpty());
    m_previewStatus->setText(rows.isEmpty() ? tr("No rows match.")
                                            : tr("The first %n row(s):", nullptr, int(rows.size())));
}

void GetItemsStepEditor::showPreviewError(const QString &message)
{
    m_previewButton->setEnabled(true);
    form()->setRowVisible(m_preview, false);
    m_previewStatus->setText(message);
}

void GetItemsStepEditor::load(const QJsonObject &parameters)
{
    const QString entity = parameters.value(QLatin1String("entity")).toString();
    const int index = m_entity->findData(entity);
    if (index >= 0)
        m_entity->setCurrentIndex(index);
    else
        m_entity->setEditText(entity);
    m_filter->setText(parameters.value(QLatin1String("filter")).toString());
    m_select->setText(parameters.value(QLatin1String("select")).toString());
    m_orderBy->setText(parameters.value(QLatin1String("orderBy")).toString());
    m_limit->setValue(parameters.value(QLatin1String("limit")).toInt(100));
}

QJsonObject GetItemsStepEditor::parameters() const
{
    const int index = m_entity->currentIndex();
    const QString entity = index >= 0 && m_entity->itemText(index) == m_entity->currentText()
                               ? m_entity->itemData(index).toString()
                               : m_entity->currentText().trimmed();
    QJsonObject parameters{{QStringLiteral("entity"), entity}, {QStringLiteral("limit"), m_limit->value()}};
    if (!m_filter->text().trimmed().isEmpty())
        parameters.insert(QStringLiteral("filter"), m_filter->text().trimmed());
    if (!m_select->text().trimmed().isEmpty())
        parameters.insert(QStringLiteral("select"), m_select->text().trimmed());
    if (!m_orderBy->text().trimmed().isEmpty())
        parameters.insert(QStringLiteral("orderBy"), m_orderBy->text().trimmed());
    return parameters;
}
