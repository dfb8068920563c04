// insights-admin: parses the command line and wires the objects; everything else lives in the libraries.

#include "appoptions.h"
#include "mainwindow/mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <memory>

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// For bench_startup: reports once the window has been exposed and painted, then quits.
class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            watched->removeEventFilter(this);
            // The expose event paints the window synchronously; report after it has been handled.
            QTimer::singleShot(0, this, [] {
                print(stdout, QStringLiteral("first-paint\n"));
                QCoreApplication::quit();
            });
        }
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    // Only a window needs a display: --version and --help work on a server.
    std::unique_ptr<QCoreApplication> app(commandLineWantsGui(argc, argv) ? new QApplication(argc, argv)
                                                                          : new QCoreApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("insights-admin"));
    QCoreApplication::setApplicationName(QStringLiteral("insights-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INSIGHTS_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("insights-admin"));

    // A first pass only finds --lang, so that the second pass (help, errors) speaks the chosen language.
    const QStringList arguments = QCoreApplication::arguments();
    const QString requested = parseCommandLine(arguments).requestedLanguage;
    const QString language = Translations::resolve(requested);
    if (!Translations::install(*app, language))
        print(stderr,
              QStringLiteral("insights-admin: the %1 translation could not be loaded.\n").arg(language));
    QLocale::setDefault(QLocale(language));

    const CommandLineResult parsed = parseCommandLine(arguments);
    if (!parsed.options) {
        print(parsed.exitCode == 0 ? stdout : stderr, parsed.output);
        return parsed.exitCode;
    }
    const AppOptions &options = *parsed.options;
    if (!requested.isEmpty() && language != Translations::languageOf(requested))
        print(stderr,
              QCoreApplication::translate("CommandLine", "The language \"%1\" is not available; using %2.\n")
                  .arg(requested, QLocale(language).nativeLanguageName()));
    if (!QDir().mkpath(options.dataDir)) {
        print(stderr, QCoreApplication::translate("CommandLine",
                                                  "Cannot create the data folder %1. Choose another one "
                                                  "with --data-dir.\n")
                          .arg(QDir::toNativeSeparators(options.dataDir)));
        return 2;
    }

    MainWindow window;
    FirstPaintProbe probe;
    if (options.startupProbe) {
        window.winId(); // creates the QWindow so the probe can watch it before it is shown
        window.windowHandle()->installEventFilter(&probe);
    }
    window.show();
    return QCoreApplication::exec();
}
