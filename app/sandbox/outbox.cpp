#include "outbox.h"

#include <QJsonDocument>
#include <QJsonObject>

void Outbox::addTeamsMessage(TeamsMessage message)
{
    m_teams.append(std::move(message));
    if (m_teams.size() > kMaxEntries)
        m_teams.removeFirst();
}

void Outbox::addEmail(Email email)
{
    m_emails.append(std::move(email));
    if (m_emails.size() > kMaxEntries)
        m_emails.removeFirst();
}

void Outbox::clear()
{
    m_teams.clear();
    m_emails.clear();
}

QJsonArray Outbox::teamsJson() const
{
    QJsonArray result;
    for (const TeamsMessage &message : m_teams) {
        result.append(
            QJsonObject{{QStringLiteral("channel"), message.channel},
                        {QStringLiteral("receivedAt"), message.receivedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("message"), QJsonDocument::fromJson(message.body).object()}});
    }
    return result;
}

QJsonArray Outbox::emailsJson() const
{
    QJsonArray result;
    for (const Email &email : m_emails) {
        result.append(
            QJsonObject{{QStringLiteral("from"), email.from},
                        {QStringLiteral("to"), QJsonArray::fromStringList(email.to)},
                        {QStringLiteral("subject"), email.subject},
                        {QStringLiteral("receivedAt"), email.receivedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("data"), QString::fromUtf8(email.data)}});
    }
    return result;
}
