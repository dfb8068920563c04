<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO">
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
        <source>Use the language &lt;code&gt; (en, ro) instead of the system's.</source>
        <translation>Folosește limba &lt;code&gt; (en, ro) în locul celei a sistemului.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>cod</translation>
    </message>
    <message>
        <source>Run '%1 --help' for the options.</source>
        <translation>Rulați „%1 --help” pentru a vedea opțiunile.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument neașteptat: %1</translation>
    </message>
    <message>
        <source>The language "%1" is not available; using %2.
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
        <source>The destination catalogue %1 has no "destinations" list.</source>
        <translation>Catalogul de destinații %1 nu are o listă „destinations”.</translation>
    </message>
    <message>
        <source>Destination %1 in the catalogue has a missing or invalid "%2".</source>
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
        <source>Flows run against a Customer Insights instance you are signed in to. Interactive sign-in is not available in this version yet, so no flow can be configured.</source>
        <translation>Fluxurile rulează pe o instanță Customer Insights la care sunteți conectat. Conectarea interactivă nu este încă disponibilă în această versiune, deci nu se poate configura niciun flux.</translation>
    </message>
    <message>
        <source>Trigger log</source>
        <translation>Jurnalul declanșatoarelor</translation>
    </message>
    <message>
        <source>The trigger log lists every firing of your flows once the connector is signed in and running.</source>
        <translation>Jurnalul declanșatoarelor afișează fiecare declanșare a fluxurilor dvs. după ce conectorul este conectat și rulează.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cont</translation>
    </message>
    <message>
        <source>Your signed-in account and connection settings will be shown here.</source>
        <translation>Contul conectat și setările conexiunii vor fi afișate aici.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Neconectat</translation>
    </message>
    <message>
        <source>Connector stopped</source>
        <translation>Conector oprit</translation>
    </message>
    <message>
        <source>%1 / %2 calls in the last 60 s</source>
        <translation>%1 / %2 apeluri în ultimele 60 s</translation>
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
    <name>PlaceholderPane</name>
    <message>
        <source>Sign in to continue</source>
        <translation>Conectați-vă pentru a continua</translation>
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
</TS>