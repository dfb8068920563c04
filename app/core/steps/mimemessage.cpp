#include "mimemessage.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QUuid>

namespace {

bool isPlainAscii(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// Header values never carry a line break: a template could otherwise inject headers.
QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\r', u' ').replace(u'\n', u' ');
    return line.simplified();
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray lines;
    lines.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        lines += encoded.mid(i, 76) + "\r\n";
    return lines;
}

QByteArray part(const QByteArray &contentType, const QString &body)
{
    return "Content-Type: " + contentType + "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
           base64Lines(body.toUtf8());
}

QByteArray addressList(const QList<MailAddress> &addresses)
{
    QByteArray list;
    for (const MailAddress &address : addresses) {
        if (!list.isEmpty())
            list += ",\r\n ";
        list += address.toHeader();
    }
    return list;
}

} // namespace

std::optional<MailAddress> MailAddress::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    MailAddress result;
    QStringView address = trimmed;
    if (trimmed.endsWith(u'>')) {
        const qsizetype open = trimmed.lastIndexOf(u'<');
        if (open < 0)
            return std::nullopt;
        address = trimmed.mid(open + 1, trimmed.size() - open - 2).trimmed();
        QString name = trimmed.left(open).trimmed().toString();
        if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
            name = name.mid(1, name.size() - 2);
        if (name.contains(u'\r') || name.contains(u'\n'))
            return std::nullopt;
        result.name = name;
    }
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.count(u'@') != 1)
        return std::nullopt;
    for (QChar c : address) {
        if (c.isSpace() || c == u'<' || c == u'>' || c == u',' || c == u';' || c == u'"' ||
            c.unicode() < 0x21 || c.unicode() == 0x7f)
            return std::nullopt;
    }
    if (address.mid(at + 1).startsWith(u'.') || address.mid(at + 1).endsWith(u'.'))
        return std::nullopt;
    result.address = address.toString();
    return result;
}

QByteArray MailAddress::toHeader() const
{
    if (name.isEmpty())
        return "<" + address.toUtf8() + ">";
    QByteArray display;
    if (isPlainAscii(name)) {
        QString quoted = name;
        quoted.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
        display = '"' + quoted.toLatin1() + '"';
    } else {
        display = MimeMessage::encodeHeader(name);
    }
    return display + " <" + address.toUtf8() + ">";
}

QByteArray MimeMessage::encodeHeader(const QString &text)
{
    if (isPlainAscii(text))
        return text.toLatin1();
    // "=?UTF-8?B?" + base64 + "?=" is at most 75 characters: 60 base64 characters, 45 bytes.
    constexpr qsizetype kMaxBytes = 45;
    const QByteArray utf8 = text.toUtf8();
    QByteArray result;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = qMin(start + kMaxBytes, utf8.size());
        // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (end < utf8.size() && end > start && (uchar(utf8.at(end)) & 0xc0) == 0x80)
            --end;
        if (!result.isEmpty())
            result += "\r\n ";
        result += "=?UTF-8?B?" + utf8.mid(start, end - start).toBase64() + "?=";
        start = end;
    }
    return result;
}

QByteArray MimeMessage::formatDate(const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " +0000";
}

QByteArray MimeMessage::makeMessageId(const QString &domain)
{
    return "<" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "@" +
           (domain.isEmpty() ? QByteArrayLiteral("insights-admin.invalid") : domain.toUtf8()) + ">";
}

QByteArray MimeMessage::toBytes() const
{
    QByteArray data;
    data += "Date: " + formatDate(date.isValid() ? date : QDateTime::currentDateTimeUtc()) + "\r\n";
    data += "From: " + from.toHeader() + "\r\n";
    if (!to.isEmpty())
        data += "To: " + addressList(to) + "\r\n";
    if (!cc.isEmpty())
        data += "Cc: " + addressList(cc) + "\r\n";
    data += "Subject: " + encodeHeader(oneLine(subject)) + "\r\n";
    data += "Message-ID: " + (messageId.isEmpty() ? makeMessageId(from.domain()) : messageId) + "\r\n";
    data += "Auto-Submitted: auto-generated\r\n";
    data += "MIME-Version: 1.0\r\n";
    const bool hasText = !textBody.isEmpty() || htmlBody.isEmpty();
    const bool hasHtml = !htmlBody.isEmpty();
    if (hasText && hasHtml) {
        const QByteArray separator =
            boundary.isEmpty()
                ? "=_insights_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16)
                : boundary;
        data += "Content-Type: multipart/alternative; boundary=\"" + separator + "\"\r\n\r\n";
        data += "This is a message in MIME format.\r\n";
        data += "--" + separator + "\r\n" + part("text/plain", textBody);
        data += "--" + separator + "\r\n" + part("text/html", htmlBody);
        data += "--" + separator + "--\r\n";
    } else {
        data += hasHtml ? part("text/html", htmlBody) : part("text/plain", textBody);
    }
    return data;
}
