#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

// The UI languages the application ships, and the choice between them.
namespace Translations {

// "en" (the source language) plus every language with a compiled catalogue under :/i18n.
QStringList availableLanguages();

// The language a tag names: "ro-RO", "ro_RO" and "ro" all name "ro".
QString languageOf(const QString &tag);

// The language to use: `requested` when it is available, else the first of the locale's UI languages
// that is available, else English.
QString resolve(const QString &requested, const QLocale &system = QLocale::system());

// Loads and installs the catalogue for `language` into `app` (for English: its plural forms). Returns false
// when the catalogue could not be loaded.
bool install(QCoreApplication &app, const QString &language);

} // namespace Translations
