// A token endpoint's answer (status from the first byte, then the body) and the id_token's account claim.
#include "tokenrequest.h"
#include "tokenset.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const int statuses[] = {200, 400, 401, 500};
    const int status = statuses[data[0] % 4];
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const auto result =
        TokenRequest::parseResponse(status, body, QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC));
    (void)result;
    (void)accountFromIdToken(body);
    return 0;
}
