//! The command line as clap sees it: each subcommand carries only the options that act on it,
//! with help text that says what they mean there.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Emulates the z/OS RACF digital-certificate and key-ring service (RACDCERT) off the
/// mainframe: runs real JCL decks unchanged and prints SYSTSPRT as z/OS does.
#[derive(Parser, Debug)]
#[command(name = "racemu", version, about, long_about = None, after_help = "Example:\n  racemu run racdcert-scripts/zosconnect.jcl")]
pub struct Cli {
    /// The RACF database (a SQLite file, created with mode 0600 on first use). Default:
    /// $RACEMU_DB, else ~/.local/share/racemu/racf.db.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Derive every key, ECDSA signature and PKCS#12 salt from this number (default:
    /// $RACEMU_SEED), so the same commands with the same clock on a fresh store give
    /// byte-identical output. Recorded in a new store, which stays seeded; its keys are NOT
    /// secret (tests only).
    #[arg(long, global = true, value_name = "N")]
    pub seed: Option<u64>,
    /// Options given before the subcommand (each subcommand's help says what they mean there).
    #[command(flatten)]
    pub before: Before,
    /// What to do.
    #[command(subcommand)]
    pub command: Cmd,
}

/// `--user`, `--now` and `--listring-layout` written before the subcommand, as in
/// `racemu --user ZCSERV1 keyring list …`. The same options after the subcommand win.
#[derive(Args, Debug, Default)]
pub struct Before {
    /// The user ID (default IBMUSER): who issues commands in run, exec, repl and ds; the
    /// application's user ID in keyring.
    #[arg(long, value_name = "USERID")]
    pub user: Option<String>,
    /// The clock (RFC 3339, or a date meaning 00:00 UTC) for run, exec, repl, ds put and
    /// keyring list. Default: $RACEMU_NOW, else the system clock.
    #[arg(long, value_name = "TIMESTAMP")]
    pub now: Option<String>,
    /// LISTRING layout for run, exec and repl.
    #[arg(long, value_enum, value_name = "LAYOUT")]
    pub listring_layout: Option<Layout>,
    /// A REXX exec library (a PDS in the store) for `%NAME`, `NAME` and EXEC in exec and
    /// repl, as SYSEXEC in a job; repeat it for a concatenation, searched in order.
    #[arg(long = "sysexec", value_name = "DSN")]
    pub sysexec: Vec<String>,
}

/// The options of the commands that run TSO commands (run, exec, repl).
#[derive(Args, Debug, Default)]
pub struct EngineOpts {
    /// The clock for defaults such as NOTBEFORE, so runs can be reproduced: RFC 3339
    /// (2026-01-31T09:00:00Z) or a date (2026-01-31 = 00:00 UTC). Default: $RACEMU_NOW, else
    /// the system clock.
    #[arg(long, value_name = "TIMESTAMP")]
    pub now: Option<String>,
    /// LISTRING layout: `zos25` (no blank line between rows, the default) or `zos31` (a blank
    /// line between rows).
    #[arg(long, value_enum, value_name = "LAYOUT")]
    pub listring_layout: Option<Layout>,
}

/// LISTRING layouts.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Layout {
    /// z/OS 2.5: no blank line between rows.
    Zos25,
    /// z/OS 3.1: a blank line between rows.
    Zos31,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Run a JCL job (or, with --sysin, a bare SYSTSIN member as one IKJEFT01 step).
    ///
    /// Prints the SYSTSPRT of each TSO step in order; the job log goes to standard error.
    /// The exit status is the job's highest step condition code.
    #[command(
        after_help = "Examples:\n  racemu run racdcert-scripts/zosconnect.jcl\n  racemu run --sysin commands.txt"
    )]
    Run {
        /// The job (or SYSTSIN member with --sysin); `-` reads standard input.
        file: PathBuf,
        /// Treat FILE as SYSTSIN records, not JCL.
        #[arg(long)]
        sysin: bool,
        /// The user ID issuing the commands (default IBMUSER); a JOB card's USER= takes
        /// precedence.
        #[arg(long, value_name = "USERID")]
        user: Option<String>,
        #[command(flatten)]
        opts: EngineOpts,
    },
    /// Run TSO commands, one per line (continuation with + or - allowed), and print their
    /// output; the exit status is the last command's return code.
    #[command(
        after_help = "Examples:\n  racemu exec \"RACDCERT ID(IBMUSER) LISTRING(*)\"\n  racemu exec \"RACDCERT ID(SRV) ADDRING(Ring)\nRACDCERT ID(SRV) LISTRING(Ring)\""
    )]
    Exec {
        /// The commands, as typed at READY: one per line, + or - at the end of a line
        /// continues it.
        command: String,
        /// The user ID issuing the commands (default IBMUSER).
        #[arg(long, value_name = "USERID")]
        user: Option<String>,
        #[command(flatten)]
        opts: EngineOpts,
    },
    /// TSO READY mode: type commands, `+`/`-` continues a line, LOGOFF or END leaves.
    ///
    /// The exit status is the last command's return code.
    #[command(after_help = "Example:\n  racemu --user IBMUSER repl")]
    Repl {
        /// The user ID issuing the commands (default IBMUSER).
        #[arg(long, value_name = "USERID")]
        user: Option<String>,
        #[command(flatten)]
        opts: EngineOpts,
    },
    /// Key rings as applications see them (`safkeyring://OWNER/RING`, R_datalib rules), for
    /// the application's user ID given by --user.
    Keyring(KeyringArgs),
    /// AT-TLS policies (Policy Agent TTLS statements) applied to key rings, for the server's
    /// user ID given by --user.
    Attls(AttlsArgs),
    /// Data sets in the store (what ADD reads and EXPORT writes).
    #[command(after_help = "Example:\n  racemu ds put \"'USER1.CLIENTCA.PEM'\" ca.pem")]
    Ds(DsArgs),
    /// z/OSMF's REST interfaces (TSO, data sets) over HTTPS, for Zowe CLI, the Zowe SDKs and
    /// curl; the server certificate comes from a RACF ring opened as --user (IZUSVR on z/OS).
    Zosmf(ZosmfArgs),
    /// The RACF user ID a client certificate maps to, as R_usermap (function X'0006') answers
    /// the server --user: a registered certificate, else certificate name filters (while
    /// DIGTNMAP is active), else the hostIdMappings extension.
    ///
    /// Exit status: 0 and the user ID on standard output when it maps; 4 when no user is
    /// found; 8 when RACF refuses (the server needs READ to FACILITY IRR.RUSERMAP); 12 when
    /// CERTFILE cannot be read. What decided goes to standard error (or into --json).
    #[command(
        after_help = "Example:\n  racemu --user ZWESVUSR usermap client.pem --appl ZOWEAPPL --json"
    )]
    Usermap {
        /// The client certificate, PEM or DER; `-` reads standard input.
        file: PathBuf,
        /// The application ID that replaces &APPLID in MULTIID criteria.
        #[arg(long, value_name = "APPLID")]
        appl: Option<String>,
        /// The system ID that replaces &SYSID in MULTIID criteria (default RACEMU).
        #[arg(long, value_name = "SYSID")]
        sysid: Option<String>,
        /// One JSON object on standard output: rc, user, decided_by (registered, filter,
        /// hostid, not-valid, none, refused), label, step (1-6) and explanation.
        #[arg(long)]
        json: bool,
        /// The server's user ID, the caller of R_usermap (default IBMUSER).
        #[arg(long, value_name = "USERID")]
        user: Option<String>,
        /// The clock (RFC 3339 or a date) at which the certificate's validity is judged.
        #[arg(long, value_name = "TIMESTAMP")]
        now: Option<String>,
    },
    /// Store settings.
    #[command(
        after_help = "Examples:\n  racemu setting undefined-ids error\n  racemu setting pkcs12-encryption legacy"
    )]
    Setting {
        /// `undefined-ids`: `implicit` (IDs a deck names but never defines are treated as existing
        /// users) or `error`; `pkcs12-encryption`: `aes256` (default) or `legacy` (Triple-DES and
        /// SHA-1 MAC, for older Java and macOS).
        name: String,
        /// The new value; omitted: print the current one.
        value: Option<String>,
    },
}

/// `racemu keyring …`.
#[derive(Args, Debug)]
pub struct KeyringArgs {
    /// The application's (server's) user ID: the ID a z/OS server runs under when it opens
    /// the ring through R_datalib (default IBMUSER).
    #[arg(long, global = true, value_name = "USERID")]
    pub user: Option<String>,
    /// What to do with the ring.
    #[command(subcommand)]
    pub command: KeyringCmd,
}

/// The keyring subcommands.
#[derive(Subcommand, Debug)]
pub enum KeyringCmd {
    /// The ring's entries as the application sees them.
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring list safkeyring://ZCSERV1/Keyring.ZOSCONN"
    )]
    List {
        /// safkeyring://OWNER/RING, safkeyring:///RING, OWNER/RING or RING.
        ring: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The clock that decides which certificates are marked expired: RFC 3339 or a date
        /// (00:00 UTC). Default: $RACEMU_NOW, else the system clock.
        #[arg(long, value_name = "TIMESTAMP")]
        now: Option<String>,
    },
    /// The ring as an application's key store reads it: one JSON document on standard
    /// output (docs/java.md), with the DER certificates and the private keys R_datalib
    /// releases to --user. Exit status 8 with an `error` object when R_datalib refuses.
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring open safkeyring://ZCSERV1/Keyring.ZOSCONN"
    )]
    Open {
        /// safkeyring://OWNER/RING (any safkeyring* scheme, 2 to 4 slashes), OWNER/RING or RING.
        ring: String,
    },
    /// Write the ring as one PEM bundle or a PKCS#12 keystore.
    ///
    /// Files that hold a private key are created with mode 0600. A summary (file,
    /// certificates, keys) goes to standard error.
    #[command(
        after_help = "Examples:\n  racemu --user ZCSERV1 keyring export ZCSERV1/Keyring.ZOSCONN --format pkcs12 --out ring.p12 --password-file pw.txt\n  racemu --user ZCSERV1 keyring export ZCSERV1/Keyring.ZOSCONN --format pem --out - | openssl x509 -noout -subject"
    )]
    Export {
        /// The ring reference.
        ring: String,
        /// pem or pkcs12.
        #[arg(long, value_enum)]
        format: ExportFmt,
        /// Output file; `-` writes standard output.
        #[arg(long)]
        out: PathBuf,
        /// PKCS#12 password (visible to other users in `ps`; prefer --password-file or
        /// $RACEMU_PASSWORD).
        #[arg(long, conflicts_with = "password_file")]
        password: Option<String>,
        /// A file whose first line is the PKCS#12 password.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        /// PKCS#12 in the legacy Triple-DES layout (older Java, macOS).
        #[arg(long)]
        legacy: bool,
    },
    /// A TLS 1.2/1.3 endpoint presenting the ring's DEFAULT (or --label) certificate.
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring serve ZCSERV1/Keyring.ZOSCONN --listen 127.0.0.1:8443 --client-auth required"
    )]
    Serve {
        /// The ring reference.
        ring: String,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: String,
        /// The certificate to present instead of the DEFAULT one.
        #[arg(long)]
        label: Option<String>,
        /// Client certificates: none, optional or required. When asked for, each
        /// connection's report names the RACF user the client certificate logs on (RACF's
        /// lookup: registered certificate, name filters, hostIdMappings), or why none.
        #[arg(long, value_enum, default_value = "none")]
        client_auth: ClientAuthArg,
        /// The application ID `&APPLID` stands for in MULTIID criteria (RACDCERT MAP
        /// CRITERIA) when client certificates are mapped.
        #[arg(long, value_name = "APPLID")]
        appl: Option<String>,
    },
    /// Why the server (--user) or its TLS clients would reject the ring, and the commands
    /// that mend it.
    ///
    /// Judges the DEFAULT certificate (or --label) and its chain as --user opens the ring
    /// through R_datalib. Exit status: 0 healthy, 4 warnings only, 8 at least one error
    /// (docs/doctor.md lists every finding).
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring doctor ZCSERV1/Keyring.ZOSCONN --host myServer.host.com --client chrome"
    )]
    Doctor {
        /// The ring reference (not with --attls-policy, where each rule names its ring).
        #[arg(
            required_unless_present = "attls_policy",
            conflicts_with = "attls_policy"
        )]
        ring: Option<String>,
        /// The certificate to judge instead of the DEFAULT one.
        #[arg(long)]
        label: Option<String>,
        /// A host name or IP address clients connect to (repeatable); each must be in the
        /// certificate's subjectAltName.
        #[arg(long = "host", value_name = "NAME")]
        hosts: Vec<String>,
        /// A client that will connect (repeatable): chrome, firefox, java, openssl, curl.
        #[arg(long = "client", value_name = "NAME",
              value_parser = clap::builder::PossibleValuesParser::new(racemu_keyring::doctor::CLIENTS))]
        clients: Vec<String>,
        /// Serve the ring in-process and handshake with each client profile (the --client
        /// ones, else all): accepted, or the failure that client would give.
        #[arg(long)]
        probe: bool,
        /// An AT-TLS Policy Agent file: judge each rule's ring and certificate, and the rule
        /// itself (attls-* findings).
        #[arg(long, value_name = "FILE")]
        attls_policy: Option<std::path::PathBuf>,
        /// Only this TTLSRule of --attls-policy.
        #[arg(long, value_name = "NAME", requires = "attls_policy")]
        rule: Option<String>,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The clock validity is judged at: RFC 3339 or a date (00:00 UTC). Default:
        /// $RACEMU_NOW, else the system clock.
        #[arg(long, value_name = "TIMESTAMP")]
        now: Option<String>,
    },
}

/// `racemu attls …`.
#[derive(Args, Debug)]
pub struct AttlsArgs {
    /// The server's user ID: the ID the application (and so AT-TLS) runs under when it opens
    /// the rule's key ring through R_datalib (default IBMUSER).
    #[arg(long, global = true, value_name = "USERID")]
    pub user: Option<String>,
    /// What to do with the policy.
    #[command(subcommand)]
    pub command: AttlsCmd,
}

/// The attls subcommands.
#[derive(Subcommand, Debug)]
pub enum AttlsCmd {
    /// A TLS endpoint that applies one TTLSRule as AT-TLS would: the rule's ring and
    /// certificate label, TLS versions, cipher suites in policy order and ClientAuthType.
    ///
    /// The rule's findings (attls-* codes) and what rustls cannot apply (suites it lacks,
    /// TLSv1.0/1.1) go to standard error first. SIGINT or SIGTERM stops the server.
    #[command(
        after_help = "Example:\n  racemu --user START1 attls serve --policy TCPIP_TTLS.policy --rule CPJES2IN --listen 127.0.0.1:8443"
    )]
    Serve {
        /// The Policy Agent AT-TLS configuration file.
        #[arg(long, value_name = "FILE")]
        policy: PathBuf,
        /// The TTLSRule to apply (case sensitive).
        #[arg(long, value_name = "NAME")]
        rule: String,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: String,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFmt {
    /// One PEM bundle: keys (PKCS#8) and certificates.
    Pem,
    /// A PKCS#12 keystore.
    Pkcs12,
}

/// Client certificate policy of `keyring serve`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ClientAuthArg {
    /// No client certificate asked for.
    None,
    /// Asked for, verified when sent.
    Optional,
    /// Required and verified.
    Required,
}

/// `racemu ds …`.
#[derive(Args, Debug)]
pub struct DsArgs {
    /// The TSO prefix for unquoted data set names (default IBMUSER).
    #[arg(long, global = true, value_name = "USERID")]
    pub user: Option<String>,
    /// What to do with data sets.
    #[command(subcommand)]
    pub command: DsCmd,
}

/// The ds subcommands.
#[derive(Subcommand, Debug)]
pub enum DsCmd {
    /// Store FILE (`-` = stdin) as data set DSN (unquoted names get the --user prefix); the
    /// data set's name is echoed on standard error.
    #[command(after_help = "Example:\n  racemu ds put \"'USER1.CICSCA.PEM'\" ca.pem")]
    Put {
        /// The data set name.
        dsn: String,
        /// The file to store.
        file: PathBuf,
        /// The creation date recorded: RFC 3339 or a date. Default: $RACEMU_NOW, else today.
        #[arg(long, value_name = "TIMESTAMP")]
        now: Option<String>,
    },
    /// Write data set DSN to FILE (`-` = stdout); a file holding a private key is created 0600.
    #[command(after_help = "Example:\n  racemu ds get \"'USER1.MQCERT.P12'\" mq.p12")]
    Get {
        /// The data set name.
        dsn: String,
        /// Where to write it.
        file: PathBuf,
    },
    /// List data sets matching PATTERN (`*` within a qualifier, `**` any qualifiers).
    #[command(after_help = "Example:\n  racemu ds ls \"'USER1.**'\"")]
    Ls {
        /// The pattern; all data sets when omitted.
        pattern: Option<String>,
    },
    /// Delete data set DSN.
    #[command(after_help = "Example:\n  racemu ds rm \"'USER1.CICSCA.PEM'\"")]
    Rm {
        /// The data set name.
        dsn: String,
    },
}

/// `racemu zosmf …`.
#[derive(Args, Debug)]
pub struct ZosmfArgs {
    /// The server's user ID (z/OSMF runs as IZUSVR): the ring is opened with its authority.
    #[arg(long, global = true, value_name = "USERID")]
    pub user: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: ZosmfCmd,
}

/// The zosmf subcommands.
#[derive(Subcommand, Debug)]
pub enum ZosmfCmd {
    /// Serve z/OSMF over HTTPS until SIGINT or SIGTERM; the bound address is logged on
    /// standard error.
    #[command(
        after_help = "Example:\n  racemu --user IZUSVR zosmf serve --listen 127.0.0.1:10443 --ring IZUSVR/IZUKeyring.IZUDFLT"
    )]
    Serve {
        /// Address to listen on (port 0: any free port).
        #[arg(long, default_value = "127.0.0.1:10443")]
        listen: String,
        /// The ring reference (OWNER/RING, safkeyring://OWNER/RING).
        #[arg(long)]
        ring: String,
        /// The certificate to present instead of the ring's DEFAULT one.
        #[arg(long)]
        label: Option<String>,
        /// Client certificates: none (Basic only), optional (a client certificate that maps
        /// to a RACF user logs that user on; a client without one uses Basic), or required
        /// (every client must send a certificate the ring's CA certificates verify).
        #[arg(long, value_enum, default_value = "optional")]
        client_auth: ClientAuthArg,
        /// The application ID: z/OSMF's SAF prefix, which `&APPLID` stands for in MULTIID
        /// criteria (RACDCERT MAP CRITERIA).
        #[arg(long, value_name = "APPLID", default_value = "IZUDFLT")]
        appl: String,
    },
}
