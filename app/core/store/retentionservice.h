#pragma once

#include "clock.h"

#include <QObject>
#include <QTimer>

class Database;

// Keeps the firing log within the retention setting (settings.ini, AppSettings::Key::RetentionDays, default
// 28 days like Power Automate's run history): start() prunes the firings detected longer ago at once and
// then every hour. Every mode runs one, the window and --headless alike; the Trigger log pane only shows and
// edits the setting. Works on `db`'s thread, through `db`'s connection.
class RetentionService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultDays = 28;
    static constexpr int kMinDays = 1;
    static constexpr int kMaxDays = 3650;
    static constexpr std::chrono::hours kInterval{1};

    // `db` and `clock` must outlive the service.
    explicit RetentionService(Database &db, const Clock &clock = Clock::system(), QObject *parent = nullptr);

    int days() const { return m_days; }
    // Saved for the next start, and applied at once.
    void setDays(int days);

    void start();

public slots:
    // Removes the firings detected more than days() ago; returns how many went, -1 on failure.
    int pruneNow();

signals:
    void daysChanged(int days);
    // After a prune that removed firings: those detected before `cutoff` are gone.
    void pruned(const QDateTime &cutoff, int removed);
    void pruneFailed(const QString &error);

private:
    Database &m_db;
    const Clock &m_clock;
    int m_days;
    QTimer m_timer{this};
};
