// The flows JSON import: any input is accepted or refused with errors; what is accepted exports to a
// document that imports again to the same flows.
#include "flowjson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FlowJson::Result first =
        FlowJson::parse(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!first.errors.isEmpty())
        return 0;
    const FlowJson::Result second = FlowJson::parse(FlowJson::serialize(first.flows));
    if (!second.errors.isEmpty() || second.flows.size() != first.flows.size())
        std::abort();
    return 0;
}
