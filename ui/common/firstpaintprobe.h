#pragma once

#include <QObject>

class QWidget;

// For bench_startup: watches a window until it has been exposed and painted, then prints "first-paint" on
// stdout and quits the application. insights-admin --startup-probe and the benchmark's bare window (its
// limit) both use it, so the two are measured to the same moment.
class FirstPaintProbe : public QObject
{
public:
    // Creates the window's QWindow if needed, so that the probe sees its first expose.
    explicit FirstPaintProbe(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
