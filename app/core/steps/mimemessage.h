#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// An email address with an optional display name: "Data Owner <owner@contoso.example>" or
// "owner@contoso.example".
struct MailAddress
{
    QString name;
    QString address;

    // nullopt for anything that is not one plain address (no CR/LF, no list, one @, no spaces).
    static std::optional<MailAddress> parse(QStringView text);
    QString domain() const { return address.mid(address.lastIndexOf(u'@') + 1); }
    // For a header: the name quoted, or RFC 2047-encoded when it is not ASCII, then <address>.
    QByteArray toHeader() const;

    friend bool operator==(const MailAddress &, const MailAddress &) = default;
};

// An Internet message (RFC 5322 + MIME) with a plain-text and/or an HTML body:
//
//   Date, From, To, Cc, Subject (RFC 2047 "=?UTF-8?B?...?=" words when not ASCII), Message-ID,
//   Auto-Submitted: auto-generated, MIME-Version: 1.0, then either one text part or
//   multipart/alternative (text first, HTML last: the richest version last, RFC 2046 5.1.4). Bodies are
//   UTF-8 in base64, lines end in CRLF. Bcc is never written.
struct MimeMessage
{
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QString subject;
    QString textBody;
    QString htmlBody;
    QDateTime date;       // now when invalid
    QByteArray messageId; // "<...@domain>"; made from the From domain when empty
    QByteArray boundary;  // random when empty

    QByteArray toBytes() const;

    // RFC 2047 B-encoded words for a header value; ASCII without control characters stays as it is.
    // Words are at most 75 characters and never split a UTF-8 sequence; they are joined by CRLF SP.
    static QByteArray encodeHeader(const QString &text);
    // RFC 5322 date-time: "Tue, 24 Nov 2026 09:00:00 +0000".
    static QByteArray formatDate(const QDateTime &date);
    static QByteArray makeMessageId(const QString &domain);
};
