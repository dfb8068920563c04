#include "connectorlog.h"

Q_LOGGING_CATEGORY(lcConnector, "insights.connector")
