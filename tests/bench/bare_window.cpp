// The limit of bench_startup: a bare QWidget window of the app's default size, watched by the same
// FirstPaintProbe as insights-admin --startup-probe.
#include "common/firstpaintprobe.h"

#include <QApplication>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.resize(1280, 800);
    new FirstPaintProbe(&window); // the window owns it
    window.show();
    return QApplication::exec();
}
