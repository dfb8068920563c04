#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

// What the sandbox's sinks received: Teams incoming-webhook posts and emails from the SMTP sink.
class Outbox
{
public:
    struct TeamsMessage
    {
        QString channel;
        QDateTime receivedAt;
        QByteArray body; // the posted JSON
    };

    struct Email
    {
        QString from;
        QStringList to;
        QString subject;
        QByteArray data; // the message as received after DATA, dot-unstuffed
        QDateTime receivedAt;
    };

    static constexpr int kMaxEntries = 1000;

    void addTeamsMessage(TeamsMessage message);
    void addEmail(Email email);
    void clear();

    const QList<TeamsMessage> &teamsMessages() const { return m_teams; }
    const QList<Email> &emails() const { return m_emails; }
    QJsonArray teamsJson() const;
    QJsonArray emailsJson() const;

private:
    QList<TeamsMessage> m_teams;
    QList<Email> m_emails;
};
