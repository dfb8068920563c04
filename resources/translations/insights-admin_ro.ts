<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO">
<context>
    <name>AccountPane</name>
    <message>
        <source>Sign in</source>
        <translation>Conectare</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Deconectare</translation>
    </message>
    <message>
        <source>Discovered from the authority</source>
        <translation>Descoperit de la autoritate</translation>
    </message>
    <message>
        <source>Separated by spaces</source>
        <translation>Separate prin spații</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvare</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Anulare modificări</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cont</translation>
    </message>
    <message>
        <source>Signed-in account</source>
        <translation>Contul conectat</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Cont:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Stare:</translation>
    </message>
    <message>
        <source>Authority:</source>
        <translation>Autoritate:</translation>
    </message>
    <message>
        <source>Access token expires:</source>
        <translation>Tokenul de acces expiră:</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Token de reîmprospătare:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexiune</translation>
    </message>
    <message>
        <source>Authorize URL:</source>
        <translation>URL de autorizare:</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL pentru token:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>ID client:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Domenii (scopes):</translation>
    </message>
    <message>
        <source>API base URL:</source>
        <translation>URL de bază API:</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Neconectat</translation>
    </message>
    <message>
        <source>No access token</source>
        <translation>Niciun token de acces</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Conectați-vă din nou</translation>
    </message>
    <message>
        <source>A new subscription key</source>
        <translation>O cheie de abonament nouă</translation>
    </message>
    <message>
        <source>Replace key</source>
        <translation>Înlocuiește cheia</translation>
    </message>
    <message>
        <source>Subscription key:</source>
        <translation>Cheie de abonament:</translation>
    </message>
    <message>
        <source>New subscription key</source>
        <translation>Cheie de abonament nouă</translation>
    </message>
</context>
<context>
    <name>ApiJob</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Cererea a fost anulată.</translation>
    </message>
    <message>
        <source>Customer Insights did not answer in time. Check your network connection; the connector keeps trying.</source>
        <translation>Customer Insights nu a răspuns la timp. Verificați conexiunea la rețea; conectorul continuă să încerce.</translation>
    </message>
    <message>
        <source>Customer Insights cannot be reached. Check your network connection; the connector keeps trying.</source>
        <translation>Customer Insights nu poate fi contactat. Verificați conexiunea la rețea; conectorul continuă să încerce.</translation>
    </message>
    <message>
        <source>Customer Insights keeps refusing calls for exceeding its rate limit.</source>
        <translation>Customer Insights refuză în continuare apelurile pentru depășirea limitei de apeluri.</translation>
    </message>
    <message>
        <source>Customer Insights no longer accepts your sign-in. Sign in again.</source>
        <translation>Customer Insights nu mai acceptă conectarea dvs. Conectați-vă din nou.</translation>
    </message>
    <message>
        <source>Customer Insights refused the request (HTTP %1)%2</source>
        <translation>Customer Insights a refuzat cererea (HTTP %1)%2</translation>
    </message>
    <message>
        <source>Customer Insights sent a response that is not valid JSON.</source>
        <translation>Customer Insights a trimis un răspuns care nu este JSON valid.</translation>
    </message>
    <message>
        <source>Customer Insights needs the API subscription key of this connection and none is stored: enter it in the Account pane, or sign in again with --subscription-key.</source>
        <translation>Customer Insights are nevoie de cheia de abonament API a acestei conexiuni și nu este memorată niciuna: introduceți-o în panoul Cont sau conectați-vă din nou cu --subscription-key.</translation>
    </message>
    <message>
        <source>Customer Insights refused the API subscription key of this connection: enter the right one in the Account pane, or sign in again with --subscription-key.</source>
        <translation>Customer Insights a refuzat cheia de abonament API a acestei conexiuni: introduceți-o pe cea corectă în panoul Cont sau conectați-vă din nou cu --subscription-key.</translation>
    </message>
</context>
<context>
    <name>AuthSession</name>
    <message>
        <source>Not remembered: the system secret store refused it (%1)</source>
        <translation>Nu este memorat: depozitul de secrete al sistemului l-a refuzat (%1)</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Autentificarea a expirat. Autentificați-vă din nou.</translation>
    </message>
    <message>
        <source>Checking the system secret store…</source>
        <translation>Se verifică depozitul de secrete al sistemului…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Neconectat</translation>
    </message>
    <message>
        <source>Signing in with the remembered account…</source>
        <translation>Conectare cu contul memorat…</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Conectat</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Conectat ca %1</translation>
    </message>
    <message>
        <source>Signed in as %1; renewing the access token…</source>
        <translation>Conectat ca %1; se reînnoiește tokenul de acces…</translation>
    </message>
    <message>
        <source>Sign-in expired: sign in again to continue.</source>
        <translation>Conectarea a expirat: conectați-vă din nou pentru a continua.</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Lipsește</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Memorată</translation>
    </message>
    <message>
        <source>Not stored yet: it is stored once you are signed in</source>
        <translation>Nememorată încă: se memorează după ce vă conectați</translation>
    </message>
    <message>
        <source>Not stored: used until the app closes</source>
        <translation>Nememorată: folosită până la închiderea aplicației</translation>
    </message>
    <message>
        <source>Not stored: the system secret store refused it (%1)</source>
        <translation>Nememorată: depozitul de secrete al sistemului a refuzat-o (%1)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Configure and run Power Automate flows for Dynamics 365 Customer Insights.</source>
        <translation>Configurați și rulați fluxuri Power Automate pentru Dynamics 365 Customer Insights.</translation>
    </message>
    <message>
        <source>Keep all state under &lt;dir&gt; (default: %1).</source>
        <translation>Păstrează toate datele în &lt;dir&gt; (implicit: %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (en, ro) instead of the system&apos;s.</source>
        <translation>Folosește limba &lt;code&gt; (en, ro) în locul celei a sistemului.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>cod</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for the options.</source>
        <translation>Rulați „%1 --help” pentru a vedea opțiunile.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument neașteptat: %1</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; is not available; using %2.
</source>
        <translation>Limba „%1” nu este disponibilă; se folosește %2.
</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Choose another one with --data-dir.
</source>
        <translation>Dosarul de date %1 nu poate fi creat. Alegeți altul cu --data-dir.
</translation>
    </message>
    <message>
        <source>Sign in with the system browser without opening a window, remember the sign-in, and exit.</source>
        <translation>Conectare prin browserul sistemului fără a deschide o fereastră, memorarea conectării și ieșire.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The public client&apos;s id.</source>
        <translation>ID-ul clientului public.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>The scopes to ask for, separated by spaces.</source>
        <translation>Domeniile (scopes) cerute, separate prin spații.</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>domenii</translation>
    </message>
    <message>
        <source>The API subscription key (kept in the secret store).</source>
        <translation>Cheia de abonament API (păstrată în depozitul de secrete).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>cheie</translation>
    </message>
    <message>
        <source>The embedded sandbox could not start: %1
</source>
        <translation>Mediul sandbox încorporat nu a putut porni: %1
</translation>
    </message>
    <message>
        <source>The connection settings cannot be used:
</source>
        <translation>Setările conexiunii nu pot fi folosite:
</translation>
    </message>
    <message>
        <source>Run the connector without a window: one JSON line per firing on stdout, diagnostics on stderr, until SIGTERM or SIGINT.</source>
        <translation>Rulează conectorul fără fereastră: o linie JSON pe declanșare la stdout, diagnostice la stderr, până la SIGTERM sau SIGINT.</translation>
    </message>
    <message>
        <source>Add the flows of the flows JSON &lt;file&gt;, then exit.</source>
        <translation>Adaugă fluxurile din fișierul JSON de fluxuri &lt;file&gt;, apoi iese.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fișier</translation>
    </message>
    <message>
        <source>Write every flow to the flows JSON &lt;file&gt;, then exit.</source>
        <translation>Scrie toate fluxurile în fișierul JSON de fluxuri &lt;file&gt;, apoi iese.</translation>
    </message>
    <message>
        <source>--sign-in, --headless, --import-flows and --export-flows exclude each other: give one.</source>
        <translation>--sign-in, --headless, --import-flows și --export-flows se exclud reciproc: dați doar una.</translation>
    </message>
    <message>
        <source>%1 cannot be imported:
</source>
        <translation>%1 nu poate fi importat:
</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n flow(s) from %1.
</source>
        <translation>
            <numerusform>A fost importat %n flux din %1.
</numerusform>
            <numerusform>Au fost importate %n fluxuri din %1.
</numerusform>
            <numerusform>Au fost importate %n de fluxuri din %1.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n flow(s) to %1.
</source>
        <translation>
            <numerusform>A fost exportat %n flux în %1.
</numerusform>
            <numerusform>Au fost exportate %n fluxuri în %1.
</numerusform>
            <numerusform>Au fost exportate %n de fluxuri în %1.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Connector: %1
</source>
        <translation>Conector: %1
</translation>
    </message>
    <message>
        <source>insights-admin: later starts cannot reach this one (%1).
</source>
        <translation>insights-admin: pornirile ulterioare nu pot contacta această instanță (%1).
</translation>
    </message>
    <message>
        <source>insights-admin: another insights-admin is already running the connector for %1 (pid %2).
</source>
        <translation>insights-admin: un alt insights-admin rulează deja conectorul pentru %1 (pid %2).
</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>%1 is not a valid URL.</source>
        <translation>%1 nu este un URL valid.</translation>
    </message>
    <message>
        <source>%1 must start with https://.</source>
        <translation>%1 trebuie să înceapă cu https://.</translation>
    </message>
    <message>
        <source>%1 must use https:// (http:// is allowed only for 127.0.0.1 and localhost).</source>
        <translation>%1 trebuie să folosească https:// (http:// este permis doar pentru 127.0.0.1 și localhost).</translation>
    </message>
    <message>
        <source>%1 must not contain a user name, a password or a fragment (#).</source>
        <translation>%1 nu trebuie să conțină un nume de utilizator, o parolă sau un fragment (#).</translation>
    </message>
    <message>
        <source>Authority URL is required (or both the authorize URL and the token URL).</source>
        <translation>URL-ul autorității este obligatoriu (sau atât URL-ul de autorizare, cât și URL-ul de token).</translation>
    </message>
    <message>
        <source>Authority URL</source>
        <translation>URL-ul autorității</translation>
    </message>
    <message>
        <source>Authority URL must not contain a query (?).</source>
        <translation>URL-ul autorității nu trebuie să conțină o interogare (?).</translation>
    </message>
    <message>
        <source>Authorize URL and token URL go together: set both or neither.</source>
        <translation>URL-ul de autorizare și URL-ul de token merg împreună: setați-le pe amândouă sau pe niciunul.</translation>
    </message>
    <message>
        <source>Authorize URL</source>
        <translation>URL-ul de autorizare</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>URL-ul de token</translation>
    </message>
    <message>
        <source>Client ID is required.</source>
        <translation>ID-ul clientului este obligatoriu.</translation>
    </message>
    <message>
        <source>Client ID must not contain spaces.</source>
        <translation>ID-ul clientului nu trebuie să conțină spații.</translation>
    </message>
    <message>
        <source>At least one scope is required.</source>
        <translation>Este necesar cel puțin un domeniu de acces (scope).</translation>
    </message>
    <message>
        <source>Scopes must be separated by spaces and must not be empty.</source>
        <translation>Domeniile de acces trebuie separate prin spații și nu pot fi goale.</translation>
    </message>
    <message>
        <source>API base URL is required.</source>
        <translation>URL-ul de bază al API-ului este obligatoriu.</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>URL-ul de bază al API-ului</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nu sunteți autentificat.</translation>
    </message>
    <message>
        <source>The connector stopped before it answered. Try again once it runs.</source>
        <translation>Conectorul s-a oprit înainte să răspundă. Încercați din nou după ce pornește.</translation>
    </message>
</context>
<context>
    <name>ConnectorRequests</name>
    <message>
        <source>The Customer Insights instance could not be read. %1</source>
        <translation>Instanța Customer Insights nu a putut fi citită. %1</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of instances. Try again later; the details are in the log.</source>
        <translation>Customer Insights a trimis o listă de instanțe neașteptată. Încercați din nou mai târziu; detaliile sunt în jurnal.</translation>
    </message>
    <message>
        <source>This account has no Customer Insights instance. Sign in with an account that has one.</source>
        <translation>Acest cont nu are nicio instanță Customer Insights. Conectați-vă cu un cont care are una.</translation>
    </message>
    <message>
        <source>This account cannot see the instance %1. Check the instance in the connection settings on the Account page.</source>
        <translation>Acest cont nu vede instanța %1. Verificați instanța în setările conexiunii de pe pagina Cont.</translation>
    </message>
    <message>
        <source>Not signed in. Sign in on the Account page to load the instance&apos;s data sources, segments and measures.</source>
        <translation>Nu sunteți conectat. Conectați-vă pe pagina Cont pentru a încărca sursele de date, segmentele și măsurile instanței.</translation>
    </message>
    <message>
        <source>The data sources could not be loaded. %1</source>
        <translation>Sursele de date nu au putut fi încărcate. %1</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of data sources. Try again later; the details are in the log.</source>
        <translation>Customer Insights a trimis o listă de surse de date neașteptată. Încercați din nou mai târziu; detaliile sunt în jurnal.</translation>
    </message>
    <message>
        <source>The segments could not be loaded. %1</source>
        <translation>Segmentele nu au putut fi încărcate. %1</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of segments. Try again later; the details are in the log.</source>
        <translation>Customer Insights a trimis o listă de segmente neașteptată. Încercați din nou mai târziu; detaliile sunt în jurnal.</translation>
    </message>
    <message>
        <source>The measures could not be loaded. %1</source>
        <translation>Măsurile nu au putut fi încărcate. %1</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of measures. Try again later; the details are in the log.</source>
        <translation>Customer Insights a trimis o listă de măsuri neașteptată. Încercați din nou mai târziu; detaliile sunt în jurnal.</translation>
    </message>
    <message>
        <source>The entities could not be loaded. %1</source>
        <translation>Entitățile nu au putut fi încărcate. %1</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of entities. Try again later; the details are in the log.</source>
        <translation>Customer Insights a trimis o listă de entități neașteptată. Încercați din nou mai târziu; detaliile sunt în jurnal.</translation>
    </message>
    <message>
        <source>Not signed in. Sign in on the Account page to preview the items of an entity.</source>
        <translation>Nu sunteți conectat. Conectați-vă pe pagina Cont pentru a previzualiza elementele unei entități.</translation>
    </message>
    <message>
        <source>Only a Get items step has items to preview.</source>
        <translation>Doar un pas Obține elemente are elemente de previzualizat.</translation>
    </message>
    <message>
        <source>The items cannot be previewed. %1</source>
        <translation>Elementele nu pot fi previzualizate. %1</translation>
    </message>
    <message>
        <source>Not signed in. Sign in on the Account page to test-fire a flow.</source>
        <translation>Nu sunteți conectat. Conectați-vă pe pagina Cont pentru a face o declanșare de test a unui flux.</translation>
    </message>
    <message>
        <source>The test firing needs the segment&apos;s current member count, which could not be read. %1</source>
        <translation>Declanșarea de test are nevoie de numărul actual de membri ai segmentului, care nu a putut fi citit. %1</translation>
    </message>
    <message>
        <source>The test firing needs the measure&apos;s current value, which could not be read. %1</source>
        <translation>Declanșarea de test are nevoie de valoarea actuală a măsurii, care nu a putut fi citită. %1</translation>
    </message>
    <message>
        <source>The test firing needs the data source&apos;s name, which could not be read. %1</source>
        <translation>Declanșarea de test are nevoie de numele sursei de date, care nu a putut fi citit. %1</translation>
    </message>
    <message>
        <source>The connector stopped before the test firing could start. Sign in on the Account page and test-fire again.</source>
        <translation>Conectorul s-a oprit înainte ca declanșarea de test să poată începe. Conectați-vă pe pagina Cont și faceți din nou declanșarea de test.</translation>
    </message>
    <message>
        <source>The test firing could not be recorded in the trigger log: %1</source>
        <translation>Declanșarea de test nu a putut fi înregistrată în jurnalul declanșatoarelor: %1</translation>
    </message>
    <message>
        <source>Not signed in. Sign in on the Account page to resubmit a firing.</source>
        <translation>Nu sunteți conectat. Conectați-vă pe pagina Cont pentru a retrimite o declanșare.</translation>
    </message>
    <message>
        <source>The connector stopped before the firing could be resubmitted. Sign in on the Account page and resubmit it again.</source>
        <translation>Conectorul s-a oprit înainte ca declanșarea să poată fi retrimisă. Conectați-vă pe pagina Cont și retrimiteți-o încă o dată.</translation>
    </message>
</context>
<context>
    <name>ConnectorStatus</name>
    <message>
        <source>Stopped</source>
        <translation>Oprit</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Pornește</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Interoghează</translation>
    </message>
    <message>
        <source>Held until %1</source>
        <translation>În așteptare până la %1</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Deconectat</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Eroare</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Eroare: %1</translation>
    </message>
    <message>
        <source>%1 / %2 calls in the last %3 s</source>
        <translation>%1 / %2 apeluri în ultimele %3 s</translation>
    </message>
</context>
<context>
    <name>ConnectorWorker</name>
    <message>
        <source>Customer Insights sent an unexpected list of instances.</source>
        <translation>Customer Insights a trimis o listă de instanțe neașteptată.</translation>
    </message>
    <message>
        <source>This account has no Customer Insights instance.</source>
        <translation>Acest cont nu are nicio instanță Customer Insights.</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of data sources.</source>
        <translation>Customer Insights a trimis o listă de surse de date neașteptată.</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of jobs.</source>
        <translation>Customer Insights a trimis o listă de joburi neașteptată.</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of segments.</source>
        <translation>Customer Insights a trimis o listă de segmente neașteptată.</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected list of measures.</source>
        <translation>Customer Insights a trimis o listă de măsuri neașteptată.</translation>
    </message>
    <message>
        <source>The trigger log cannot be written: %1</source>
        <translation>Jurnalul declanșatoarelor nu poate fi scris: %1</translation>
    </message>
    <message>
        <source>Customer Insights sent an unexpected measure.</source>
        <translation>Customer Insights a trimis o măsură neașteptată.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the data folder %1. Check that its location exists and that you may write there, or choose another folder with --data-dir.</source>
        <translation>Nu se poate crea dosarul de date %1. Verificați că locația există și că aveți drept de scriere acolo sau alegeți alt dosar cu --data-dir.</translation>
    </message>
    <message>
        <source>%1 is not a database file. Move it aside, or choose another data folder with --data-dir.</source>
        <translation>%1 nu este un fișier de bază de date. Mutați-l în altă parte sau alegeți alt dosar de date cu --data-dir.</translation>
    </message>
    <message>
        <source>Cannot write to the data folder %1. Make it writable, or choose another folder with --data-dir.</source>
        <translation>Nu se poate scrie în dosarul de date %1. Permiteți scrierea în el sau alegeți alt dosar cu --data-dir.</translation>
    </message>
    <message>
        <source>The database %1 is read-only. Make it writable, or choose another data folder with --data-dir.</source>
        <translation>Baza de date %1 este doar în citire. Permiteți scrierea în ea sau alegeți alt dosar de date cu --data-dir.</translation>
    </message>
    <message>
        <source>Internal error: the database connection %1 is already open on this thread.</source>
        <translation>Eroare internă: conexiunea la baza de date %1 este deja deschisă pe acest fir de execuție.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is missing (package libqt6sql6-sqlite). Reinstall Insights Admin.</source>
        <translation>Lipsește driverul SQLite al Qt (pachetul libqt6sql6-sqlite). Reinstalați Insights Admin.</translation>
    </message>
    <message>
        <source>Cannot open the database %1 (%2). Check that the file and its folder are writable, or choose another data folder with --data-dir.</source>
        <translation>Nu se poate deschide baza de date %1 (%2). Verificați că fișierul și dosarul lui permit scrierea sau alegeți alt dosar de date cu --data-dir.</translation>
    </message>
    <message>
        <source>Database error (%1): %2</source>
        <translation>Eroare a bazei de date (%1): %2</translation>
    </message>
    <message>
        <source>The database %1 is damaged or is not an Insights Admin database (%2). Quit Insights Admin, move the file aside (keep it for support) and start again: a new, empty database will be created. Your flows can be imported again from an export.</source>
        <translation>Baza de date %1 este deteriorată sau nu este o bază de date Insights Admin (%2). Închideți Insights Admin, mutați fișierul în altă parte (păstrați-l pentru asistență) și porniți din nou: se va crea o bază de date nouă, goală. Fluxurile pot fi importate din nou dintr-un export.</translation>
    </message>
    <message>
        <source>The disk holding the database %1 is full. Free some space and try again.</source>
        <translation>Discul pe care se află baza de date %1 este plin. Eliberați spațiu și încercați din nou.</translation>
    </message>
    <message>
        <source>Cannot write to the database %1 (%2). Make the file and its folder writable, or choose another data folder with --data-dir.</source>
        <translation>Nu se poate scrie în baza de date %1 (%2). Permiteți scrierea în fișier și în dosarul lui sau alegeți alt dosar de date cu --data-dir.</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (is it on a network drive?). Choose a local data folder with --data-dir.</source>
        <translation>Baza de date %1 nu poate folosi jurnalizarea anticipată (WAL) (se află pe o unitate de rețea?). Alegeți un dosar de date local cu --data-dir.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Insights Admin (schema %2, this version reads up to %3). Update Insights Admin, or choose another data folder with --data-dir.</source>
        <translation>Baza de date %1 a fost scrisă de o versiune mai nouă a Insights Admin (schema %2; această versiune citește până la %3). Actualizați Insights Admin sau alegeți alt dosar de date cu --data-dir.</translation>
    </message>
    <message>
        <source>Database error (starting a transaction): %1</source>
        <translation>Eroare a bazei de date (la începerea unei tranzacții): %1</translation>
    </message>
    <message>
        <source>Database error (committing a transaction): %1</source>
        <translation>Eroare a bazei de date (la confirmarea unei tranzacții): %1</translation>
    </message>
</context>
<context>
    <name>DestinationCatalogueModel</name>
    <message>
        <source>Automation</source>
        <translation>Automatizare</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analiză</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stocare</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Publicitate</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Sales and service</source>
        <translation>Vânzări și servicii</translation>
    </message>
    <message>
        <source>Data onboarding</source>
        <translation>Integrare de date</translation>
    </message>
    <message>
        <source>Cannot read the destination catalogue %1: %2</source>
        <translation>Catalogul de destinații %1 nu poate fi citit: %2</translation>
    </message>
    <message>
        <source>The destination catalogue %1 is not valid JSON (at offset %2: %3).</source>
        <translation>Catalogul de destinații %1 nu este JSON valid (la poziția %2: %3).</translation>
    </message>
    <message>
        <source>The destination catalogue %1 has no &quot;destinations&quot; list.</source>
        <translation>Catalogul de destinații %1 nu are o listă „destinations”.</translation>
    </message>
    <message>
        <source>Destination %1 in the catalogue has a missing or invalid &quot;%2&quot;.</source>
        <translation>Destinația %1 din catalog are câmpul „%2” lipsă sau nevalid.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 Press Enter to %2.</source>
        <translation>%1 Apăsați Enter pentru: %2.</translation>
    </message>
    <message>
        <source>Configure</source>
        <translation>Configurare</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>Aflați mai multe</translation>
    </message>
</context>
<context>
    <name>DestinationTileView</name>
    <message>
        <source>Export destinations catalogue</source>
        <translation>Catalogul destinațiilor de export</translation>
    </message>
</context>
<context>
    <name>EmailStep</name>
    <message>
        <source>&quot;%1&quot; is not a valid email address.</source>
        <translation>„%1” nu este o adresă de e-mail validă.</translation>
    </message>
    <message>
        <source>No sender address is set up for email (the &quot;from&quot; of the SMTP server).</source>
        <translation>Nu este configurată o adresă de expeditor pentru e-mail („from” al serverului SMTP).</translation>
    </message>
    <message>
        <source>The sender &quot;%1&quot; is not a valid email address.</source>
        <translation>Expeditorul „%1” nu este o adresă de e-mail validă.</translation>
    </message>
    <message>
        <source>The email has no recipient.</source>
        <translation>E-mailul nu are niciun destinatar.</translation>
    </message>
    <message>
        <source>No SMTP server is set up for sending email.</source>
        <translation>Nu este configurat niciun server SMTP pentru trimiterea e-mailurilor.</translation>
    </message>
    <message>
        <source>Email cannot be sent: no worker for SMTP.</source>
        <translation>E-mailul nu poate fi trimis: nu există niciun fir de lucru pentru SMTP.</translation>
    </message>
</context>
<context>
    <name>EmailStepEditor</name>
    <message>
        <source>owner@contoso.com, team@contoso.com</source>
        <translation>owner@contoso.com, team@contoso.com</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Către</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subiect</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <source>New SMTP server…</source>
        <translation>Server SMTP nou…</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Server SMTP</translation>
    </message>
    <message>
        <source>Default for the security</source>
        <translation>Implicit pentru securitatea aleasă</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (portul 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (portul 465)</translation>
    </message>
    <message>
        <source>None: a local relay only (port 25)</source>
        <translation>Niciuna: doar un releu local (portul 25)</translation>
    </message>
    <message>
        <source>Leave empty when the server needs no sign-in</source>
        <translation>Lăsați gol dacă serverul nu cere autentificare</translation>
    </message>
    <message>
        <source>Insights Admin &lt;alerts@contoso.com&gt;</source>
        <translation>Insights Admin &lt;alerts@contoso.com&gt;</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Securitate</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nume de utilizator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parolă</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De la</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>Introduceți cel puțin un destinatar.</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>Introduceți un subiect.</translation>
    </message>
    <message>
        <source>Enter the message.</source>
        <translation>Introduceți mesajul.</translation>
    </message>
    <message>
        <source>Choose an SMTP server, or enter a new one below.</source>
        <translation>Alegeți un server SMTP sau introduceți unul nou mai jos.</translation>
    </message>
    <message>
        <source>Enter the password of the SMTP user.</source>
        <translation>Introduceți parola utilizatorului SMTP.</translation>
    </message>
</context>
<context>
    <name>EndpointDiscovery</name>
    <message>
        <source>The authority does not publish its sign-in endpoints. Set the authorize URL and the token URL in the connection settings.</source>
        <translation>Autoritatea nu își publică punctele de autentificare. Setați URL-ul de autorizare și URL-ul de token în setările conexiunii.</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server. Check the network connection and the authority.</source>
        <translation>Serverul de autentificare nu a putut fi contactat. Verificați conexiunea la rețea și autoritatea.</translation>
    </message>
    <message>
        <source>The authority did not describe its sign-in endpoints. Check the authority URL, or set the authorize URL and the token URL.</source>
        <translation>Autoritatea nu și-a descris punctele de autentificare. Verificați URL-ul autorității sau setați URL-ul de autorizare și URL-ul de token.</translation>
    </message>
    <message>
        <source>The authority&apos;s description of its sign-in endpoints cannot be used. Set the authorize URL and the token URL in the connection settings.</source>
        <translation>Descrierea punctelor de autentificare ale autorității nu poate fi folosită. Setați URL-ul de autorizare și URL-ul de token în setările conexiunii.</translation>
    </message>
</context>
<context>
    <name>ExportDestinationsPane</name>
    <message>
        <source>Export destinations</source>
        <translation>Destinații de export</translation>
    </message>
    <message>
        <source>Share segments, measures and events from Customer Insights with the apps and services you use.</source>
        <translation>Partajați segmente, măsuri și evenimente din Customer Insights cu aplicațiile și serviciile pe care le folosiți.</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>Descoperiți</translation>
    </message>
    <message>
        <source>Search destinations</source>
        <translation>Căutați destinații</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>No export destination matches your search. Clear the search box or pick another category.</source>
        <translation>Nicio destinație de export nu corespunde căutării. Goliți caseta de căutare sau alegeți altă categorie.</translation>
    </message>
    <message>
        <source>My export destinations</source>
        <translation>Destinațiile mele de export</translation>
    </message>
    <message>
        <source>You have not set up any export destination yet. On the Discover tab, choose Configure on the Power Automate tile to connect Customer Insights to your flows.</source>
        <translation>Nu ați configurat încă nicio destinație de export. În fila Descoperiți, alegeți Configurare pe dala Power Automate pentru a conecta Customer Insights la fluxurile dvs.</translation>
    </message>
    <message>
        <source>Go to Discover</source>
        <translation>Mergeți la Descoperiți</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toate categoriile</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>Se afișează %1 din %2</translation>
    </message>
</context>
<context>
    <name>FiringLog</name>
    <message>
        <source>A firing of the flow &quot;%1&quot; has no id; nothing was recorded.</source>
        <translation>O declanșare a fluxului „%1” nu are identificator; nu s-a înregistrat nimic.</translation>
    </message>
</context>
<context>
    <name>FlowEditor</name>
    <message>
        <source>Test fire</source>
        <translation>Declanșare de test</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvare</translation>
    </message>
    <message>
        <source>Runs the steps now with a sample firing built from the instance&apos;s current data. The firing is marked as a test in the trigger log.</source>
        <translation>Rulează pașii acum cu o declanșare exemplu, construită din datele actuale ale instanței. Declanșarea este marcată ca test în jurnalul declanșatoarelor.</translation>
    </message>
    <message>
        <source>Instance %1, read at %2.</source>
        <translation>Instanța %1, citită la %2.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Reîmprospătare</translation>
    </message>
    <message>
        <source>The instance&apos;s data could not be loaded: %1</source>
        <translation>Datele instanței nu au putut fi încărcate: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Încercați din nou</translation>
    </message>
    <message>
        <source>The test could not start: %1</source>
        <translation>Testul nu a putut porni: %1</translation>
    </message>
    <message>
        <source>%1. %2: waiting</source>
        <translation>%1. %2: în așteptare</translation>
    </message>
    <message>
        <source>✓ Every step succeeded.</source>
        <translation>✓ Toți pașii au reușit.</translation>
    </message>
    <message>
        <source>✗ A step failed: see its error above and in the trigger log.</source>
        <translation>✗ Un pas a eșuat: vedeți eroarea lui mai sus și în jurnalul declanșatoarelor.</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Enabled: the connector watches for this trigger</source>
        <translation>Activat: conectorul urmărește acest declanșator</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pași</translation>
    </message>
    <message>
        <source>Run in order each time the trigger fires. A Get items step&apos;s rows are available to the steps after it as {{items}}.</source>
        <translation>Rulează în ordine la fiecare declanșare. Rândurile unui pas Obține elemente sunt disponibile pașilor de după el ca {{items}}.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Adaugă pas</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimină</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Mută în sus</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Mută în jos</translation>
    </message>
    <message>
        <source>Test fire runs the steps once with a sample firing, so you can see that messages arrive. Side effects are real.</source>
        <translation>Declanșarea de test rulează pașii o dată cu o declanșare exemplu, ca să vedeți că mesajele ajung. Efectele sunt reale.</translation>
    </message>
    <message>
        <source>New flow</source>
        <translation>Flux nou</translation>
    </message>
    <message>
        <source>Edit flow</source>
        <translation>Editare flux</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Măsură</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Sursă de date</translation>
    </message>
    <message>
        <source>Any data source</source>
        <translation>Orice sursă de date</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln member(s))</source>
        <translation>
            <numerusform>%1 (%Ln membru)</numerusform>
            <numerusform>%1 (%Ln membri)</numerusform>
            <numerusform>%1 (%Ln de membri)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not evaluated yet)</source>
        <translation>%1 (neevaluat încă)</translation>
    </message>
    <message>
        <source>%1 (has a dimension: not supported)</source>
        <translation>%1 (are o dimensiune: neacceptată)</translation>
    </message>
    <message>
        <source>The connector supports only business measures without a dimension.</source>
        <translation>Conectorul acceptă doar măsuri de business fără dimensiune.</translation>
    </message>
    <message>
        <source>%1 (now %2)</source>
        <translation>%1 (acum %2)</translation>
    </message>
    <message numerus="yes">
        <source>Now: %Ln member(s)</source>
        <translation>
            <numerusform>Acum: %Ln membru</numerusform>
            <numerusform>Acum: %Ln membri</numerusform>
            <numerusform>Acum: %Ln de membri</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Acum: %1</translation>
    </message>
    <message>
        <source>Current value not known yet</source>
        <translation>Valoarea actuală nu este cunoscută încă</translation>
    </message>
    <message>
        <source>The value is already above the threshold: the first crossing will happen only after the value drops back to or below the threshold.</source>
        <translation>Valoarea este deja peste prag: prima depășire va avea loc doar după ce valoarea coboară înapoi la prag sau sub el.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Enter a name for the flow.</source>
        <translation>Introduceți un nume pentru flux.</translation>
    </message>
    <message>
        <source>Choose the segment to watch.</source>
        <translation>Alegeți segmentul de urmărit.</translation>
    </message>
    <message>
        <source>Choose the measure to watch.</source>
        <translation>Alegeți măsura de urmărit.</translation>
    </message>
    <message>
        <source>Add at least one step: a flow without steps only writes to the trigger log.</source>
        <translation>Adăugați cel puțin un pas: un flux fără pași doar scrie în jurnalul declanșatoarelor.</translation>
    </message>
    <message>
        <source>This step has problems.</source>
        <translation>Acest pas are probleme.</translation>
    </message>
    <message>
        <source>Fix the problems marked in the form first.</source>
        <translation>Corectați mai întâi problemele marcate în formular.</translation>
    </message>
    <message>
        <source>Loading the instance&apos;s data sources, segments and measures…</source>
        <translation>Se încarcă sursele de date, segmentele și măsurile instanței…</translation>
    </message>
    <message>
        <source>The system secret store is not ready yet, so the secrets cannot be kept. Try again in a moment.</source>
        <translation>Depozitul de secrete al sistemului nu este încă pregătit, așa că secretele nu pot fi păstrate. Încercați din nou peste câteva momente.</translation>
    </message>
    <message>
        <source>The secret could not be kept in the system secret store: %1. Nothing was saved.</source>
        <translation>Secretul nu a putut fi păstrat în depozitul de secrete al sistemului: %1. Nu s-a salvat nimic.</translation>
    </message>
    <message>
        <source>The flow could not be saved: %1</source>
        <translation>Fluxul nu a putut fi salvat: %1</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>S-a salvat „%1”.</translation>
    </message>
    <message>
        <source>Starting the test…</source>
        <translation>Se pornește testul…</translation>
    </message>
    <message>
        <source>✓ succeeded</source>
        <translation>✓ reușit</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ eșuat</translation>
    </message>
    <message>
        <source>running</source>
        <translation>în curs</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>în așteptare</translation>
    </message>
    <message>
        <source>(attempt %1)</source>
        <translation>(încercarea %1)</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
</context>
<context>
    <name>FlowJson</name>
    <message>
        <source>a JSON object is required</source>
        <translation>este necesar un obiect JSON</translation>
    </message>
    <message>
        <source>unknown field (known: %1)</source>
        <translation>câmp necunoscut (cunoscute: %1)</translation>
    </message>
    <message>
        <source>a non-empty string is required</source>
        <translation>este necesar un șir nevid</translation>
    </message>
    <message>
        <source>a string is required</source>
        <translation>este necesar un șir</translation>
    </message>
    <message>
        <source>true or false is required</source>
        <translation>este necesar true sau false</translation>
    </message>
    <message>
        <source>a number is required</source>
        <translation>este necesar un număr</translation>
    </message>
    <message>
        <source>the name of a secret store entry is required (letters, digits, &quot;.&quot;, &quot;_&quot;, &quot;-&quot;, &quot;@&quot;; at most 128), never the secret itself</source>
        <translation>este necesar numele unei intrări din depozitul de secrete (litere, cifre, „.”, „_”, „-”, „@”; cel mult 128), niciodată secretul însuși</translation>
    </message>
    <message>
        <source>a non-empty array of email addresses is required</source>
        <translation>este necesară o listă nevidă de adrese de e-mail</translation>
    </message>
    <message>
        <source>an array of email addresses is required</source>
        <translation>este necesară o listă de adrese de e-mail</translation>
    </message>
    <message>
        <source>an email address is required</source>
        <translation>este necesară o adresă de e-mail</translation>
    </message>
    <message>
        <source>textBody or htmlBody is required</source>
        <translation>este necesar textBody sau htmlBody</translation>
    </message>
    <message>
        <source>one of %1 is required</source>
        <translation>este necesară una dintre valorile %1</translation>
    </message>
    <message>
        <source>an http:// or https:// URL is required</source>
        <translation>este necesar un URL http:// sau https://</translation>
    </message>
    <message>
        <source>headers that carry credentials are not stored in flows; sign the request with signingSecretRef instead</source>
        <translation>antetele care conțin date de autentificare nu se păstrează în fluxuri; semnați cererea cu signingSecretRef</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1 is required</source>
        <translation>este necesar un număr întreg de la 1 la %1</translation>
    </message>
    <message>
        <source>unknown trigger type &quot;%1&quot; (known: %2)</source>
        <translation>tip de declanșator necunoscut „%1” (cunoscute: %2)</translation>
    </message>
    <message>
        <source>does not apply to the trigger %1 (it takes: %2)</source>
        <translation>nu se aplică declanșatorului %1 (acesta acceptă: %2)</translation>
    </message>
    <message>
        <source>a number of members (0 or more) is required</source>
        <translation>este necesar un număr de membri (0 sau mai mult)</translation>
    </message>
    <message>
        <source>unknown step type &quot;%1&quot; (known: %2)</source>
        <translation>tip de pas necunoscut „%1” (cunoscute: %2)</translation>
    </message>
    <message>
        <source>. Secrets are not stored in flows: name a secret store entry in a ...SecretRef field instead.</source>
        <translation>. Secretele nu se păstrează în fluxuri: numiți în schimb o intrare din depozitul de secrete într-un câmp ...SecretRef.</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>cel mult %1 caractere</translation>
    </message>
    <message>
        <source>an array is required</source>
        <translation>este necesară o listă</translation>
    </message>
    <message>
        <source>Not valid JSON at offset %1: %2</source>
        <translation>JSON nevalid la poziția %1: %2</translation>
    </message>
    <message>
        <source>the document must be a JSON object {&quot;version&quot;: %1, &quot;flows&quot;: [...]}</source>
        <translation>documentul trebuie să fie un obiect JSON {&quot;version&quot;: %1, &quot;flows&quot;: [...]}</translation>
    </message>
    <message>
        <source>unsupported version %1 (this version of Insights Admin reads version %2)</source>
        <translation>versiune neacceptată %1 (această versiune a Insights Admin citește versiunea %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Nu se poate citi %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Nu se poate scrie %1: %2</translation>
    </message>
</context>
<context>
    <name>FlowListModel</name>
    <message>
        <source>Any data source</source>
        <translation>Orice sursă de date</translation>
    </message>
    <message>
        <source>%1 (above %2)</source>
        <translation>%1 (peste %2)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activ</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Inactiv</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Niciodată</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Declanșator</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subiect</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activat</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Ultima declanșare</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Ultimele 24 h</translation>
    </message>
</context>
<context>
    <name>FlowStore</name>
    <message>
        <source>The database did not return the id of the new flow.</source>
        <translation>Baza de date nu a returnat identificatorul fluxului nou.</translation>
    </message>
    <message>
        <source>The flow no longer exists (it may have been deleted).</source>
        <translation>Fluxul nu mai există (poate a fost șters).</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
</context>
<context>
    <name>FlowTemplates</name>
    <message>
        <source>Post to Teams when a data source refresh fails</source>
        <translation>Postează în Teams când reîmprospătarea unei surse de date eșuează</translation>
    </message>
    <message>
        <source>Email data owners when a segment crosses a threshold</source>
        <translation>Trimite e-mail proprietarilor datelor când un segment depășește un prag</translation>
    </message>
    <message>
        <source>Tells a Teams channel which data source failed to refresh, with the job to look at.</source>
        <translation>Anunță un canal Teams ce sursă de date nu s-a putut reîmprospăta, împreună cu jobul de verificat.</translation>
    </message>
    <message>
        <source>Emails the segment&apos;s owners when its member count rises above a number you choose.</source>
        <translation>Trimite e-mail proprietarilor segmentului când numărul lui de membri crește peste un număr ales de dvs.</translation>
    </message>
    <message>
        <source>Data source refresh failed: {{dataSource.name}}</source>
        <translation>Reîmprospătarea sursei de date a eșuat: {{dataSource.name}}</translation>
    </message>
    <message>
        <source>The refresh of {{dataSource.name}} in {{instance.name}} failed at {{firedAt}}. Job: {{job.id}}.</source>
        <translation>Reîmprospătarea sursei de date {{dataSource.name}} din {{instance.name}} a eșuat la {{firedAt}}. Job: {{job.id}}.</translation>
    </message>
    <message>
        <source>{{subject}} now has {{value}} members</source>
        <translation>{{subject}}: numărul de membri este acum {{value}}</translation>
    </message>
    <message>
        <source>The segment {{subject}} in {{instance.name}} grew from {{previousValue}} to {{value}} members, above the threshold of {{threshold}}.

This message was sent by the flow &quot;{{flow.name}}&quot;.</source>
        <translation>Numărul de membri ai segmentului {{subject}} din {{instance.name}} a crescut de la {{previousValue}} la {{value}}, peste pragul de {{threshold}}.

Acest mesaj a fost trimis de fluxul „{{flow.name}}”.</translation>
    </message>
</context>
<context>
    <name>GetItemsStep</name>
    <message>
        <source>Get items needs a Customer Insights connection; none is set up.</source>
        <translation>Obținerea elementelor necesită o conexiune Customer Insights; nu este configurată niciuna.</translation>
    </message>
    <message>
        <source>The step names no entity to get items from.</source>
        <translation>Pasul nu numește nicio entitate din care să obțină elemente.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %1 failed after %n row(s): %2</source>
        <translation>
            <numerusform>Citirea %1 a eșuat după %n rând: %2</numerusform>
            <numerusform>Citirea %1 a eșuat după %n rânduri: %2</numerusform>
            <numerusform>Citirea %1 a eșuat după %n de rânduri: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer Insights sent rows of %1 in an unexpected shape: %2</source>
        <translation>Customer Insights a trimis rânduri din %1 într-o formă neașteptată: %2</translation>
    </message>
    <message numerus="yes">
        <source>Read %n row(s) of %1 in %2 page(s).</source>
        <translation>
            <numerusform>S-a citit %n rând din %1 în %2 pagini.</numerusform>
            <numerusform>S-au citit %n rânduri din %1 în %2 pagini.</numerusform>
            <numerusform>S-au citit %n de rânduri din %1 în %2 pagini.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GetItemsStepEditor</name>
    <message>
        <source>Preview</source>
        <translation>Previzualizare</translation>
    </message>
    <message>
        <source>Columns, separated by commas (all when empty)</source>
        <translation>Coloane separate prin virgule (toate, dacă este gol)</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entitate</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtru</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Coloane</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>Ordonare după</translation>
    </message>
    <message>
        <source>Row limit</source>
        <translation>Limită de rânduri</translation>
    </message>
    <message>
        <source>Loading the first rows…</source>
        <translation>Se încarcă primele rânduri…</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (din %2)</translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation>Niciun rând nu corespunde.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s):</source>
        <translation>
            <numerusform>Primul rând (%n):</numerusform>
            <numerusform>Primele %n rânduri:</numerusform>
            <numerusform>Primele %n de rânduri:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessSignIn</name>
    <message>
        <source>Sign in in your browser. If it did not open, open this link: %1</source>
        <translation>Conectați-vă în browser. Dacă nu s-a deschis, deschideți acest link: %1</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Conectare la %1…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Conectat ca %1.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalii: %1</translation>
    </message>
    <message>
        <source>Subscription key: %1</source>
        <translation>Cheie de abonament: %1</translation>
    </message>
</context>
<context>
    <name>HttpCallStep</name>
    <message>
        <source>Unsupported HTTP method &quot;%1&quot;.</source>
        <translation>Metoda HTTP „%1” nu este acceptată.</translation>
    </message>
    <message>
        <source>The URL of the step is not an http or https URL.</source>
        <translation>URL-ul pasului nu este un URL http sau https.</translation>
    </message>
</context>
<context>
    <name>HttpStepAction</name>
    <message>
        <source>No answer from %1 within %2 s.</source>
        <translation>Niciun răspuns de la %1 în %2 s.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 nu a putut fi contactat: %2</translation>
    </message>
    <message>
        <source>Accepted by %1 (HTTP %2).</source>
        <translation>Acceptat de %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>Throttled by %1 (HTTP 429).</source>
        <translation>Limitat de %1 (HTTP 429).</translation>
    </message>
    <message>
        <source>Server error from %1 (HTTP %2)%3</source>
        <translation>Eroare de server de la %1 (HTTP %2)%3</translation>
    </message>
    <message>
        <source>Redirect from %1 (HTTP %2) not followed.</source>
        <translation>Redirecționarea de la %1 (HTTP %2) nu a fost urmată.</translation>
    </message>
    <message>
        <source>Refused by %1 (HTTP %2)%3</source>
        <translation>Refuzat de %1 (HTTP %2)%3</translation>
    </message>
</context>
<context>
    <name>HttpStepEditor</name>
    <message>
        <source>One per line, e.g. X-Team: data</source>
        <translation>Câte unul pe linie, de ex. X-Team: data</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metodă</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Antete</translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation>Corp JSON</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Secret de semnare</translation>
    </message>
    <message>
        <source>Optional. When set, each request carries an HMAC-SHA256 signature of its body made with this key. Kept in the system secret store.</source>
        <translation>Opțional. Dacă este setat, fiecare cerere poartă o semnătură HMAC-SHA256 a corpului ei, făcută cu această cheie. Se păstrează în depozitul de secrete al sistemului.</translation>
    </message>
    <message>
        <source>Enter the URL to call.</source>
        <translation>Introduceți URL-ul de apelat.</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// URL.</source>
        <translation>Introduceți un URL http:// sau https://.</translation>
    </message>
    <message>
        <source>Line %1 is not a header: write it as Name: value.</source>
        <translation>Linia %1 nu este un antet: scrieți-o ca Nume: valoare.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at character %2.</source>
        <translation>Corpul nu este JSON valid: %1 la caracterul %2.</translation>
    </message>
</context>
<context>
    <name>LoopbackListener</name>
    <message>
        <source>Request too large</source>
        <translation>Cerere prea mare</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Cerere greșită</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Metodă nepermisă</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Negăsit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Insights Admin</source>
        <translation>Insights Admin</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigare</translation>
    </message>
    <message>
        <source>Export destinations</source>
        <translation>Destinații de export</translation>
    </message>
    <message>
        <source>Power Automate</source>
        <translation>Power Automate</translation>
    </message>
    <message>
        <source>Trigger log</source>
        <translation>Jurnalul declanșatoarelor</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cont</translation>
    </message>
    <message>
        <source>%1 / %2 calls in the last 60 s</source>
        <translation>%1 / %2 apeluri în ultimele 60 s</translation>
    </message>
    <message>
        <source>Instance: %1</source>
        <translation>Instanță: %1</translation>
    </message>
    <message>
        <source>Last poll: %1</source>
        <translation>Ultima interogare: %1</translation>
    </message>
    <message>
        <source>The oldest call leaves the window at %1.</source>
        <translation>Cel mai vechi apel iese din fereastră la %1.</translation>
    </message>
    <message>
        <source>Resubmitted: the steps run again; each attempt is listed in the details.</source>
        <translation>Retrimis: pașii rulează din nou; fiecare încercare apare în detalii.</translation>
    </message>
    <message>
        <source>The firing could not be resubmitted: %1</source>
        <translation>Declanșarea nu a putut fi retrimisă: %1</translation>
    </message>
    <message>
        <source>Power Automate (%1)</source>
        <translation>Power Automate (%1)</translation>
    </message>
</context>
<context>
    <name>MyDestinationsModel</name>
    <message>
        <source>Ready</source>
        <translation>Pregătit</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Este necesară conectarea</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Eroare</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creat</translation>
    </message>
</context>
<context>
    <name>ObservationStore</name>
    <message>
        <source>An observation needs a segment or measure, its name and a time; nothing was recorded.</source>
        <translation>O observație necesită un segment sau o măsură, numele acestuia și un moment de timp; nu s-a înregistrat nimic.</translation>
    </message>
</context>
<context>
    <name>PowerAutomatePane</name>
    <message>
        <source>Power Automate</source>
        <translation>Power Automate</translation>
    </message>
    <message>
        <source>Flows react to events in your Customer Insights instance and run the steps you choose.</source>
        <translation>Fluxurile reacționează la evenimentele din instanța Customer Insights și rulează pașii pe care îi alegeți.</translation>
    </message>
    <message>
        <source>Sign in to continue</source>
        <translation>Conectați-vă pentru a continua</translation>
    </message>
    <message>
        <source>Flows run against a Customer Insights instance. Sign in with your browser to connect this app to your instance.</source>
        <translation>Fluxurile rulează pe o instanță Customer Insights. Conectați-vă prin browser pentru a conecta această aplicație la instanța dvs.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Conectare</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Conectare…</translation>
    </message>
    <message>
        <source>Signing in with the account you used last time.</source>
        <translation>Conectare cu contul folosit data trecută.</translation>
    </message>
    <message>
        <source>Your sign-in has expired</source>
        <translation>Conectarea dvs. a expirat</translation>
    </message>
    <message>
        <source>The service no longer accepts the saved sign-in. Sign in again to continue; your flows are kept.</source>
        <translation>Serviciul nu mai acceptă conectarea salvată. Conectați-vă din nou pentru a continua; fluxurile dvs. sunt păstrate.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Conectați-vă din nou</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Conectat ca %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editează</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplică</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Dezactivează</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Șterge</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importă…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportă…</translation>
    </message>
    <message>
        <source>New flow</source>
        <translation>Flux nou</translation>
    </message>
    <message>
        <source>Blank flow</source>
        <translation>Flux gol</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Fluxuri</translation>
    </message>
    <message>
        <source>No flows yet</source>
        <translation>Niciun flux încă</translation>
    </message>
    <message>
        <source>Start from one of the documented uses, or from a blank flow.</source>
        <translation>Porniți de la una dintre utilizările documentate sau de la un flux gol.</translation>
    </message>
    <message>
        <source>Import flows</source>
        <translation>Importă fluxuri</translation>
    </message>
    <message>
        <source>Flows (*.json)</source>
        <translation>Fluxuri (*.json)</translation>
    </message>
    <message>
        <source>Export flows</source>
        <translation>Exportă fluxurile</translation>
    </message>
    <message>
        <source>The enabled flows run in the background while the app is open.</source>
        <translation>Fluxurile activate rulează în fundal cât timp aplicația este deschisă.</translation>
    </message>
    <message>
        <source>The flows could not be read: %1</source>
        <translation>Fluxurile nu au putut fi citite: %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activează</translation>
    </message>
    <message>
        <source>The flow could not be read: %1</source>
        <translation>Fluxul nu a putut fi citit: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modificări nesalvate</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot;?</source>
        <translation>Salvați modificările aduse fluxului „%1”?</translation>
    </message>
    <message>
        <source>If you don&apos;t, they are lost.</source>
        <translation>Altfel, acestea se pierd.</translation>
    </message>
    <message>
        <source>The flow cannot be saved as it is: fix the problems marked in the form, or discard the changes.</source>
        <translation>Fluxul nu poate fi salvat în forma actuală: corectați problemele marcate în formular sau renunțați la modificări.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvare</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Renunță la modificări</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuă editarea</translation>
    </message>
    <message>
        <source>The flow could not be duplicated: %1</source>
        <translation>Fluxul nu a putut fi duplicat: %1</translation>
    </message>
    <message>
        <source>Duplicated. The copy is disabled until you enable it, so the trigger does not fire twice.</source>
        <translation>Duplicat. Copia este dezactivată până când o activați, ca fluxul să nu se declanșeze de două ori.</translation>
    </message>
    <message>
        <source>Delete flow</source>
        <translation>Ștergere flux</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;?</source>
        <translation>Ștergeți „%1”?</translation>
    </message>
    <message>
        <source>It stops firing at once. Its firings stay in the trigger log.</source>
        <translation>Încetează imediat să se declanșeze. Declanșările lui rămân în jurnalul declanșatoarelor.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
    <message>
        <source>The flow could not be deleted: %1</source>
        <translation>Fluxul nu a putut fi șters: %1</translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was changed:
%2</source>
        <translation>%1 nu poate fi importat; nu s-a modificat nimic:
%2</translation>
    </message>
    <message>
        <source>The flows could not be stored: %1</source>
        <translation>Fluxurile nu au putut fi stocate: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n flow(s) from %1.</source>
        <translation>
            <numerusform>A fost importat %n flux din %1.</numerusform>
            <numerusform>Au fost importate %n fluxuri din %1.</numerusform>
            <numerusform>Au fost importate %n de fluxuri din %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Secrets of the imported flows</source>
        <translation>Secretele fluxurilor importate</translation>
    </message>
    <message>
        <source>The imported flows use secrets that this computer&apos;s secret store does not have. Enter them now, or later in the flow editor: until then the steps that need them fail.</source>
        <translation>Fluxurile importate folosesc secrete pe care depozitul de secrete al acestui computer nu le are. Introduceți-le acum sau mai târziu în editorul de fluxuri: până atunci, pașii care au nevoie de ele eșuează.</translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be stored: %2</source>
        <translation>Secretul „%1” nu a putut fi stocat: %2</translation>
    </message>
    <message>
        <source>The flows could not be exported: %1</source>
        <translation>Fluxurile nu au putut fi exportate: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n flow(s) to %1. Secrets are not part of the file: the steps name their secret store entries, and an import asks for them.</source>
        <translation>
            <numerusform>A fost exportat %n flux în %1. Secretele nu fac parte din fișier: pașii numesc intrările lor din depozitul de secrete, iar importul le cere.</numerusform>
            <numerusform>Au fost exportate %n fluxuri în %1. Secretele nu fac parte din fișier: pașii numesc intrările lor din depozitul de secrete, iar importul le cere.</numerusform>
            <numerusform>Au fost exportate %n de fluxuri în %1. Secretele nu fac parte din fișier: pașii numesc intrările lor din depozitul de secrete, iar importul le cere.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be removed from the secret store: %2</source>
        <translation>Secretul „%1” nu a putut fi șters din depozitul de secrete: %2</translation>
    </message>
</context>
<context>
    <name>SandboxControl</name>
    <message>
        <source>The sandbox did not answer (%1). Restart Insights Admin to start it again.</source>
        <translation>Sandboxul nu a răspuns (%1). Reporniți Insights Admin pentru a-l porni din nou.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s scenario has no data source to fail.</source>
        <translation>Scenariul sandboxului nu are nicio sursă de date care să eșueze.</translation>
    </message>
</context>
<context>
    <name>SecretStoreProbe</name>
    <message>
        <source>Remembered in the system secret store</source>
        <translation>Memorat în depozitul de secrete al sistemului</translation>
    </message>
    <message>
        <source>Not remembered: no secret store available</source>
        <translation>Nu este memorat: niciun depozit de secrete disponibil</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Copy sign-in link</source>
        <translation>Copiați linkul de conectare</translation>
    </message>
    <message>
        <source>Open browser again</source>
        <translation>Deschideți din nou browserul</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Încercați din nou</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
    <message>
        <source>Sign in to Customer Insights</source>
        <translation>Conectare la Customer Insights</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>Progresul conectării</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalii</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detaliile erorii</translation>
    </message>
    <message>
        <source>Contacting the sign-in service…</source>
        <translation>Se contactează serviciul de conectare…</translation>
    </message>
    <message>
        <source>Opening your browser…</source>
        <translation>Se deschide browserul…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in in your browser</source>
        <translation>Se așteaptă conectarea dvs. în browser</translation>
    </message>
    <message>
        <source>Finish signing in on the page that opened in your browser, then come back here. If no page opened, choose Open browser again, or copy the sign-in link into a browser yourself.</source>
        <translation>Finalizați conectarea pe pagina deschisă în browser, apoi reveniți aici. Dacă nu s-a deschis nicio pagină, alegeți Deschideți din nou browserul sau copiați singur linkul de conectare într-un browser.</translation>
    </message>
    <message>
        <source>Completing sign-in…</source>
        <translation>Se finalizează conectarea…</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Conectat</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>Conectarea nu s-a finalizat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Închidere</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>Timp rămas: %1:%2</translation>
    </message>
    <message>
        <source>Your browser could not be opened. Choose Copy sign-in link and open the link in a browser yourself; this window waits for it.</source>
        <translation>Browserul nu a putut fi deschis. Alegeți Copiați linkul de conectare și deschideți linkul singur într-un browser; această fereastră așteaptă.</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>The sign-in timed out: the browser did not come back in time. Try again.</source>
        <translation>Timpul de autentificare a expirat: browserul nu a revenit la timp. Încercați din nou.</translation>
    </message>
    <message>
        <source>Signed in to Insights Admin — you can close this tab.</source>
        <translation>Autentificat în Insights Admin — puteți închide această filă.</translation>
    </message>
    <message>
        <source>The connection settings are incomplete. Check them in the Account pane.</source>
        <translation>Setările conexiunii sunt incomplete. Verificați-le în panoul Cont.</translation>
    </message>
    <message>
        <source>Could not start the local sign-in listener on 127.0.0.1.</source>
        <translation>Nu s-a putut porni ascultătorul local de autentificare pe 127.0.0.1.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Autentificarea a fost anulată.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Negăsit</translation>
    </message>
    <message>
        <source>The answer from the browser does not belong to this sign-in attempt, so it was rejected. Sign in again.</source>
        <translation>Răspunsul din browser nu aparține acestei încercări de autentificare, așa că a fost respins. Autentificați-vă din nou.</translation>
    </message>
    <message>
        <source>Sign-in was declined, so Insights Admin was not connected.</source>
        <translation>Autentificarea a fost refuzată, așa că Insights Admin nu a fost conectat.</translation>
    </message>
    <message>
        <source>The sign-in server could not complete the sign-in.</source>
        <translation>Serverul de autentificare nu a putut finaliza autentificarea.</translation>
    </message>
    <message>
        <source>Sign-in was declined. To connect, sign in again and accept the requested permissions.</source>
        <translation>Autentificarea a fost refuzată. Pentru a vă conecta, autentificați-vă din nou și acceptați permisiunile cerute.</translation>
    </message>
    <message>
        <source>The sign-in server sent the browser back without a sign-in code.</source>
        <translation>Serverul de autentificare a trimis browserul înapoi fără un cod de autentificare.</translation>
    </message>
    <message>
        <source>Signed in to Insights Admin</source>
        <translation>Autentificat în Insights Admin</translation>
    </message>
    <message>
        <source>The sign-in server rejected the sign-in code. Sign in again.</source>
        <translation>Serverul de autentificare a respins codul de autentificare. Autentificați-vă din nou.</translation>
    </message>
    <message>
        <source>The sign-in server said: %1</source>
        <translation>Serverul de autentificare a spus: %1</translation>
    </message>
    <message>
        <source>You can close this tab and return to Insights Admin.</source>
        <translation>Puteți închide această filă și reveni la Insights Admin.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Autentificarea a eșuat</translation>
    </message>
</context>
<context>
    <name>SmtpResult</name>
    <message>
        <source>Sent (%1).</source>
        <translation>Trimis (%1).</translation>
    </message>
    <message>
        <source>Could not reach the SMTP server: %1</source>
        <translation>Serverul SMTP nu a putut fi contactat: %1</translation>
    </message>
    <message>
        <source>The SMTP server did not answer in time.</source>
        <translation>Serverul SMTP nu a răspuns la timp.</translation>
    </message>
    <message>
        <source>No secure connection to the SMTP server: %1</source>
        <translation>Nicio conexiune securizată cu serverul SMTP: %1</translation>
    </message>
    <message>
        <source>SMTP authentication failed (%1). Check the user and the password.</source>
        <translation>Autentificarea SMTP a eșuat (%1). Verificați utilizatorul și parola.</translation>
    </message>
    <message>
        <source>sender refused by the SMTP server (%1).</source>
        <translation>expeditor refuzat de serverul SMTP (%1).</translation>
    </message>
    <message>
        <source>recipient refused: %1 (%2)</source>
        <translation>destinatar refuzat: %1 (%2)</translation>
    </message>
    <message>
        <source>message refused by the SMTP server (%1).</source>
        <translation>mesaj refuzat de serverul SMTP (%1).</translation>
    </message>
    <message>
        <source>SMTP error: %1</source>
        <translation>Eroare SMTP: %1</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Trimiterea a fost anulată.</translation>
    </message>
</context>
<context>
    <name>SmtpSettings</name>
    <message>
        <source>The SMTP port in the secret store entry is not a port number.</source>
        <translation>Portul SMTP din intrarea depozitului de secrete nu este un număr de port.</translation>
    </message>
    <message>
        <source>The SMTP security in the secret store entry must be none, starttls or smtps.</source>
        <translation>Securitatea SMTP din intrarea depozitului de secrete trebuie să fie none, starttls sau smtps.</translation>
    </message>
    <message>
        <source>The SMTP authentication in the secret store entry must be auto, plain or login.</source>
        <translation>Autentificarea SMTP din intrarea depozitului de secrete trebuie să fie auto, plain sau login.</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>Post a message to a Teams channel</source>
        <translation>Postează un mesaj într-un canal Teams</translation>
    </message>
    <message>
        <source>Send an email</source>
        <translation>Trimite un e-mail</translation>
    </message>
    <message>
        <source>Call an HTTP endpoint</source>
        <translation>Apelează un punct final HTTP</translation>
    </message>
    <message>
        <source>Get items from an entity</source>
        <translation>Obține elemente dintr-o entitate</translation>
    </message>
    <message>
        <source>Posts a card to a channel through its incoming webhook.</source>
        <translation>Postează un card într-un canal prin webhookul său de intrare.</translation>
    </message>
    <message>
        <source>Sends a plain text and HTML email through your SMTP server.</source>
        <translation>Trimite un e-mail text simplu și HTML prin serverul dvs. SMTP.</translation>
    </message>
    <message>
        <source>Sends a request with a JSON body to a URL, optionally signed with HMAC-SHA256.</source>
        <translation>Trimite o cerere cu corp JSON către un URL, opțional semnată cu HMAC-SHA256.</translation>
    </message>
    <message>
        <source>Reads rows of an entity of the instance for the following steps.</source>
        <translation>Citește rânduri dintr-o entitate a instanței pentru pașii următori.</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>Unknown placeholder: %1. Use the { } menu to insert a known one.</source>
        <translation>Substituent necunoscut: %1. Folosiți meniul { } pentru a insera unul cunoscut.</translation>
    </message>
    <message>
        <source>Insert a placeholder</source>
        <translation>Inserați un substituent</translation>
    </message>
    <message>
        <source>Stored in the system secret store. Type to replace it.</source>
        <translation>Păstrat în depozitul de secrete al sistemului. Tastați pentru a-l înlocui.</translation>
    </message>
</context>
<context>
    <name>StepRunner</name>
    <message>
        <source>Sample</source>
        <translation>Exemplu</translation>
    </message>
    <message>
        <source>Not run: the flow was deleted before this step ran.</source>
        <translation>Nerulat: fluxul a fost șters înainte ca acest pas să ruleze.</translation>
    </message>
    <message>
        <source>Not run: an earlier step failed.</source>
        <translation>Nerulat: un pas anterior a eșuat.</translation>
    </message>
    <message>
        <source>Interrupted: the app stopped during this attempt. It is tried again.</source>
        <translation>Întrerupt: aplicația s-a oprit în timpul acestei încercări. Se încearcă din nou.</translation>
    </message>
    <message>
        <source>The step uses unknown placeholders: %1. Fix them in the flow editor.</source>
        <translation>Pasul folosește substituenți necunoscuți: %1. Corectați-i în editorul de fluxuri.</translation>
    </message>
    <message>
        <source>The secret store has no entry &quot;%1&quot;. Create it, or pick another one in the flow editor.</source>
        <translation>Depozitul de secrete nu are intrarea „%1”. Creați-o sau alegeți alta în editorul de fluxuri.</translation>
    </message>
    <message>
        <source>The secret store entry &quot;%1&quot; could not be read: %2</source>
        <translation>Intrarea „%1” din depozitul de secrete nu a putut fi citită: %2</translation>
    </message>
    <message>
        <source>Not run: step %1 failed.</source>
        <translation>Nerulat: pasul %1 a eșuat.</translation>
    </message>
    <message>
        <source>This firing is still running. Resubmit it once its steps have finished.</source>
        <translation>Această declanșare este încă în curs. Retrimiteți-o după ce pașii ei s-au încheiat.</translation>
    </message>
    <message>
        <source>This firing is no longer in the trigger log (retention may have removed it).</source>
        <translation>Această declanșare nu mai este în jurnalul declanșatoarelor (poate a fost eliminată la expirarea perioadei de păstrare).</translation>
    </message>
    <message>
        <source>The trigger log cannot be read: %1</source>
        <translation>Jurnalul declanșatoarelor nu poate fi citit: %1</translation>
    </message>
    <message>
        <source>The flow &quot;%1&quot; was deleted, so the steps of this firing cannot be sent again.</source>
        <translation>Fluxul „%1” a fost șters, așa că pașii acestei declanșări nu pot fi trimiși din nou.</translation>
    </message>
    <message>
        <source>The flow &quot;%1&quot; has no steps to send. Add steps in the flow editor first.</source>
        <translation>Fluxul „%1” nu are pași de trimis. Adăugați mai întâi pași în editorul de fluxuri.</translation>
    </message>
    <message>
        <source>Every step of this firing succeeded: there is nothing failed to resubmit. Resubmit all steps to send them again.</source>
        <translation>Toți pașii acestei declanșări au reușit: nu există nimic eșuat de retrimis. Retrimiteți toți pașii pentru a-i trimite din nou.</translation>
    </message>
    <message>
        <source>Resubmitted.</source>
        <translation>Retrimis.</translation>
    </message>
    <message>
        <source>The resubmission could not be recorded: %1</source>
        <translation>Retrimiterea nu a putut fi înregistrată: %1</translation>
    </message>
    <message>
        <source>Waiting for the secret store, which the app is still opening.</source>
        <translation>Se așteaptă depozitul de secrete, pe care aplicația încă îl deschide.</translation>
    </message>
    <message>
        <source>No secret store is available yet, so the step&apos;s secrets cannot be read. The step is tried again; if this goes on, check the secret store on the Account page.</source>
        <translation>Încă nu este disponibil niciun depozit de secrete, așa că secretele pasului nu pot fi citite. Pasul se reîncearcă; dacă situația persistă, verificați depozitul de secrete pe pagina Cont.</translation>
    </message>
</context>
<context>
    <name>TeamsStep</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>valoare %1</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Declanșator</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subiect</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valoare</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Prag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>The secret store entry &quot;%1&quot; does not hold a webhook URL.</source>
        <translation>Intrarea „%1” din depozitul de secrete nu conține un URL de webhook.</translation>
    </message>
    <message>
        <source>the Teams channel</source>
        <translation>canalul Teams</translation>
    </message>
</context>
<context>
    <name>TeamsStepEditor</name>
    <message>
        <source>Webhook URL</source>
        <translation>URL webhook</translation>
    </message>
    <message>
        <source>The incoming webhook URL of the Teams channel (Channel &gt; Connectors or Workflows). It is kept in the system secret store, never in the flow.</source>
        <translation>URL-ul webhookului de intrare al canalului Teams (Canal &gt; Conectori sau Fluxuri de lucru). Este păstrat în depozitul de secrete al sistemului, niciodată în flux.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <source>Enter the webhook URL of the channel.</source>
        <translation>Introduceți URL-ul webhookului canalului.</translation>
    </message>
    <message>
        <source>The webhook URL must start with https://.</source>
        <translation>URL-ul webhookului trebuie să înceapă cu https://.</translation>
    </message>
    <message>
        <source>Enter the message to post.</source>
        <translation>Introduceți mesajul de postat.</translation>
    </message>
</context>
<context>
    <name>TemplateEngine</name>
    <message>
        <source>(no items)</source>
        <translation>(niciun element)</translation>
    </message>
</context>
<context>
    <name>ThresholdChart</name>
    <message>
        <source>Recent values</source>
        <translation>Valori recente</translation>
    </message>
    <message>
        <source>No values observed yet.</source>
        <translation>Nicio valoare observată încă.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) observed, the latest %1.</source>
        <translation>
            <numerusform>%n valoare observată, cea mai recentă: %1.</numerusform>
            <numerusform>%n valori observate, cea mai recentă: %1.</numerusform>
            <numerusform>%n de valori observate, cea mai recentă: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold %1.</source>
        <translation>Prag: %1.</translation>
    </message>
    <message>
        <source>The chart fills as the connector observes values.</source>
        <translation>Graficul se completează pe măsură ce conectorul observă valori.</translation>
    </message>
</context>
<context>
    <name>TokenRequest</name>
    <message>
        <source>The sign-in server sent an answer this app cannot read.</source>
        <translation>Serverul de autentificare a trimis un răspuns pe care această aplicație nu îl poate citi.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was already used. Sign in again.</source>
        <translation>Autentificarea a expirat sau a fost deja folosită. Autentificați-vă din nou.</translation>
    </message>
    <message>
        <source>The sign-in server does not accept this client ID. Check the connection settings.</source>
        <translation>Serverul de autentificare nu acceptă acest ID de client. Verificați setările conexiunii.</translation>
    </message>
    <message>
        <source>The sign-in server does not accept the requested scopes. Check the connection settings.</source>
        <translation>Serverul de autentificare nu acceptă domeniile de acces cerute. Verificați setările conexiunii.</translation>
    </message>
    <message>
        <source>The sign-in server had a problem. Try again in a few minutes.</source>
        <translation>Serverul de autentificare a avut o problemă. Încercați din nou peste câteva minute.</translation>
    </message>
    <message>
        <source>The sign-in server refused to issue a token.</source>
        <translation>Serverul de autentificare a refuzat să emită un token.</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server. Check the network connection and the authority.</source>
        <translation>Serverul de autentificare nu a putut fi contactat. Verificați conexiunea la rețea și autoritatea.</translation>
    </message>
</context>
<context>
    <name>Trigger</name>
    <message>
        <source>Data source refresh failed</source>
        <translation>Reîmprospătarea sursei de date a eșuat</translation>
    </message>
    <message>
        <source>Data source refresh succeeded</source>
        <translation>Reîmprospătarea sursei de date a reușit</translation>
    </message>
    <message>
        <source>Segment threshold crossed</source>
        <translation>Pragul segmentului a fost depășit</translation>
    </message>
    <message>
        <source>Business measure threshold crossed</source>
        <translation>Pragul măsurii de business a fost depășit</translation>
    </message>
    <message>
        <source>Full refresh completed</source>
        <translation>Reîmprospătarea completă s-a încheiat</translation>
    </message>
    <message>
        <source>Unification refresh completed</source>
        <translation>Reîmprospătarea unificării s-a încheiat</translation>
    </message>
    <message>
        <source>Fires when the refresh of a data source fails or times out.</source>
        <translation>Se declanșează când reîmprospătarea unei surse de date eșuează sau expiră.</translation>
    </message>
    <message>
        <source>Fires when the refresh of a data source completes successfully.</source>
        <translation>Se declanșează când reîmprospătarea unei surse de date se încheie cu succes.</translation>
    </message>
    <message>
        <source>Fires when the number of members of a segment rises above a threshold.</source>
        <translation>Se declanșează când numărul de membri ai unui segment crește peste un prag.</translation>
    </message>
    <message>
        <source>Fires when the value of a business measure without dimension rises above a threshold.</source>
        <translation>Se declanșează când valoarea unei măsuri de business fără dimensiune crește peste un prag.</translation>
    </message>
    <message>
        <source>Fires when a scheduled full refresh of the instance completes.</source>
        <translation>Se declanșează când o reîmprospătare completă programată a instanței se încheie.</translation>
    </message>
    <message>
        <source>Fires when the map, match and merge tasks of a refresh have all completed.</source>
        <translation>Se declanșează când sarcinile de mapare, potrivire și îmbinare ale unei reîmprospătări s-au încheiat toate.</translation>
    </message>
    <message>
        <source>Fires once per failed refresh of a data source (failed or timed out).</source>
        <translation>Se declanșează o dată pentru fiecare reîmprospătare eșuată a unei surse de date (eșuată sau expirată).</translation>
    </message>
    <message>
        <source>Fires once per successful refresh of a data source.</source>
        <translation>Se declanșează o dată pentru fiecare reîmprospătare reușită a unei surse de date.</translation>
    </message>
    <message>
        <source>Fires only when the member count crosses above the threshold; it fires again after the count has dropped back to or below it. The first value seen is a baseline.</source>
        <translation>Se declanșează doar când numărul de membri trece peste prag; se declanșează din nou după ce numărul a coborât înapoi la prag sau sub el. Prima valoare văzută este o valoare de referință.</translation>
    </message>
    <message>
        <source>Fires only when the value crosses above the threshold. Only business measures without a dimension can be used. The first value seen is a baseline.</source>
        <translation>Se declanșează doar când valoarea trece peste prag. Se pot folosi doar măsuri de business fără dimensiune. Prima valoare văzută este o valoare de referință.</translation>
    </message>
    <message>
        <source>Scheduled refreshes only: manual refreshes do not fire unless you opt in below.</source>
        <translation>Doar reîmprospătările programate: cele manuale nu declanșează fluxul decât dacă alegeți acest lucru mai jos.</translation>
    </message>
    <message>
        <source>Fires once per job when its map, match and merge tasks have all finished.</source>
        <translation>Se declanșează o dată pentru fiecare job, când sarcinile lui de mapare, potrivire și îmbinare s-au încheiat toate.</translation>
    </message>
</context>
<context>
    <name>TriggerEditor</name>
    <message>
        <source>Trigger</source>
        <translation>Declanșator</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Când</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Prag</translation>
    </message>
    <message>
        <source>Only permanent failures (not the ones a retry may fix)</source>
        <translation>Doar eșecurile permanente (nu cele pe care o reîncercare le poate rezolva)</translation>
    </message>
    <message>
        <source>Also when someone starts a full refresh by hand</source>
        <translation>Și când cineva pornește manual o reîmprospătare completă</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Reîmprospătare</translation>
    </message>
</context>
<context>
    <name>TriggerEngine</name>
    <message>
        <source>Flow &quot;%1&quot;: %2</source>
        <translation>Fluxul „%1”: %2</translation>
    </message>
</context>
<context>
    <name>TriggerLogDetails</name>
    <message>
        <source>Succeeded</source>
        <translation>Reușit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Eșuat</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>În curs</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>În așteptare</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Select a firing to see its payload and the outcome of each step.</source>
        <translation>Selectați o declanșare pentru a vedea datele ei și rezultatul fiecărui pas.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiază</translation>
    </message>
    <message>
        <source>Firing details</source>
        <translation>Detaliile declanșării</translation>
    </message>
    <message>
        <source>Occurred:</source>
        <translation>Produs:</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Detectat:</translation>
    </message>
    <message>
        <source>Caught up:</source>
        <translation>Recuperat:</translation>
    </message>
    <message>
        <source>Firing id:</source>
        <translation>ID declanșare:</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Copy the payload</source>
        <translation>Copiază datele</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pași</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Necunoscut</translation>
    </message>
    <message>
        <source>Yes — found by catch-up after the connector was away</source>
        <translation>Da — găsit la recuperare, după ce conectorul a fost oprit</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>This flow has no steps.</source>
        <translation>Acest flux nu are pași.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Pasul %1</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>Încercarea %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>început %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>a durat %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nepornit</translation>
    </message>
    <message>
        <source>Attempt %1 (resubmission %2)</source>
        <translation>Încercarea %1 (retrimiterea %2)</translation>
    </message>
    <message>
        <source>Received by the sandbox</source>
        <translation>Primite de sandbox</translation>
    </message>
    <message>
        <source>Teams channel &quot;%1&quot; at %2</source>
        <translation>Canalul Teams „%1” la %2</translation>
    </message>
    <message>
        <source>Email to %1 at %2</source>
        <translation>E-mail către %1 la %2</translation>
    </message>
</context>
<context>
    <name>TriggerLogExporter</name>
    <message>
        <source>An export is already running.</source>
        <translation>Un export este deja în curs.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Nu se poate scrie %1: %2</translation>
    </message>
    <message>
        <source>Writing the export failed: %1</source>
        <translation>Scrierea exportului a eșuat: %1</translation>
    </message>
    <message>
        <source>Saving the export failed: %1</source>
        <translation>Salvarea exportului a eșuat: %1</translation>
    </message>
</context>
<context>
    <name>TriggerLogModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · caught up</source>
        <translation>%1 · recuperat</translation>
    </message>
    <message>
        <source>%1 · test</source>
        <translation>%1 · test</translation>
    </message>
    <message>
        <source>Detected %1</source>
        <translation>Detectat %1</translation>
    </message>
    <message>
        <source>Occurred %1</source>
        <translation>Produs %1</translation>
    </message>
    <message>
        <source>Found by catch-up after the connector was away</source>
        <translation>Găsit la recuperare, după ce conectorul a fost oprit</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Declanșator</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subiect</translation>
    </message>
    <message>
        <source>Value / threshold</source>
        <translation>Valoare / prag</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pași</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
</context>
<context>
    <name>TriggerLogNotifier</name>
    <message>
        <source>A step failed</source>
        <translation>Un pas a eșuat</translation>
    </message>
    <message>
        <source>Step %1 of “%2” failed</source>
        <translation>Pasul %1 din „%2” a eșuat</translation>
    </message>
    <message>
        <source>Open the trigger log for the details.</source>
        <translation>Deschideți jurnalul declanșatoarelor pentru detalii.</translation>
    </message>
    <message>
        <source>Steps are failing</source>
        <translation>Pașii eșuează</translation>
    </message>
    <message>
        <source>1 step failed in the last minute. Open the trigger log for the details.</source>
        <translation>Un pas a eșuat în ultimul minut. Deschideți jurnalul declanșatoarelor pentru detalii.</translation>
    </message>
    <message>
        <source>%1 steps failed in the last minute. Open the trigger log for the details.</source>
        <translation>%1 pași au eșuat în ultimul minut. Deschideți jurnalul declanșatoarelor pentru detalii.</translation>
    </message>
</context>
<context>
    <name>TriggerLogPane</name>
    <message>
        <source>Trigger log</source>
        <translation>Jurnalul declanșatoarelor</translation>
    </message>
    <message>
        <source>Exported 1 firing to %1.</source>
        <translation>S-a exportat o declanșare în %1.</translation>
    </message>
    <message>
        <source>Exported %1 firings to %2.</source>
        <translation>S-au exportat %1 declanșări în %2.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export anulat.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export the filtered view</source>
        <translation>Exportă vizualizarea filtrată</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Exportă ca CSV…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exportă ca JSON…</translation>
    </message>
    <message>
        <source>Resubmit…</source>
        <translation>Retrimite…</translation>
    </message>
    <message>
        <source>Resubmit the selected firing</source>
        <translation>Retrimite declanșarea selectată</translation>
    </message>
    <message>
        <source>Run the steps of the selected firing again</source>
        <translation>Rulează din nou pașii declanșării selectate</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Declanșator</translation>
    </message>
    <message>
        <source>All triggers</source>
        <translation>Toți declanșatorii</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Orice stare</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Eșuat</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>În curs</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Reușit</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Interval de timp</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Oricând</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Ultima oră</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Ultimele 24 de ore</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimele 7 zile</translation>
    </message>
    <message>
        <source>Last 28 days</source>
        <translation>Ultimele 28 de zile</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizat…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De la</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Până la</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Căutare</translation>
    </message>
    <message>
        <source>Search subject, payload and errors</source>
        <translation>Căutați în subiect, date și erori</translation>
    </message>
    <message>
        <source>Firings</source>
        <translation>Declanșări</translation>
    </message>
    <message>
        <source>No firings yet</source>
        <translation>Nicio declanșare încă</translation>
    </message>
    <message>
        <source>No firings yet — flows fire when their trigger happens in your instance.</source>
        <translation>Nicio declanșare încă — fluxurile se declanșează când declanșatorul lor are loc în instanța dvs.</translation>
    </message>
    <message>
        <source>No firings match the filter.</source>
        <translation>Nicio declanșare nu corespunde filtrului.</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Șterge filtrul</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progresul exportului</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Anulează exportul</translation>
    </message>
    <message>
        <source>Keep firings for</source>
        <translation>Păstrează declanșările</translation>
    </message>
    <message>
        <source>Keep firings for (days)</source>
        <translation>Păstrează declanșările (zile)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> zile</translation>
    </message>
    <message>
        <source>Clear log…</source>
        <translation>Golește jurnalul…</translation>
    </message>
    <message>
        <source>Clear the trigger log</source>
        <translation>Golește jurnalul declanșatoarelor</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (șters)</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>Toate fluxurile</translation>
    </message>
    <message>
        <source>1 firing shown</source>
        <translation>O declanșare afișată</translation>
    </message>
    <message>
        <source>%1 firings shown</source>
        <translation>%1 declanșări afișate</translation>
    </message>
    <message>
        <source>only the newest %1 are loaded; choose a time range to see older ones</source>
        <translation>doar cele mai noi %1 sunt încărcate; alegeți un interval de timp pentru a le vedea pe cele mai vechi</translation>
    </message>
    <message>
        <source>Export the trigger log as CSV</source>
        <translation>Exportă jurnalul declanșatoarelor ca CSV</translation>
    </message>
    <message>
        <source>Export the trigger log as JSON</source>
        <translation>Exportă jurnalul declanșatoarelor ca JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fișiere CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fișiere JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Se exportă…</translation>
    </message>
    <message>
        <source>Removed 1 firing older than the retention period.</source>
        <translation>S-a eliminat o declanșare mai veche decât perioada de păstrare.</translation>
    </message>
    <message>
        <source>Removed %1 firings older than the retention period.</source>
        <translation>S-au eliminat %1 declanșări mai vechi decât perioada de păstrare.</translation>
    </message>
    <message>
        <source>Resubmit firing</source>
        <translation>Retrimite declanșarea</translation>
    </message>
    <message>
        <source>Run the steps of “%1” again for this firing?</source>
        <translation>Rulați din nou pașii din „%1” pentru această declanșare?</translation>
    </message>
    <message>
        <source>Side effects repeat: Teams messages are posted again, emails are sent again and HTTP endpoints are called again.</source>
        <translation>Efectele se repetă: mesajele Teams sunt postate din nou, e-mailurile sunt trimise din nou și punctele finale HTTP sunt apelate din nou.</translation>
    </message>
    <message>
        <source>Resubmit all steps</source>
        <translation>Retrimite toți pașii</translation>
    </message>
    <message>
        <source>Resubmit failed steps only</source>
        <translation>Retrimite doar pașii eșuați</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
    <message>
        <source>Resubmitted.</source>
        <translation>Retrimis.</translation>
    </message>
    <message>
        <source>Delete every firing and its step runs from this computer?</source>
        <translation>Ștergeți toate declanșările și rulările pașilor lor de pe acest computer?</translation>
    </message>
    <message>
        <source>This cannot be undone. Flows keep running; new firings appear as they happen.</source>
        <translation>Acțiunea nu poate fi anulată. Fluxurile continuă să ruleze; declanșările noi apar pe măsură ce au loc.</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>Golește jurnalul</translation>
    </message>
    <message>
        <source>Cleared 1 firing.</source>
        <translation>S-a șters o declanșare.</translation>
    </message>
    <message>
        <source>Cleared %1 firings.</source>
        <translation>S-au șters %1 declanșări.</translation>
    </message>
    <message>
        <source>older firings load as you scroll</source>
        <translation>cele mai vechi se încarcă pe măsură ce derulați</translation>
    </message>
</context>
<context>
    <name>TriggerLogRecord</name>
    <message>
        <source>Pending</source>
        <translation>În așteptare</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>În curs</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Se reîncearcă</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Reușit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Eșuat</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>Fără pași</translation>
    </message>
</context>
<context>
    <name>TriggerLogView</name>
    <message>
        <source>↑ 1 new firing</source>
        <translation>↑ o declanșare nouă</translation>
    </message>
    <message>
        <source>↑ %1 new firings</source>
        <translation>↑ %1 declanșări noi</translation>
    </message>
</context>
<context>
    <name>TriggerValidation</name>
    <message>
        <source>The measure &quot;%1&quot; does not exist in this instance.</source>
        <translation>Măsura „%1” nu există în această instanță.</translation>
    </message>
    <message>
        <source>The measure &quot;%1&quot; has a dimension. The connector supports only business measures without a dimension: choose another measure.</source>
        <translation>Măsura „%1” are o dimensiune. Conectorul acceptă doar măsuri de business fără dimensiune: alegeți altă măsură.</translation>
    </message>
    <message>
        <source>The segment &quot;%1&quot; does not exist in this instance.</source>
        <translation>Segmentul „%1” nu există în această instanță.</translation>
    </message>
</context>
</TS>
