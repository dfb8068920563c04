// Every Customer Insights payload parser; the first byte picks the parser. A parser must reject or accept,
// never crash, and never hand back half a result with an error.
#include "cimodels.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QString error;
    bool ok = false;
    switch (data[0] % 12) {
    case 0: {
        QList<CiInstance> out;
        ok = CiModels::parseInstances(json, &out, &error);
        break;
    }
    case 1: {
        QList<CiJob> out;
        ok = CiModels::parseJobs(json, &out, &error);
        break;
    }
    case 2: {
        CiJob out;
        ok = CiModels::parseJob(json, &out, &error);
        break;
    }
    case 3: {
        QList<CiTask> out;
        ok = CiModels::parseHistory(json, &out, &error);
        break;
    }
    case 4: {
        QList<CiDataSource> out;
        ok = CiModels::parseDataSources(json, &out, &error);
        break;
    }
    case 5: {
        QList<CiSegment> out;
        ok = CiModels::parseSegments(json, &out, &error);
        break;
    }
    case 6: {
        QList<CiMeasure> out;
        ok = CiModels::parseMeasures(json, &out, &error);
        break;
    }
    case 7: {
        CiRowsPage out;
        ok = CiModels::parseRowsPage(json, &out, &error);
        break;
    }
    case 8:
        (void)CiModels::errorMessage(json);
        return 0;
    case 10: {
        CiMeasure out; // one measure with its output history
        ok = CiModels::parseMeasure(json, &out, &error);
        break;
    }
    case 11: {
        QList<CiEntity> out;
        ok = CiModels::parseEntities(json, &out, &error);
        break;
    }
    default:
        (void)CiModels::parseDateTime(QString::fromUtf8(json));
        return 0;
    }
    if (ok == !error.isEmpty())
        std::abort(); // an error exactly when the parse failed
    return 0;
}
