#pragma once

#include <QString>
#include <QStringList>

// Strings an attacker, a careless admin or another language puts into names, descriptions and errors: markup
// that must never be interpreted, a name too long for any field, right-to-left overrides and emoji that must
// come out intact.
namespace HostileStrings {

inline QString script()
{
    return QStringLiteral("<script>alert('x')</script>");
}

inline QString attribute()
{
    return QStringLiteral("\"><img src=x onerror=alert(1)>");
}

inline QString markup()
{
    return QStringLiteral("<b>bold</b> <a href=\"https://evil.example\">link</a> &amp;");
}

inline QString longName()
{
    return QString(4000, u'W') + QStringLiteral("<i>end</i>");
}

inline QString rtl()
{
    return QString::fromUtf8("\u202Eevil.exe\u202C שלום مرحبا");
}

inline QString emoji()
{
    return QString::fromUtf8("😀 👩‍👩‍👧‍👦 🏳️‍🌈");
}

inline QStringList all()
{
    return {script(), attribute(), markup(), longName(), rtl(), emoji()};
}

// Whether `text` holds markup characters an HTML or rich-text renderer would interpret.
inline bool hasMarkup(const QString &text)
{
    return text.contains(u'<') || text.contains(u'>') || text.contains(u'&') || text.contains(u'"');
}

} // namespace HostileStrings
