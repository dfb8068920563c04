#include "triggerlogpane.h"

#include "clock.h"
#include "common/fonts.h"
#include "common/messageprompt.h"
#include "database.h"
#include "firinglog.h"
#include "flowsservice.h"
#include "retentionservice.h"
#include "triggerlog/triggerlogfiltermodel.h"
#include "triggerlog/triggerlogmodel.h"
#include "triggerlogdetails.h"
#include "triggerlognotifier.h"
#include "triggerlogstatusdelegate.h"
#include "triggerlogview.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kRangeRefreshMs = 60 * 1000;

} // namespace

TriggerLogPane::TriggerLogPane(Database &db, QWidget *parent)
    : TriggerLogPane(db, Clock::system(), parent)
{}

TriggerLogPane::TriggerLogPane(Database &db, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_log(std::make_unique<FiringLog>(db))
    , m_flows(std::make_unique<FlowsService>(db))
    , m_model(new TriggerLogModel(*m_log, this))
    , m_filter(new TriggerLogFilterModel(this))
    , m_exporter(new TriggerLogExporter(*m_log, this))
    , m_notifier(new TriggerLogNotifier(this))
{
    setAccessibleName(tr("Trigger log"));
    m_filter->setClock(m_clock);
    m_filter->setSourceModel(m_model);
    buildUi();
    reloadFlows();

    connect(m_model, &TriggerLogModel::stepFailed, m_notifier, &TriggerLogNotifier::notifyStepFailed);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_model->rowOf(m_details->firingId());
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refreshDetails();
            });
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_filter), static_cast<QAbstractItemModel *>(m_model)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &TriggerLogPane::updateState);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &TriggerLogPane::updateState);
        connect(model, &QAbstractItemModel::modelReset, this, &TriggerLogPane::updateState);
        connect(model, &QAbstractItemModel::layoutChanged, this, &TriggerLogPane::updateState);
    }
    connect(m_model, &TriggerLogModel::cappedChanged, this, &TriggerLogPane::updateState);

    connect(m_exporter, &TriggerLogExporter::progress, m_progress, &QProgressBar::setValue);
    connect(m_exporter, &TriggerLogExporter::finished, this,
            [this](bool ok, int exported, const QString &error) {
                m_progress->hide();
                m_cancelExportButton->hide();
                m_exportButton->setEnabled(true);
                if (ok)
                    setMessage((exported == 1 ? tr("Exported 1 firing to %1.")
                                              : tr("Exported %1 firings to %2.").arg(exported))
                                   .arg(QDir::toNativeSeparators(m_exportPath)));
                else
                    setMessage(error.isEmpty() ? tr("Export cancelled.") : error);
                emit exportFinished(ok, m_exportPath, exported);
            });

    // Relative ranges move with the clock.
    auto *rangeTimer = new QTimer(this);
    rangeTimer->start(kRangeRefreshMs);
    connect(rangeTimer, &QTimer::timeout, m_filter, &TriggerLogFilterModel::refresh);
    updateState();
}

TriggerLogPane::~TriggerLogPane()
{
    // The models read the store through m_log: they go first.
    delete m_exporter;
    m_view->setModel(nullptr);
    delete m_filter;
    delete m_model;
}

void TriggerLogPane::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->setSpacing(12);

    // Title and actions.
    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Trigger log"), this);
    title->setObjectName(QStringLiteral("titleLabel"));
    Fonts::emphasize(title, Fonts::kPaneTitle);
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    m_exportButton = new QPushButton(tr("Export"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setAccessibleName(tr("Export the filtered view"));
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Export as CSV…"), this,
                          [this] { chooseExportFile(TriggerLogExporter::Format::Csv); });
    exportMenu->addAction(tr("Export as JSON…"), this,
                          [this] { chooseExportFile(TriggerLogExporter::Format::Json); });
    m_exportButton->setMenu(exportMenu);
    titleRow->addWidget(m_exportButton);
    m_resubmitButton = new QPushButton(tr("Resubmit…"), this);
    m_resubmitButton->setObjectName(QStringLiteral("resubmitButton"));
    m_resubmitButton->setAccessibleName(tr("Resubmit the selected firing"));
    m_resubmitButton->setToolTip(tr("Run the steps of the selected firing again"));
    titleRow->addWidget(m_resubmitButton);
    layout->addLayout(titleRow);

    // Filter bar.
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(8);
    m_flowCombo = new QComboBox(this);
    m_flowCombo->setObjectName(QStringLiteral("flowComboBox"));
    m_flowCombo->setAccessibleName(tr("Flow"));
    // Long flow names show in full in the popup; the closed box keeps a steady width.
    m_flowCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_flowCombo->setMinimumContentsLength(22);
    m_triggerCombo = new QComboBox(this);
    m_triggerCombo->setObjectName(QStringLiteral("triggerComboBox"));
    m_triggerCombo->setAccessibleName(tr("Trigger"));
    m_triggerCombo->addItem(tr("All triggers"), -1);
    for (const TriggerKind kind : Trigger::allKinds())
        m_triggerCombo->addItem(Trigger::displayName(kind), int(kind));
    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("statusComboBox"));
    m_statusCombo->setAccessibleName(tr("Status"));
    m_statusCombo->addItem(tr("Any status"), -1);
    m_statusCombo->addItem(TriggerLogStatusDelegate::icon(TriggerLogRecord::Status::Failed), tr("Failed"),
                           int(TriggerLogRecord::Status::Failed));
    m_statusCombo->addItem(TriggerLogStatusDelegate::icon(TriggerLogRecord::Status::Running),
                           tr("In progress"), int(TriggerLogRecord::Status::Running));
    m_statusCombo->addItem(TriggerLogStatusDelegate::icon(TriggerLogRecord::Status::Succeeded),
                           tr("Succeeded"), int(TriggerLogRecord::Status::Succeeded));
    m_rangeCombo = new QComboBox(this);
    m_rangeCombo->setObjectName(QStringLiteral("rangeComboBox"));
    m_rangeCombo->setAccessibleName(tr("Time range"));
    m_rangeCombo->addItem(tr("All time"), int(TriggerLogFilter::Range::All));
    m_rangeCombo->addItem(tr("Last hour"), int(TriggerLogFilter::Range::LastHour));
    m_rangeCombo->addItem(tr("Last 24 hours"), int(TriggerLogFilter::Range::Last24Hours));
    m_rangeCombo->addItem(tr("Last 7 days"), int(TriggerLogFilter::Range::Last7Days));
    m_rangeCombo->addItem(tr("Last 28 days"), int(TriggerLogFilter::Range::Last28Days));
    m_rangeCombo->addItem(tr("Custom…"), int(TriggerLogFilter::Range::Custom));
    const QDateTime now = m_clock.now().toLocalTime();
    m_fromEdit = new QDateTimeEdit(now.addDays(-1), this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateTimeEdit"));
    m_fromEdit->setAccessibleName(tr("From"));
    m_fromEdit->setCalendarPopup(true);
    m_fromEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_fromEdit->hide();
    m_toEdit = new QDateTimeEdit(now, this);
    m_toEdit->setObjectName(QStringLiteral("toDateTimeEdit"));
    m_toEdit->setAccessibleName(tr("To"));
    m_toEdit->setCalendarPopup(true);
    m_toEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_toEdit->hide();
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchEdit->setAccessibleName(tr("Search"));
    m_searchEdit->setPlaceholderText(tr("Search subject, payload and errors"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->addAction(QIcon(QStringLiteral(":/icons/ui/search.svg")), QLineEdit::LeadingPosition);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_flowCombo, m_triggerCombo, m_statusCombo,
                                                            m_rangeCombo, m_fromEdit, m_toEdit}) {
        widget->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        filterRow->addWidget(widget);
    }
    m_searchEdit->setMinimumWidth(220);
    filterRow->addWidget(m_searchEdit, 1);
    layout->addLayout(filterRow);

    // The table (or an empty state) above the detail pane.
    m_view = new TriggerLogView(this);
    m_view->setObjectName(QStringLiteral("triggerLogView"));
    m_view->setAccessibleName(tr("Firings"));
    m_view->setModel(m_filter);
    m_view->setItemDelegateForColumn(TriggerLogModel::StatusColumn, new TriggerLogStatusDelegate(m_view));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto widthOf = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 28; };
    header->resizeSection(TriggerLogModel::TimeColumn, widthOf(QStringLiteral("2026-11-24 09:00:00")));
    // Flow and trigger share what is left; the other columns fit their usual content.
    header->setSectionResizeMode(TriggerLogModel::FlowColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TriggerLogModel::TriggerColumn, QHeaderView::Stretch);
    header->resizeSection(TriggerLogModel::SubjectColumn, widthOf(QStringLiteral("HighValueCustomers")));
    header->resizeSection(TriggerLogModel::ValueColumn, widthOf(QStringLiteral("1,234,567 / 1,250")));
    header->resizeSection(TriggerLogModel::StepsColumn, widthOf(QStringLiteral("10/10 ✓")));
    header->resizeSection(TriggerLogModel::StatusColumn, widthOf(QStringLiteral("Succeeded")) + 24);
    header->setMinimumSectionSize(48);

    m_viewStack = new QStackedWidget(this);
    m_viewStack->setObjectName(QStringLiteral("viewStack"));
    m_viewStack->addWidget(m_view);
    m_tablePage = m_view;

    m_emptyPage = new QWidget(m_viewStack);
    m_emptyPage->setObjectName(QStringLiteral("emptyStatePage"));
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    auto *emptyIcon = new QLabel(m_emptyPage);
    emptyIcon->setPixmap(
        QIcon(QStringLiteral(":/icons/ui/trigger-log.svg")).pixmap(QSize(48, 48), devicePixelRatio()));
    emptyIcon->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(emptyIcon);
    auto *emptyHeading = new QLabel(tr("No firings yet"), m_emptyPage);
    emptyHeading->setObjectName(QStringLiteral("emptyStateHeading"));
    Fonts::emphasize(emptyHeading, Fonts::kHeading);
    emptyHeading->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(emptyHeading);
    auto *emptyText = new QLabel(
        tr("No firings yet — flows fire when their trigger happens in your instance."), m_emptyPage);
    emptyText->setObjectName(QStringLiteral("emptyStateLabel"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addStretch(2);
    m_viewStack->addWidget(m_emptyPage);

    m_noMatchPage = new QWidget(m_viewStack);
    m_noMatchPage->setObjectName(QStringLiteral("noMatchPage"));
    auto *noMatchLayout = new QVBoxLayout(m_noMatchPage);
    noMatchLayout->addStretch(1);
    auto *noMatch = new QLabel(tr("No firings match the filter."), m_noMatchPage);
    noMatch->setObjectName(QStringLiteral("noMatchLabel"));
    noMatch->setAlignment(Qt::AlignCenter);
    noMatchLayout->addWidget(noMatch);
    auto *clearFilters = new QPushButton(tr("Clear the filter"), m_noMatchPage);
    clearFilters->setObjectName(QStringLiteral("clearFilterButton"));
    noMatchLayout->addWidget(clearFilters, 0, Qt::AlignHCenter);
    noMatchLayout->addStretch(2);
    m_viewStack->addWidget(m_noMatchPage);

    m_details = new TriggerLogDetails(this);
    m_details->setObjectName(QStringLiteral("triggerLogDetails"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("triggerLogSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_viewStack);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // Footer: what is shown, export progress, retention and clear.
    auto *footer = new QHBoxLayout;
    footer->setSpacing(8);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    footer->addWidget(m_countLabel);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    footer->addWidget(m_messageLabel, 1);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgressBar"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    footer->addWidget(m_progress);
    m_cancelExportButton = new QPushButton(tr("Cancel export"), this);
    m_cancelExportButton->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancelExportButton->hide();
    footer->addWidget(m_cancelExportButton);
    auto *retentionLabel = new QLabel(tr("Keep firings for"), this);
    footer->addWidget(retentionLabel);
    m_retentionSpin = new QSpinBox(this);
    m_retentionSpin->setObjectName(QStringLiteral("retentionSpinBox"));
    m_retentionSpin->setAccessibleName(tr("Keep firings for (days)"));
    m_retentionSpin->setRange(RetentionService::kMinDays, RetentionService::kMaxDays);
    m_retentionSpin->setSuffix(tr(" days"));
    m_retentionSpin->setKeyboardTracking(false); // typing "14" must not prune at "1"
    retentionLabel->setBuddy(m_retentionSpin);
    m_retentionSpin->setValue(RetentionService::kDefaultDays);
    m_retentionSpin->setEnabled(false); // until setRetentionService()
    footer->addWidget(m_retentionSpin);
    m_clearButton = new QPushButton(tr("Clear log…"), this);
    m_clearButton->setObjectName(QStringLiteral("clearLogButton"));
    m_clearButton->setAccessibleName(tr("Clear the trigger log"));
    footer->addWidget(m_clearButton);
    layout->addLayout(footer);

    // Behaviour.
    connect(m_flowCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant id = m_flowCombo->itemData(index);
        m_filter->setFlowId(id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt);
    });
    connect(m_triggerCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int kind = m_triggerCombo->itemData(index).toInt();
        m_filter->setTrigger(kind < 0 ? std::nullopt : std::optional<TriggerKind>(TriggerKind(kind)));
    });
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int status = m_statusCombo->itemData(index).toInt();
        m_filter->setStatus(status < 0
                                ? std::nullopt
                                : std::optional<TriggerLogRecord::Status>(TriggerLogRecord::Status(status)));
    });
    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this, &TriggerLogPane::applyRange);
    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, this, &TriggerLogPane::applyRange);
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, this, &TriggerLogPane::applyRange);
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(200);
    connect(m_searchEdit, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, [this] { m_filter->setSearchText(m_searchEdit->text()); });
    connect(clearFilters, &QPushButton::clicked, this, [this] {
        m_flowCombo->setCurrentIndex(0);
        m_triggerCombo->setCurrentIndex(0);
        m_statusCombo->setCurrentIndex(0);
        m_rangeCombo->setCurrentIndex(0);
        m_searchEdit->clear();
        m_filter->clearFilters();
    });
    connect(m_filter, &TriggerLogFilterModel::filterChanged, this, &TriggerLogPane::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TriggerLogPane::updateSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TriggerLogPane::updateSelection);
    connect(m_resubmitButton, &QPushButton::clicked, this, &TriggerLogPane::requestResubmit);
    connect(m_clearButton, &QPushButton::clicked, this, &TriggerLogPane::requestClear);
    connect(m_cancelExportButton, &QPushButton::clicked, m_exporter, &TriggerLogExporter::cancel);
    setFocusProxy(m_view);
}

int TriggerLogPane::retentionDays() const
{
    return m_retentionSpin->value();
}

void TriggerLogPane::setRetentionDays(int days)
{
    m_retentionSpin->setValue(days);
}

bool TriggerLogPane::isExporting() const
{
    return m_exporter->isRunning();
}

void TriggerLogPane::updateStepRun(const StepRun &run)
{
    m_model->updateStepRun(run);
    if (run.firingId == m_details->firingId())
        refreshDetails(); // the shown firing's steps move on (a retry, a resubmission)
}

void TriggerLogPane::reloadFlows()
{
    QHash<qint64, QString> names;
    m_stepCounts.clear();
    m_stepNames.clear();
    for (const Flow &flow : m_flows->list()) {
        names.insert(flow.id, flow.name);
        m_stepCounts.insert(flow.id, int(flow.steps.size()));
        QStringList stepNames;
        for (const Step &step : flow.steps)
            stepNames << Step::displayName(step.kind);
        m_stepNames.insert(flow.id, stepNames);
    }
    // Flows that fired but are gone keep their logged name.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const TriggerLogRecord &record = m_model->record(row);
        if (!names.contains(record.flowId))
            names.insert(record.flowId, tr("%1 (deleted)").arg(record.flowName));
    }
    m_model->setStepCounts(m_stepCounts);
    m_exporter->setStepCounts(m_stepCounts);

    const QVariant current = m_flowCombo->currentData();
    const QSignalBlocker blocker(m_flowCombo);
    m_flowCombo->clear();
    m_flowCombo->addItem(tr("All flows"));
    QList<std::pair<QString, qint64>> sorted;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    for (const auto &[name, id] : sorted)
        m_flowCombo->addItem(name, id);
    const int index = current.isValid() ? m_flowCombo->findData(current) : 0;
    m_flowCombo->setCurrentIndex(qMax(0, index));
    if (current.isValid() && index < 0)
        m_filter->setFlowId(std::nullopt);
}

void TriggerLogPane::applyRange()
{
    const auto range = TriggerLogFilter::Range(m_rangeCombo->currentData().toInt());
    const bool custom = range == TriggerLogFilter::Range::Custom;
    m_fromEdit->setVisible(custom);
    m_toEdit->setVisible(custom);
    if (custom) {
        const QDateTime from = m_fromEdit->dateTime().toUTC();
        const QDateTime to = m_toEdit->dateTime().toUTC();
        m_filter->setCustomRange(from, to);
        // Older than the loaded window is reachable: the model starts at the range's end.
        m_model->setDetectedRange(from, to);
    } else {
        m_filter->setRange(range);
        TriggerLogFilter filter = m_filter->filter();
        m_model->setDetectedRange(filter.from(m_filter->now()), QDateTime());
    }
}

void TriggerLogPane::updateState()
{
    const int shown = m_filter->rowCount();
    const bool anyLoaded = m_model->rowCount() > 0;
    const bool bounded = m_model->detectedFrom().isValid() || m_model->detectedTo().isValid();
    QWidget *page = m_tablePage;
    if (shown == 0)
        page = anyLoaded || bounded || m_filter->filter().isActive() ? m_noMatchPage : m_emptyPage;
    m_viewStack->setCurrentWidget(page);

    QString count = shown == 1 ? tr("1 firing shown") : tr("%1 firings shown").arg(QLocale().toString(shown));
    if (m_model->isCapped()) {
        count +=
            QStringLiteral(" · ") + tr("only the newest %1 are loaded; choose a time range to see older ones")
                                        .arg(QLocale().toString(m_model->rowCount()));
    } else if (m_model->canFetchMore({}))
        count += QStringLiteral(" · ") + tr("older firings load as you scroll");
    m_countLabel->setText(count);
    m_countLabel->setVisible(page != m_emptyPage);
    updateSelection();
}

QString TriggerLogPane::selectedFiringId() const
{
    // The current row when it is selected, else the one selected row (a selection made in code).
    const QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid() && selection->isRowSelected(current.row(), current.parent()))
        return current.data(TriggerLogModel::FiringIdRole).toString();
    const QModelIndexList rows = selection->selectedRows();
    return rows.size() == 1 ? rows.first().data(TriggerLogModel::FiringIdRole).toString() : QString();
}

void TriggerLogPane::updateSelection()
{
    const QString id = selectedFiringId();
    m_resubmitButton->setEnabled(!id.isEmpty());
    if (id.isEmpty()) {
        m_details->clear();
        return;
    }
    if (id != m_details->firingId())
        refreshDetails();
}

void TriggerLogPane::refreshDetails()
{
    const QString id = selectedFiringId();
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_details->clear();
        return;
    }
    const TriggerLogRecord &record = m_model->record(row);
    m_details->showFiring(record, m_model->stepRuns(row), m_stepNames.value(record.flowId),
                          m_model->stepCount(record.flowId));
}

void TriggerLogPane::setMessage(const QString &message)
{
    m_messageLabel->setText(message);
}

void TriggerLogPane::chooseExportFile(TriggerLogExporter::Format format)
{
    const bool csv = format == TriggerLogExporter::Format::Csv;
    auto *dialog = new QFileDialog(this, csv ? tr("Export the trigger log as CSV")
                                             : tr("Export the trigger log as JSON"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("trigger-log-%1.%2")
                           .arg(m_clock.now().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")),
                                csv ? QStringLiteral("csv") : QStringLiteral("json")));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, format](const QString &path) { startExport(path, format); });
    dialog->open();
}

void TriggerLogPane::startExport(const QString &path, TriggerLogExporter::Format format)
{
    m_exportPath = path;
    m_exporter->setFilter(m_filter->filter(), m_filter->now());
    if (!m_exporter->start(path, format)) {
        setMessage(m_exporter->errorString());
        emit exportFinished(false, path, 0);
        return;
    }
    setMessage(tr("Exporting…"));
    m_progress->setValue(0);
    m_progress->show();
    m_cancelExportButton->show();
    m_exportButton->setEnabled(false);
}

void TriggerLogPane::setRetentionService(RetentionService *retention)
{
    m_retentionSpin->setValue(retention->days());
    m_retentionSpin->setEnabled(true);
    connect(m_retentionSpin, &QSpinBox::valueChanged, retention, &RetentionService::setDays);
    connect(retention, &RetentionService::daysChanged, m_retentionSpin, &QSpinBox::setValue);
    connect(retention, &RetentionService::pruned, this, [this](const QDateTime &cutoff, int removed) {
        m_model->removeOlderThan(cutoff);
        setMessage(removed == 1 ? tr("Removed 1 firing older than the retention period.")
                                : tr("Removed %1 firings older than the retention period.").arg(removed));
    });
    connect(retention, &RetentionService::pruneFailed, this, &TriggerLogPane::setMessage);
}

void TriggerLogPane::requestResubmit()
{
    const QString id = selectedFiringId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const TriggerLogRecord &record = m_model->record(row);
    const bool failed = m_model->status(row) == TriggerLogRecord::Status::Failed;
    MessagePrompt::Question question;
    question.icon = QMessageBox::Warning;
    question.title = tr("Resubmit firing");
    question.text = tr("Run the steps of “%1” again for this firing?").arg(record.flowName);
    question.informativeText =
        tr("Side effects repeat: Teams messages are posted again, emails are sent again and "
           "HTTP endpoints are called again.");
    question.choices = {
        {ResubmitAllAnswer, tr("Resubmit all steps"), QMessageBox::AcceptRole},
        {ResubmitFailedAnswer, tr("Resubmit failed steps only"), QMessageBox::AcceptRole, failed},
        {CancelAnswer, tr("Cancel"), QMessageBox::RejectRole},
    };
    question.defaultId = CancelAnswer;
    MessagePrompt::ask(this, question, [this, id](int answer) {
        if (answer == ResubmitAllAnswer || answer == ResubmitFailedAnswer) {
            emit resubmitRequested(id, answer == ResubmitFailedAnswer);
            setMessage(tr("Resubmitted."));
        }
    });
}

void TriggerLogPane::requestClear()
{
    MessagePrompt::Question question;
    question.icon = QMessageBox::Warning;
    question.title = tr("Clear the trigger log");
    question.text = tr("Delete every firing and its step runs from this computer?");
    question.informativeText =
        tr("This cannot be undone. Flows keep running; new firings appear as they happen.");
    question.choices = {
        {ClearAnswer, tr("Clear log"), QMessageBox::DestructiveRole},
        {CancelAnswer, tr("Cancel"), QMessageBox::RejectRole},
    };
    question.defaultId = CancelAnswer;
    MessagePrompt::ask(this, question, [this](int answer) {
        if (answer != ClearAnswer)
            return;
        // Everything detected until now (and a little after, for clocks slightly apart).
        const int removed = m_log->prune(m_clock.now().addDays(1));
        if (removed < 0) {
            setMessage(m_db.errorString());
            return;
        }
        m_model->reload();
        setMessage(removed == 1 ? tr("Cleared 1 firing.") : tr("Cleared %1 firings.").arg(removed));
        emit cleared();
    });
}
