// Retry-After: delta-seconds or an HTTP date; anything else means no usable hold. A hold given in seconds is
// never more than a day away.
#include "apiclient.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime now(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
    const auto until = parseRetryAfter(value, now);
    bool isNumber = false;
    value.trimmed().toLongLong(&isNumber);
    if (until && isNumber && (now.secsTo(*until) < 0 || now.secsTo(*until) > 24 * 3600))
        std::abort();
    return 0;
}
