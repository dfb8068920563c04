// The limit of bench_startup: a bare QWidget window of the app's default size. Prints "first-paint" once
// the window has been exposed and painted, then quits, as insights-admin --startup-probe does.
#include <QApplication>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace {

class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [] {
                std::fputs("first-paint\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.resize(1280, 800);
    FirstPaintProbe probe;
    window.winId();
    window.windowHandle()->installEventFilter(&probe);
    window.show();
    return QApplication::exec();
}
