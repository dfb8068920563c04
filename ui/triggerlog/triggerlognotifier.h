#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class Clock;
class QSystemTrayIcon;

// A desktop notification when a step fails, rate-limited so that a storm gives one summary:
//
//   failure --(quiet)--> "Step 2 of “Nightly report” failed" now; a window of window() opens
//   failures in the window --> counted; at its end one "12 steps failed in the last minute"
//                              (then a new window while failures keep coming)
//
// The sink shows the message (systemTraySink(): QSystemTrayIcon::showMessage when a tray exists); the
// clock and the sink are injected so tests need neither a tray nor to wait a minute: tick() is what the
// window's timer calls.
class TriggerLogNotifier : public QObject
{
    Q_OBJECT

public:
    using Sink = std::function<void(const QString &title, const QString &message)>;

    // `clock` must outlive the notifier. A null sink shows nothing.
    TriggerLogNotifier(Sink sink, const Clock &clock, QObject *parent = nullptr);
    explicit TriggerLogNotifier(QObject *parent = nullptr); // the system tray and the system clock

    void setSink(Sink sink) { m_sink = std::move(sink); }
    std::chrono::milliseconds window() const { return m_window; }
    void setWindow(std::chrono::milliseconds window) { m_window = window; }

    // A sink that shows the message from a tray icon of the application (created on first use, when the
    // desktop has a system tray; otherwise nothing is shown).
    static Sink systemTraySink(QObject *owner);

public slots:
    void notifyStepFailed(const QString &firingId, const QString &flowName, int stepIndex,
                          const QString &detail);
    // Ends the window when its time has come: sends the summary of what it held back.
    void tick();

signals:
    void notified(const QString &title, const QString &message);

private:
    void show(const QString &title, const QString &message);

    Sink m_sink;
    const Clock &m_clock;
    std::chrono::milliseconds m_window{std::chrono::minutes(1)};
    QTimer m_timer;
    QDateTime m_windowStart;   // invalid: quiet
    int m_failures = 0;        // in the current window
    bool m_shownFirst = false; // the window's first failure was shown on its own
};
