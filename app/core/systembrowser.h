#pragma once

#include <QProcessEnvironment>
#include <QUrl>

// Opens a URL in the user's browser without a GUI platform: the commands of $BROWSER (a colon-separated
// list; "%s" stands for the URL, else the URL is appended), then xdg-open. The core's one way to the
// browser: the sign-in flow's default, with a window and without one alike.
namespace SystemBrowser {

// The commands that would be tried, in order, each as program + arguments.
QList<QStringList> commandsFor(const QUrl &url, const QProcessEnvironment &environment);

// Starts the first command that can be started; false when none could.
bool open(const QUrl &url, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace SystemBrowser
