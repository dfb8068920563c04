#include "eventlog.h"

#include <algorithm>

void EventLog::append(QJsonObject event)
{
    event.insert(QStringLiteral("seq"), double(m_next++));
    m_entries.push_back(std::move(event));
    if (m_entries.size() > size_t(kMaxEntries))
        m_entries.pop_front();
}

qint64 EventLog::firstSeq() const
{
    return m_next - qint64(m_entries.size());
}

QJsonArray EventLog::since(qint64 after, int limit) const
{
    QJsonArray result;
    const qint64 first = firstSeq();
    const qint64 start = std::max<qint64>(after + 1, first);
    for (qint64 seq = start; seq < m_next && result.size() < limit; ++seq)
        result.append(m_entries[size_t(seq - first)]);
    return result;
}
