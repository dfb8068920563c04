#include "flowscommand.h"

#include "appoptions.h"
#include "console.h"
#include "database.h"
#include "flowjson.h"
#include "flowstore.h"
#include "instanceguard.h"

#include <QCoreApplication>
#include <QDir>

int runFlowsCommand(const AppOptions &options)
{
    Database db;
    if (!db.open(options.dataDir, QStringLiteral("cli"))) {
        Console::err(db.errorString() + u'\n');
        return 1;
    }
    FlowStore store(db);
    if (!options.importFlows.isEmpty()) {
        const FlowJson::Result result = FlowJson::readFile(options.importFlows);
        if (!result.ok()) {
            Console::err(QCoreApplication::translate("CommandLine", "%1 cannot be imported:\n")
                             .arg(QDir::toNativeSeparators(options.importFlows)) +
                         result.errors.join(u'\n') + u'\n');
            return 2;
        }
        const QList<qint64> ids = store.insertAll(result.flows);
        if (ids.size() != result.flows.size()) {
            Console::err(db.errorString() + u'\n');
            return 1;
        }
        InstanceGuard::notifyFlowsChanged(options.dataDir); // a connector running on the folder reads them
        Console::out(QCoreApplication::translate("CommandLine", "Imported %n flow(s) from %1.\n", nullptr,
                                                 int(ids.size()))
                         .arg(QDir::toNativeSeparators(options.importFlows)));
        return 0;
    }
    const QList<Flow> flows = store.list();
    if (!db.errorString().isEmpty()) {
        Console::err(db.errorString() + u'\n');
        return 1;
    }
    QString error;
    if (!FlowJson::writeFile(options.exportFlows, flows, &error)) {
        Console::err(error + u'\n');
        return 1;
    }
    Console::out(
        QCoreApplication::translate("CommandLine", "Exported %n flow(s) to %1.\n", nullptr, int(flows.size()))
            .arg(QDir::toNativeSeparators(options.exportFlows)));
    return 0;
}
