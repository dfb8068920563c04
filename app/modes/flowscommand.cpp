#include "flowscommand.h"

#include "appoptions.h"
#include "console.h"
#include "database.h"
#include "flowsservice.h"
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
    // No secret store here: an import names the secrets; the app asks for those this computer lacks.
    FlowsService flows(db);
    if (!options.importFlows.isEmpty()) {
        const FlowsService::ImportResult result = flows.importFile(options.importFlows);
        if (result.storeError) {
            Console::err(result.errors.join(u'\n') + u'\n');
            return 1;
        }
        if (!result.ok()) {
            Console::err(QCoreApplication::translate("CommandLine", "%1 cannot be imported:\n")
                             .arg(QDir::toNativeSeparators(options.importFlows)) +
                         result.errors.join(u'\n') + u'\n');
            return 2;
        }
        InstanceGuard::notifyFlowsChanged(options.dataDir); // a connector running on the folder reads them
        Console::out(QCoreApplication::translate("CommandLine", "Imported %n flow(s) from %1.\n", nullptr,
                                                 int(result.ids.size()))
                         .arg(QDir::toNativeSeparators(options.importFlows)));
        return 0;
    }
    QString error;
    const int count = flows.exportFile(options.exportFlows, &error);
    if (count < 0) {
        Console::err(error + u'\n');
        return 1;
    }
    Console::out(QCoreApplication::translate("CommandLine", "Exported %n flow(s) to %1.\n", nullptr, count)
                     .arg(QDir::toNativeSeparators(options.exportFlows)));
    return 0;
}
