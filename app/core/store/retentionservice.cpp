#include "retentionservice.h"

#include "appsettings.h"
#include "database.h"
#include "firinglog.h"
#include "storelog.h"

RetentionService::RetentionService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_days(std::clamp(AppSettings(db.settingsPath()).value(AppSettings::Key::RetentionDays).toInt(),
                        kMinDays, kMaxDays))
{
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RetentionService::pruneNow);
}

void RetentionService::setDays(int days)
{
    days = std::clamp(days, kMinDays, kMaxDays);
    if (days == m_days)
        return;
    m_days = days;
    AppSettings(m_db.settingsPath()).setValue(AppSettings::Key::RetentionDays, days);
    emit daysChanged(days);
    pruneNow();
}

void RetentionService::start()
{
    m_timer.start(kInterval);
    pruneNow();
}

int RetentionService::pruneNow()
{
    const QDateTime cutoff = m_clock.now().addDays(-m_days);
    const int removed = FiringLog(m_db).prune(cutoff);
    if (removed < 0) {
        qCWarning(lcStore).noquote() << "retention: prune failed:" << m_db.errorString();
        emit pruneFailed(m_db.errorString());
    } else if (removed > 0) {
        qCInfo(lcStore) << "retention: removed" << removed << "firings older than" << m_days << "days";
        emit pruned(cutoff, removed);
    }
    return removed;
}
