#include "sandboxcontrol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

#include <algorithm>

namespace {

constexpr int kTimeoutMs = 10'000;

// The texts of a card's TextBlocks, in order (Adaptive Cards nest them in containers, columns and tables).
void collectTexts(const QJsonValue &value, QStringList &texts)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectTexts(item, texts);
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.value(QLatin1String("type")).toString() == QLatin1String("TextBlock"))
        texts.append(object.value(QLatin1String("text")).toString());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isArray() || it.value().isObject())
            collectTexts(it.value(), texts);
    }
}

// RFC 2047 encoded words of a header ("=?UTF-8?B?...?="), as the email step writes them.
QString decodeHeader(const QString &header)
{
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="),
                                         QRegularExpression::CaseInsensitiveOption);
    QString result;
    qsizetype last = 0;
    for (auto it = word.globalMatch(header); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString between = header.mid(last, match.capturedStart() - last);
        if (last == 0 || !between.trimmed().isEmpty())
            result += between; // whitespace between two encoded words is not part of the text
        result += QString::fromUtf8(QByteArray::fromBase64(match.captured(1).toLatin1()));
        last = match.capturedEnd();
    }
    return result + header.mid(last);
}

// The text/plain part of a received message (base64 or as is), or empty.
QString plainText(const QString &data)
{
    const qsizetype type = data.indexOf(QLatin1String("Content-Type: text/plain"), 0, Qt::CaseInsensitive);
    if (type < 0)
        return {};
    const qsizetype bodyStart = data.indexOf(QLatin1String("\r\n\r\n"), type);
    if (bodyStart < 0)
        return {};
    const QString headers = data.mid(type, bodyStart - type);
    qsizetype bodyEnd = data.indexOf(QLatin1String("\r\n--"), bodyStart + 4);
    if (bodyEnd < 0)
        bodyEnd = data.size();
    const QString body = data.mid(bodyStart + 4, bodyEnd - bodyStart - 4);
    if (headers.contains(QLatin1String("base64"), Qt::CaseInsensitive))
        return QString::fromUtf8(QByteArray::fromBase64(body.toLatin1())).trimmed();
    return body.trimmed();
}

} // namespace

SandboxControl::SandboxControl(QNetworkAccessManager *network, const QUrl &baseUrl, quint16 smtpPort,
                               QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(baseUrl)
    , m_smtpPort(smtpPort)
{}

QUrl SandboxControl::teamsChannelUrl() const
{
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/sandbox/teams/general"));
    return url;
}

QNetworkReply *SandboxControl::get(const QString &path)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    return m_network->get(request);
}

QString SandboxControl::replyProblem(QNetworkReply *reply) const
{
    if (reply->error() == QNetworkReply::NoError)
        return {};
    return tr("The sandbox did not answer (%1). Restart Insights Admin to start it again.")
        .arg(reply->errorString());
}

void SandboxControl::failRefreshNow()
{
    QNetworkReply *state = get(QStringLiteral("/sandbox/control/state"));
    connect(state, &QNetworkReply::finished, this, [this, state] {
        state->deleteLater();
        if (const QString problem = replyProblem(state); !problem.isEmpty())
            return emit this->problem(problem);
        QStringList sources = QJsonDocument::fromJson(state->readAll())
                                  .object()
                                  .value(QLatin1String("dataSources"))
                                  .toObject()
                                  .keys();
        if (sources.isEmpty())
            return emit problem(tr("The sandbox's scenario has no data source to fail."));
        std::sort(sources.begin(), sources.end());
        const QString source = sources.at(m_nextDataSource++ % sources.size());

        QUrl url = m_baseUrl;
        url.setPath(QStringLiteral("/sandbox/control/refresh"));
        QNetworkRequest request(url);
        request.setTransferTimeout(kTimeoutMs);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QJsonObject body{{QStringLiteral("kind"), QStringLiteral("datasource")},
                               {QStringLiteral("dataSource"), source},
                               {QStringLiteral("outcome"), QStringLiteral("failed")}};
        QNetworkReply *refresh = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(refresh, &QNetworkReply::finished, this, [this, refresh, source] {
            refresh->deleteLater();
            if (const QString problem = replyProblem(refresh); !problem.isEmpty())
                return emit this->problem(problem);
            emit refreshFailing(source);
        });
    });
}

void SandboxControl::readDeliveries(const QDateTime &from, const QDateTime &to, QObject *context,
                                    std::function<void(const QList<Delivery> &)> done)
{
    QNetworkReply *reply = get(QStringLiteral("/sandbox/control/outbox"));
    connect(reply, &QNetworkReply::finished, context, [this, reply, from, to, done = std::move(done)] {
        reply->deleteLater();
        if (const QString problem = replyProblem(reply); !problem.isEmpty())
            return emit this->problem(problem);
        QList<Delivery> deliveries = parseOutbox(reply->readAll());
        deliveries.removeIf(
            [&](const Delivery &delivery) { return delivery.receivedAt < from || delivery.receivedAt > to; });
        done(deliveries);
    });
    // Without the context the lambda never runs: the reply still goes.
    connect(context, &QObject::destroyed, reply, &QObject::deleteLater);
}

QList<SandboxControl::Delivery> SandboxControl::parseOutbox(const QByteArray &json)
{
    const QJsonObject outbox = QJsonDocument::fromJson(json).object();
    QList<Delivery> deliveries;
    for (const QJsonValue &value : outbox.value(QLatin1String("teams")).toArray()) {
        const QJsonObject message = value.toObject();
        QStringList texts;
        collectTexts(message.value(QLatin1String("message")), texts);
        Delivery delivery;
        delivery.kind = Delivery::Kind::TeamsMessage;
        delivery.recipient = message.value(QLatin1String("channel")).toString();
        delivery.title = texts.value(0);
        delivery.text = texts.mid(1).join(u'\n');
        delivery.receivedAt =
            QDateTime::fromString(message.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs);
        deliveries.append(delivery);
    }
    for (const QJsonValue &value : outbox.value(QLatin1String("emails")).toArray()) {
        const QJsonObject email = value.toObject();
        Delivery delivery;
        delivery.kind = Delivery::Kind::Email;
        QStringList to;
        for (const QJsonValue &address : email.value(QLatin1String("to")).toArray())
            to.append(address.toString());
        delivery.recipient = to.join(QLatin1String(", "));
        delivery.title = decodeHeader(email.value(QLatin1String("subject")).toString());
        delivery.text = plainText(email.value(QLatin1String("data")).toString());
        delivery.receivedAt =
            QDateTime::fromString(email.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs);
        deliveries.append(delivery);
    }
    std::stable_sort(deliveries.begin(), deliveries.end(),
                     [](const Delivery &a, const Delivery &b) { return a.receivedAt < b.receivedAt; });
    return deliveries;
}
