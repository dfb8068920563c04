#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// application/x-www-form-urlencoded data (a POST body or a URL query): '+' is a space, %XX escapes must be
// well formed and the result valid UTF-8, otherwise the whole input is rejected.
class FormData
{
public:
    static std::optional<FormData> parse(const QByteArray &encoded);

    bool contains(const QString &key) const;
    QString value(const QString &key) const; // the first value, or a null string
    const QList<QPair<QString, QString>> &items() const { return m_items; }

private:
    QList<QPair<QString, QString>> m_items;
};
