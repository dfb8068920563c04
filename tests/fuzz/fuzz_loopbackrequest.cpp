// The loopback listener's HTTP request parser: whatever a local process sends must not crash it.
#include "loopbackrequest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const LoopbackRequest request =
        parseLoopbackRequest(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)request;
    return 0;
}
