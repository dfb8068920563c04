#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QTranslator>

namespace {
constexpr auto kCatalogue = "insights-admin";
constexpr auto kSourceLanguage = "en";

QString catalogueDir()
{
    return QStringLiteral(":/i18n");
}
} // namespace

namespace Translations {

QStringList availableLanguages()
{
    QStringList languages{QLatin1String(kSourceLanguage)};
    const QString prefix = QLatin1String(kCatalogue) + u'_';
    const QStringList files =
        QDir(catalogueDir()).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString language = file.mid(prefix.size()).chopped(3);
        if (language != QLatin1String(kSourceLanguage)) // the English catalogue holds plural forms only
            languages << language;
    }
    return languages;
}

QString languageOf(const QString &tag)
{
    return tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
}

QString resolve(const QString &requested, const QLocale &system)
{
    const QStringList available = availableLanguages();
    const auto match = [&available](const QString &tag) -> QString {
        const QString language = languageOf(tag);
        return available.contains(language) ? language : QString();
    };
    if (!requested.isEmpty()) {
        if (const QString language = match(requested); !language.isEmpty())
            return language;
    }
    for (const QString &tag : system.uiLanguages()) {
        if (const QString language = match(tag); !language.isEmpty())
            return language;
    }
    return QLatin1String(kSourceLanguage);
}

bool install(QCoreApplication &app, const QString &language)
{
    // English needs a catalogue too: the plural forms of the %n strings ("1 flow", "2 flows").
    auto *translator = new QTranslator(&app);
    if (!translator->load(QLatin1String(kCatalogue) + u'_' + language, catalogueDir())) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace Translations
