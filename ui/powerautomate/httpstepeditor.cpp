#include "httpstepeditor.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QUrl>

namespace {

const QString kSigning = QStringLiteral("signingSecretRef");

} // namespace

HttpStepEditor::HttpStepEditor(QWidget *parent)
    : StepEditor(StepKind::HttpCall, parent)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_headers(textArea(3, this))
    , m_body(textArea(6, this))
{
    m_method->setObjectName(QStringLiteral("methodComboBox"));
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("GET"), QStringLiteral("DELETE")});
    m_url->setObjectName(QStringLiteral("urlLineEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://example.com/hooks/insights"));
    m_headers->setObjectName(QStringLiteral("headersPlainTextEdit"));
    m_headers->setPlaceholderText(tr("One per line, e.g. X-Team: data"));
    m_body->setObjectName(QStringLiteral("bodyPlainTextEdit"));
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
