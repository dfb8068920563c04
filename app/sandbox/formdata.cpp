#include "formdata.h"

#include <QStringDecoder>

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<QString> decodeComponent(const QByteArray &encoded)
{
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            if (i + 2 >= encoded.size())
                return std::nullopt;
            const int high = hexValue(encoded[i + 1]);
            const int low = hexValue(encoded[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            bytes.append(char(high * 16 + low));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

std::optional<FormData> FormData::parse(const QByteArray &encoded)
{
    FormData form;
    if (encoded.isEmpty())
        return form;
    const QList<QByteArray> pairs = encoded.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const auto key = decodeComponent(equals < 0 ? pair : pair.first(equals));
        const auto value = decodeComponent(equals < 0 ? QByteArray() : pair.sliced(equals + 1));
        if (!key || !value || key->isEmpty())
            return std::nullopt;
        form.m_items.append({*key, *value});
    }
    return form;
}

bool FormData::contains(const QString &key) const
{
    for (const auto &item : m_items) {
        if (item.first == key)
            return true;
    }
    return false;
}

QString FormData::value(const QString &key) const
{
    for (const auto &item : m_items) {
        if (item.first == key)
            return item.second;
    }
    return {};
}
