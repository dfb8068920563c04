#pragma once

#include <QString>
#include <QTextDocument> // Qt::mightBeRichText

// A text from the instance or a user (a name, an error) as a tool tip. Qt shows a tool tip that looks like
// markup as rich text, so such a text is escaped: the tip shows it as it is written, tags and all.
inline QString plainToolTip(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}
