#include "jobtracker.h"

#include <QJsonArray>

#include <algorithm>

namespace {

const QString kFullKey = QStringLiteral("job:full");
const QString kUnificationKey = QStringLiteral("job:unification");
constexpr int kTopMargin = 5;

bool isFullRefresh(const CiJob &job)
{
    return job.operationType == QLatin1String("all");
}

CiJob withoutTasks(const CiJob &job)
{
    CiJob copy = job;
    copy.tasks.clear();
    return copy;
}

} // namespace

bool JobTracker::unificationDone(const CiJob &job)
{
    bool map = false, match = false, merge = false;
    for (const CiTask &task : job.tasks) {
        const bool isStage = task.operationType == QLatin1String("map") ||
                             task.operationType == QLatin1String("match") ||
                             task.operationType == QLatin1String("merge");
        if (!isStage)
            continue;
        if (!CiModels::isTerminal(task.status))
            return false;
        map = map || task.operationType == QLatin1String("map");
        match = match || task.operationType == QLatin1String("match");
        merge = merge || task.operationType == QLatin1String("merge");
    }
    return map && match && merge;
}

QList<JobEvent> JobTracker::observe(const QList<CiJob> &jobs, bool exhaustive)
{
    QList<JobEvent> events;
    m_deepestOpenIndex = -1;
    if (!m_initialized) {
        // The baseline: what is over already is not news; running jobs are watched from here on.
        m_initialized = true;
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const CiJob &job = jobs.at(i);
            if (CiModels::isTerminal(job.status))
                continue;
            QSet<QString> reported;
            for (const CiTask &task : job.tasks) {
                if (CiModels::isTerminal(task.status))
                    reported.insert(task.id);
            }
            if (unificationDone(job))
                reported.insert(kUnificationKey);
            m_open.insert(job.id, reported);
            m_deepestOpenIndex = int(i);
        }
        if (!jobs.isEmpty())
            m_newestJobId = jobs.constFirst().id;
        return events;
    }

    qsizetype newCount = jobs.size(); // the newest job seen before is missing: everything listed is new
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (!m_newestJobId.isEmpty() && jobs.at(i).id == m_newestJobId) {
            newCount = i;
            break;
        }
    }
    QSet<QString> listed;
    // Oldest first, so that the events come in the order they happened.
    for (qsizetype i = jobs.size() - 1; i >= 0; --i) {
        const CiJob &job = jobs.at(i);
        listed.insert(job.id);
        const bool isNew = i < newCount;
        if (!isNew && !m_open.contains(job.id))
            continue;
        QSet<QString> reported = m_open.value(job.id);
        const CiJob header = withoutTasks(job);
        for (const CiTask &task : job.tasks) {
            if (!CiModels::isTerminal(task.status) || reported.contains(task.id))
                continue;
            reported.insert(task.id);
            if (task.operationType == QLatin1String("ingestion"))
                events.append({JobEvent::Kind::IngestionEnded, header, task});
            else if (task.operationType == QLatin1String("segmentation"))
                events.append({JobEvent::Kind::SegmentationEnded, header, task});
            else if (task.operationType == QLatin1String("measures"))
                events.append({JobEvent::Kind::MeasuresEnded, header, task});
        }
        if (!reported.contains(kUnificationKey) && unificationDone(job)) {
            reported.insert(kUnificationKey);
            events.append({JobEvent::Kind::UnificationEnded, header, {}});
        }
        const bool terminal = CiModels::isTerminal(job.status);
        if (terminal && isFullRefresh(job) && !reported.contains(kFullKey))
            events.append({JobEvent::Kind::FullRefreshEnded, header, {}});
        if (terminal) {
            m_open.remove(job.id);
        } else {
            m_open.insert(job.id, reported);
            m_deepestOpenIndex = std::max(m_deepestOpenIndex, int(i));
        }
    }
    if (exhaustive) {
        for (auto it = m_open.begin(); it != m_open.end();) {
            if (listed.contains(it.key()))
                ++it;
            else
                it = m_open.erase(it); // gone from the service, or too far back to follow
        }
    }
    if (!jobs.isEmpty())
        m_newestJobId = jobs.constFirst().id;
    return events;
}

bool JobTracker::needsDeeperListing(const QList<CiJob> &jobs, int requested) const
{
    if (!m_initialized || jobs.size() < requested)
        return false;
    QSet<QString> listed;
    for (const CiJob &job : jobs)
        listed.insert(job.id);
    if (!m_newestJobId.isEmpty() && !listed.contains(m_newestJobId))
        return true;
    return std::any_of(m_open.keyBegin(), m_open.keyEnd(),
                       [&](const QString &id) { return !listed.contains(id); });
}

int JobTracker::suggestedTop(int minimum) const
{
    return std::max(minimum, m_deepestOpenIndex + 1 + kTopMargin);
}

QJsonObject JobTracker::toJson() const
{
    QJsonObject open;
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        QStringList reported = it.value().values();
        reported.sort();
        open.insert(it.key(), QJsonArray::fromStringList(reported));
    }
    return QJsonObject{{QStringLiteral("initialized"), m_initialized},
                       {QStringLiteral("newestJobId"), m_newestJobId},
                       {QStringLiteral("open"), open},
                       {QStringLiteral("deepestOpenIndex"), m_deepestOpenIndex}};
}

JobTracker JobTracker::fromJson(const QJsonObject &json)
{
    JobTracker tracker;
    tracker.m_initialized = json.value(QStringLiteral("initialized")).toBool(false);
    tracker.m_newestJobId = json.value(QStringLiteral("newestJobId")).toString();
    tracker.m_deepestOpenIndex = json.value(QStringLiteral("deepestOpenIndex")).toInt(-1);
    const QJsonObject open = json.value(QStringLiteral("open")).toObject();
    for (auto it = open.begin(); it != open.end(); ++it) {
        QSet<QString> reported;
        const QJsonArray keys = it.value().toArray();
        for (const QJsonValue &key : keys)
            reported.insert(key.toString());
        tracker.m_open.insert(it.key(), reported);
    }
    return tracker;
}
