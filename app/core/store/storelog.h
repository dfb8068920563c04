#pragma once

#include <QLoggingCategory>

// insights.store: opening, migrations, SQL errors. Never a secret (flows hold only secret references).
Q_DECLARE_LOGGING_CATEGORY(lcStore)
