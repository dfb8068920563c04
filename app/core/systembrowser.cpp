#include "systembrowser.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace SystemBrowser {

QList<QStringList> commandsFor(const QUrl &url, const QProcessEnvironment &environment)
{
    const QString link = url.toString(QUrl::FullyEncoded);
    QList<QStringList> commands;
    const QStringList browsers = environment.value(QStringLiteral("BROWSER")).split(u':', Qt::SkipEmptyParts);
    for (const QString &browser : browsers) {
        QStringList command = QProcess::splitCommand(browser);
        if (command.isEmpty())
            continue;
        bool substituted = false;
        for (QString &argument : command) {
            if (argument.contains(QLatin1String("%s"))) {
                argument.replace(QLatin1String("%s"), link);
                substituted = true;
            }
        }
        if (!substituted)
            command << link;
        commands << command;
    }
    commands << QStringList{QStringLiteral("xdg-open"), link};
    return commands;
}

bool open(const QUrl &url, const QProcessEnvironment &environment)
{
    for (QStringList command : commandsFor(url, environment)) {
        const QString program = command.takeFirst();
        if (QStandardPaths::findExecutable(program).isEmpty() && !QFileInfo(program).isExecutable())
            continue;
        if (QProcess::startDetached(program, command))
            return true;
    }
    return false;
}

} // namespace SystemBrowser
