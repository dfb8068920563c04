#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <array>
#include <chrono>
#include <deque>
#include <functional>

class Clock;
class QTimer;

// The API budget of one connection: never more than `limit` calls in any sliding window (100 per 60 s for
// Customer Insights). Calls wait in three queues, served in this order: interactive calls (the pickers of
// the flow editor) may use the whole budget; background calls (polling) leave a reserve for interactive
// ones; bulk calls (the pages of Get items) also leave headroom for polling, so a large read waits for
// budget but never starves detection or the user. A 429 holds every call until its Retry-After. Timers wake
// the queues exactly when the next slot opens: no polling, no sleeps.
//
//   acquire(priority, start) --> [interactive queue] --+
//                                [background queue] ---+--> slot free and not held? --> start()
//                                [bulk queue] ---------+        else a timer at the next free slot
class RateLimiter : public QObject
{
    Q_OBJECT

public:
    enum class Priority
    {
        Bulk,
        Background,
        Interactive
    };
    Q_ENUM(Priority)

    static constexpr int kDefaultLimit = 100;
    static constexpr std::chrono::milliseconds kDefaultWindow = std::chrono::seconds(60);
    static constexpr int kDefaultInteractiveReserve = 10;
    // Left free by bulk reads, beyond the reserve. Polling's own calls (about 50-65 a minute) are in the
    // window too, so bulk reads move while polling runs and polling always finds room: a headroom as large
    // as polling's rate starved Get items for good (found by the soak run).
    static constexpr int kDefaultBulkHeadroom = 10;

    explicit RateLimiter(const Clock &clock, QObject *parent = nullptr);

    void setLimit(int calls, std::chrono::milliseconds window);
    void setInteractiveReserve(int calls);
    int limit() const { return m_limit; }

    // Runs `start` when a call may be sent: at once when there is budget, else later, in order of arrival
    // within each priority. Nothing runs once `context` is gone.
    void acquire(Priority priority, QObject *context, std::function<void()> start);

    // Holds every call until `until` (a 429's Retry-After). A later hold extends, an earlier one is ignored.
    void holdUntil(const QDateTime &until);

    int usedInWindow() const;
    int pending() const;
    QDateTime heldUntil() const; // invalid when not held
    // When the oldest call in the window leaves it (invalid when the window is empty).
    QDateTime windowResetsAt() const;

    // The admitted calls still inside the window, to persist across restarts, and their restoration.
    QList<QDateTime> history() const;
    void restoreHistory(const QList<QDateTime> &calls);

public slots:
    // Sends whatever may be sent now. Called by the limiter's timer; tests with a manual clock call it after
    // moving the clock.
    void dispatch();

signals:
    void budgetChanged(int used, int limit);
    void heldUntilChanged(const QDateTime &until);
    // A call was admitted at `at` (for persisting the window).
    void callAdmitted(const QDateTime &at);

private:
    struct Waiting
    {
        QPointer<QObject> context;
        std::function<void()> start;
    };

    void expire(qint64 now) const;
    void scheduleWakeUp(qint64 now);
    qint64 nextSlotFor(Priority priority, qint64 now) const;

    const Clock &m_clock;
    int m_limit = kDefaultLimit;
    qint64 m_windowMs = kDefaultWindow.count();
    int m_reserve = kDefaultInteractiveReserve;
    mutable std::deque<qint64> m_calls;          // msecs since epoch of admitted calls, oldest first
    std::array<std::deque<Waiting>, 3> m_queues; // by Priority
    qint64 m_heldUntil = 0;
    int m_lastReportedUsed = -1;
    bool m_dispatching = false;
    QTimer *m_timer;
};
