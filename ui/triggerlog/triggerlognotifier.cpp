#include "triggerlognotifier.h"

#include "clock.h"

#include <QApplication>
#include <QPointer>
#include <QSystemTrayIcon>

TriggerLogNotifier::TriggerLogNotifier(Sink sink, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_sink(std::move(sink))
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TriggerLogNotifier::tick);
}

TriggerLogNotifier::TriggerLogNotifier(QObject *parent)
    : TriggerLogNotifier(Sink(), Clock::system(), parent)
{
    m_sink = systemTraySink(this);
}

TriggerLogNotifier::Sink TriggerLogNotifier::systemTraySink(QObject *owner)
{
    auto tray = std::make_shared<QPointer<QSystemTrayIcon>>();
    return [owner, tray](const QString &title, const QString &message) {
        if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
            return;
        if (!*tray) {
            *tray = new QSystemTrayIcon(QApplication::windowIcon(), owner);
            (*tray)->setToolTip(QApplication::applicationDisplayName());
            (*tray)->show();
        }
        (*tray)->showMessage(title, message, QSystemTrayIcon::Warning);
    };
}

void TriggerLogNotifier::notifyStepFailed(const QString &, const QString &flowName, int stepIndex,
                                          const QString &detail)
{
    const QDateTime now = m_clock.now();
    if (m_windowStart.isValid() && m_windowStart.msecsTo(now) >= m_window.count())
        tick();
    if (m_windowStart.isValid()) {
        ++m_failures;
        return;
    }
    m_windowStart = now;
    m_failures = 1;
    m_shownFirst = true;
    m_timer.start(m_window);
    const QString title = flowName.isEmpty() ? tr("A step failed")
                                             : tr("Step %1 of “%2” failed").arg(stepIndex + 1).arg(flowName);
    show(title, detail.isEmpty() ? tr("Open the trigger log for the details.") : detail.left(300));
}

void TriggerLogNotifier::tick()
{
    if (!m_windowStart.isValid())
        return;
    const QDateTime now = m_clock.now();
    const qint64 elapsed = m_windowStart.msecsTo(now);
    if (elapsed < m_window.count()) {
        m_timer.start(std::chrono::milliseconds(m_window.count() - elapsed));
        return;
    }
    // The first failure of a window opened by a quiet period was shown on its own; the summary counts all.
    const int failures = m_failures;
    if (failures <= (m_shownFirst ? 1 : 0)) {
        m_windowStart = QDateTime();
        m_failures = 0;
        return;
    }
    m_failures = 0;
    m_shownFirst = false;
    m_windowStart = now;
    m_timer.start(m_window);
    show(tr("Steps are failing"),
         failures == 1
             ? tr("1 step failed in the last minute. Open the trigger log for the details.")
             : tr("%1 steps failed in the last minute. Open the trigger log for the details.").arg(failures));
}

void TriggerLogNotifier::show(const QString &title, const QString &message)
{
    if (m_sink)
        m_sink(title, message);
    emit notified(title, message);
}
