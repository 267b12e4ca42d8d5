//! The Policy Agent configuration model: the AT-TLS statements as z/OS Communications
//! Server's IP Configuration Reference names them (TTLSRule, TTLSGroupAction,
//! TTLSEnvironmentAction, TTLSEnvironmentAdvancedParms, TTLSConnectionAction,
//! TTLSConnectionAdvancedParms, TTLSKeyringParms, TTLSCipherParms), each inline or named.

use crate::ciphers::Suite;

/// A value with the line it was written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<T> {
    /// The value.
    pub value: T,
    /// Its line in the policy file (1-based).
    pub line: usize,
}

/// A statement written inline, or referenced by name (`…Ref name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Obj<T> {
    /// Written inside the statement that uses it.
    Inline(T),
    /// `…Ref name`: a statement of that name elsewhere in the file.
    Ref(Line<String>),
}

/// `HandshakeRole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandshakeRole {
    /// The handshake is done as a TLS client.
    Client,
    /// As a server.
    Server,
    /// As a server that asks for a client certificate (checked as `ClientAuthType` says).
    ServerWithClientAuth,
}

/// `ClientAuthType` (default `Required`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientAuthType {
    /// A client certificate is asked for but optional, and not validated.
    PassThru,
    /// Optional; validated against the ring when sent.
    Full,
    /// Required and validated against the ring.
    #[default]
    Required,
    /// Required, validated, and it must map to a user ID in the security product.
    SafCheck,
}

/// The TLS protocol versions AT-TLS switches on and off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Protocol {
    /// `SSLv2`.
    Ssl2,
    /// `SSLv3`.
    Ssl3,
    /// `TLSv1`.
    Tls1_0,
    /// `TLSv1.1`.
    Tls1_1,
    /// `TLSv1.2`.
    Tls1_2,
    /// `TLSv1.3`.
    Tls1_3,
}

impl Protocol {
    /// Every protocol, oldest first.
    pub const ALL: [Protocol; 6] = [
        Protocol::Ssl2,
        Protocol::Ssl3,
        Protocol::Tls1_0,
        Protocol::Tls1_1,
        Protocol::Tls1_2,
        Protocol::Tls1_3,
    ];

    /// The parameter name (`TLSv1.2`).
    pub fn keyword(self) -> &'static str {
        match self {
            Protocol::Ssl2 => "SSLv2",
            Protocol::Ssl3 => "SSLv3",
            Protocol::Tls1_0 => "TLSv1",
            Protocol::Tls1_1 => "TLSv1.1",
            Protocol::Tls1_2 => "TLSv1.2",
            Protocol::Tls1_3 => "TLSv1.3",
        }
    }

    /// AT-TLS's default when neither the environment nor the connection says: TLSv1.2 On,
    /// everything else Off (current z/OS levels; racemu's documented choice in docs/attls.md).
    pub fn default_on(self) -> bool {
        self == Protocol::Tls1_2
    }

    /// The protocol a parameter name stands for (case-insensitive).
    pub fn from_keyword(k: &str) -> Option<Protocol> {
        Protocol::ALL
            .into_iter()
            .find(|p| p.keyword().eq_ignore_ascii_case(k))
    }
}

/// `TTLSRule`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The rule's name.
    pub name: String,
    /// The line of `TTLSRule`.
    pub line: usize,
    /// `TTLSGroupAction` / `TTLSGroupActionRef`.
    pub group: Option<Obj<GroupAction>>,
    /// `TTLSEnvironmentAction` / `TTLSEnvironmentActionRef`.
    pub environment: Option<Obj<EnvironmentAction>>,
    /// `TTLSConnectionAction` / `TTLSConnectionActionRef`.
    pub connection: Option<Obj<ConnectionAction>>,
    /// The conditions (`LocalPortRange`, `Direction`, `Jobname`, …) as written: racemu does not
    /// match connections to rules, so they are kept, not applied.
    pub conditions: Vec<(String, Vec<String>)>,
}

/// `TTLSGroupAction`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupAction {
    /// The name (`None` inline without one).
    pub name: Option<String>,
    /// The statement's line.
    pub line: usize,
    /// `TTLSEnabled` (default Off).
    pub enabled: Option<Line<bool>>,
}

/// `TTLSEnvironmentAction`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvironmentAction {
    /// The name.
    pub name: Option<String>,
    /// The statement's line.
    pub line: usize,
    /// `HandshakeRole` (required).
    pub role: Option<Line<HandshakeRole>>,
    /// `TTLSKeyringParms` / `…Ref` (required).
    pub keyring: Option<Obj<KeyringParms>>,
    /// `TTLSCipherParms` / `…Ref`.
    pub ciphers: Option<Obj<CipherParms>>,
    /// `TTLSEnvironmentAdvancedParms` / `…Ref`.
    pub advanced: Option<Obj<AdvancedParms>>,
}

/// `TTLSConnectionAction`: overrides of the environment for the rule's connections.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConnectionAction {
    /// The name.
    pub name: Option<String>,
    /// The statement's line.
    pub line: usize,
    /// `HandshakeRole`.
    pub role: Option<Line<HandshakeRole>>,
    /// `TTLSCipherParms` / `…Ref`.
    pub ciphers: Option<Obj<CipherParms>>,
    /// `TTLSConnectionAdvancedParms` / `…Ref`.
    pub advanced: Option<Obj<AdvancedParms>>,
}

/// `TTLSEnvironmentAdvancedParms` or `TTLSConnectionAdvancedParms`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdvancedParms {
    /// The name.
    pub name: Option<String>,
    /// The statement's line.
    pub line: usize,
    /// `SSLv2` … `TLSv1.3` On/Off, as written.
    pub protocols: Vec<(Protocol, Line<bool>)>,
    /// `ClientAuthType` (environment only).
    pub client_auth: Option<Line<ClientAuthType>>,
    /// `CertificateLabel`.
    pub certificate_label: Option<Line<String>>,
    /// `ServerCertificateLabel` (up to eight).
    pub server_certificate_labels: Vec<Line<String>>,
}

/// `TTLSKeyringParms`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyringParms {
    /// The name.
    pub name: Option<String>,
    /// The statement's line.
    pub line: usize,
    /// `Keyring` (`OWNER/RING`, the application's own `RING`, or a key database file).
    pub keyring: Option<Line<String>>,
}

/// One suite a `V3CipherSuites` or `V3CipherSuites4Char` line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteEntry {
    /// The parameter (`V3CipherSuites` or `V3CipherSuites4Char`).
    pub parameter: &'static str,
    /// The value as written (a name, or one 2- or 4-character code).
    pub written: String,
    /// The suite, or `None` when AT-TLS does not know it.
    pub suite: Option<Suite>,
    /// The line.
    pub line: usize,
}

/// `TTLSCipherParms`: the suites in order of preference.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CipherParms {
    /// The name.
    pub name: Option<String>,
    /// The statement's line.
    pub line: usize,
    /// Every suite named, in the order written.
    pub suites: Vec<SuiteEntry>,
}

/// A parsed policy file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Policy {
    /// `TTLSRule` statements, in file order.
    pub rules: Vec<Rule>,
    /// Named `TTLSGroupAction` statements.
    pub group_actions: Vec<GroupAction>,
    /// Named `TTLSEnvironmentAction` statements.
    pub environment_actions: Vec<EnvironmentAction>,
    /// Named `TTLSConnectionAction` statements.
    pub connection_actions: Vec<ConnectionAction>,
    /// Named `TTLSEnvironmentAdvancedParms` statements.
    pub environment_advanced: Vec<AdvancedParms>,
    /// Named `TTLSConnectionAdvancedParms` statements.
    pub connection_advanced: Vec<AdvancedParms>,
    /// Named `TTLSKeyringParms` statements.
    pub keyrings: Vec<KeyringParms>,
    /// Named `TTLSCipherParms` statements.
    pub ciphers: Vec<CipherParms>,
    /// Other statements the file holds that racemu reads past (`IpAddr`, `PortRange`,
    /// `TTLSGskAdvancedParms`, …): (keyword, name, line).
    pub other: Vec<(String, Option<String>, usize)>,
}

/// A named statement in one of the policy's lists.
pub(crate) trait Named {
    fn name(&self) -> Option<&str>;
}

macro_rules! named {
    ($($t:ty),*) => {$(
        impl Named for $t {
            fn name(&self) -> Option<&str> {
                self.name.as_deref()
            }
        }
    )*};
}
named!(
    GroupAction,
    EnvironmentAction,
    ConnectionAction,
    AdvancedParms,
    KeyringParms,
    CipherParms
);

/// The statement `o` stands for: itself inline, or the one of `list` named by the reference.
pub(crate) fn deref<'a, T: Named>(o: &'a Obj<T>, list: &'a [T]) -> Option<&'a T> {
    match o {
        Obj::Inline(t) => Some(t),
        Obj::Ref(name) => list.iter().find(|t| t.name() == Some(name.value.as_str())),
    }
}

impl Policy {
    /// The rule named `name` (names are case sensitive).
    pub fn rule(&self, name: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.name == name)
    }
}
