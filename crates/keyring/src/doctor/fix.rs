//! The commands of a fix: a server certificate issued again (GENCERT with the ring's real
//! signer, then ROLLOVER or CONNECT … DEFAULT), a replacement CA, a CONNECT, an ALTER TRUST.

use super::policy::{MAX_SERVER_DAYS, SOON_DAYS};
use super::x509::subject_attributes;
use super::Ctx;
use crate::operand::quoted;
use crate::RingEntry;
use racemu_pki::{AltNameKind, KeyType};
use racemu_racf::Owner;
use time::{Duration, OffsetDateTime};

/// The key a replacement certificate gets: the old one's type and size, made acceptable
/// (RSA at least 2048 bits, P-521 replaced by P-256), or RSA 2048 when `force_rsa`.
pub(crate) fn key_operands(e: &RingEntry, force_rsa: bool) -> String {
    let size = e.info.key_size;
    match e.info.key_type {
        _ if force_rsa => "RSA SIZE(2048)".into(),
        KeyType::Rsa => format!("RSA SIZE({})", size.max(2048)),
        KeyType::NistEcc if size > 384 => "NISTECC SIZE(256)".into(),
        KeyType::NistEcc => format!("NISTECC SIZE({size})"),
        KeyType::BrainpoolEcc => format!("BPECC SIZE({size})"),
        _ => "RSA SIZE(2048)".into(),
    }
}

/// `SUBJECTSDN(CN('…') OU('…','…') O('…') …)` from a certificate's subject, `cn_suffix`
/// appended to the CN.
pub(crate) fn subjectsdn(der: &[u8], cn_suffix: &str) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (k, v) in subject_attributes(der) {
        let q = if k == "CN" {
            quoted(&format!("{v}{cn_suffix}"))
        } else {
            quoted(&v)
        };
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, vs)) => vs.push(q),
            None => groups.push((k, vec![q])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(k, vs)| format!("{k}({})", vs.join(",")))
        .collect();
    format!("SUBJECTSDN({})", parts.join(" "))
}

/// `DATE(yyyy-mm-dd)` of `t`.
fn date(t: OffsetDateTime) -> String {
    let d = t.date();
    format!(
        "DATE({:04}-{:02}-{:02})",
        d.year(),
        u8::from(d.month()),
        d.day()
    )
}

/// ALTNAME for a server certificate: the DOMAIN and IP of [`super::san::plan`] (the
/// certificate's own unless the hosts asked for name others; RACDCERT writes one name of each
/// kind), and the certificate's EMAIL and URI.
fn altname(e: &RingEntry, hosts: &[String]) -> String {
    let has = |k: AltNameKind| {
        e.info
            .alt_names
            .iter()
            .find(|(kk, _)| *kk == k)
            .map(|(_, v)| v.clone())
    };
    let plan = super::san::plan(e, hosts);
    let mut parts = Vec::new();
    if let Some(d) = plan.domain {
        parts.push(format!("DOMAIN({})", quoted(&d)));
    }
    if let Some(ip) = plan.ip {
        parts.push(format!("IP({ip})"));
    }
    if let Some(m) = has(AltNameKind::Email) {
        parts.push(format!("EMAIL({})", quoted(&m)));
    }
    if let Some(u) = has(AltNameKind::Uri) {
        parts.push(format!("URI({})", quoted(&u)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ALTNAME({})", parts.join(" "))
    }
}

/// How a replacement reaches the ring.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// ROLLOVER from the old certificate: every ring connection (and DEFAULT) moves over.
    Rollover,
    /// CONNECT … DEFAULT into the judged ring.
    ConnectDefault,
}

/// The signer of a replacement: `SIGNWITH(…)` operand text, its end date, or self-signed.
pub(crate) struct Signer {
    /// `SIGNWITH(CERTAUTH LABEL('CA'))`, or empty for a self-signed certificate.
    pub operand: String,
    /// The signer's end date (a certificate it signs must end before it).
    pub not_after: Option<OffsetDateTime>,
}

impl Ctx<'_> {
    /// A label for a new certificate of `owner`, based on `label`, not in use (at most 32
    /// characters).
    pub(crate) fn new_label(&self, owner: &Owner, label: &str, suffix: &str) -> String {
        for n in 0..100 {
            let tail = if n == 0 {
                suffix.to_string()
            } else {
                format!("{suffix}{n}")
            };
            let base: String = label.chars().take(32 - tail.len()).collect();
            let l = format!("{base}{tail}");
            if !self
                .labels_in_use
                .contains(&(owner.name().to_string(), l.clone()))
            {
                return l;
            }
        }
        format!("{}{suffix}", &label.chars().take(20).collect::<String>())
    }

    /// The signer of `leaf` as RACDCERT's SIGNWITH names it, when RACF holds it with its key;
    /// `Some` with an empty operand for a self-signed leaf; `None` when it cannot sign here.
    pub(crate) fn signer_of(&self, leaf: &RingEntry) -> Option<Signer> {
        if leaf.info.self_signed {
            return Some(Signer {
                operand: String::new(),
                not_after: None,
            });
        }
        let issuer = self.issuer_of(leaf)?;
        (issuer.has_key && self.can_sign(issuer)).then(|| Signer {
            operand: format!(
                " SIGNWITH({} LABEL({}))",
                issuer.owner.operand(),
                quoted(&issuer.label)
            ),
            not_after: Some(issuer.info.not_after),
        })
    }

    /// Whether clients accept `ca` as a signer for another 30 days: a CA with keyCertSign,
    /// RSA keys of 2048 bits or more.
    fn can_sign(&self, ca: &Certified) -> bool {
        let ext = super::x509::Extensions::of(&ca.der);
        ca.info.not_after - self.options.now >= Duration::days(SOON_DAYS)
            && ca.info.not_before <= self.options.now
            && !(ca.info.key_type == KeyType::Rsa && ca.info.key_size < 2048)
            && ext.ca
            && (!ext.key_usage || ext.key_cert_sign)
    }

    /// A new end date: 397 days from now, or the day before the signer ends if that is
    /// sooner.
    fn not_after(&self, signer: Option<OffsetDateTime>) -> OffsetDateTime {
        let mine = self.options.now + Duration::days(MAX_SERVER_DAYS - 1);
        match signer {
            Some(s) if s - Duration::days(1) < mine => s - Duration::days(1),
            _ => mine,
        }
    }

    /// The SETROPTS that makes RACLISTed DIGTCERT/DIGTRING see a change, if any.
    pub(crate) fn digt_refresh(&self) -> Option<String> {
        match (self.digtcert_raclisted, self.digtring_raclisted) {
            (true, true) => Some("SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH".into()),
            (true, false) => Some("SETROPTS RACLIST(DIGTCERT) REFRESH".into()),
            (false, true) => Some("SETROPTS RACLIST(DIGTRING) REFRESH".into()),
            (false, false) => None,
        }
    }

    /// The commands that issue `leaf` again — same owner and subject, the hosts in its
    /// ALTNAME, an acceptable key, KEYUSAGE(HANDSHAKE), at most 397 days, signed by `signer`
    /// (or by its own signer) — and put it in the ring by `link`. Empty when RACF does not
    /// hold the signer's private key.
    pub(crate) fn reissue(
        &self,
        leaf: &RingEntry,
        signer: Option<Signer>,
        force_rsa: bool,
        link: Link,
    ) -> Vec<String> {
        let Some(signer) = signer.or_else(|| self.signer_of(leaf)) else {
            // A signer RACF holds with its key but that clients refuse: a new CA.
            return match self.issuer_of(leaf).filter(|c| c.has_key) {
                Some(ca) => self.replace_ca(ca, leaf),
                None => Vec::new(),
            };
        };
        let owner = leaf.owner.operand();
        let new = self.new_label(&leaf.owner, &leaf.label, "-NEW");
        let mut out = vec![format!(
            "RACDCERT {owner} GENCERT {}{} {} KEYUSAGE(HANDSHAKE){} NOTAFTER({}) WITHLABEL({})",
            subjectsdn(&leaf.der, ""),
            altname(leaf, &self.options.hosts),
            key_operands(leaf, force_rsa),
            signer.operand,
            date(self.not_after(signer.not_after)),
            quoted(&new)
        )];
        out.push(match link {
            Link::Rollover if leaf.key_in_racf => format!(
                "RACDCERT {owner} ROLLOVER(LABEL({})) NEWLABEL({})",
                quoted(&leaf.label),
                quoted(&new)
            ),
            _ => self.connect(&leaf.owner, &new, "DEFAULT"),
        });
        out.extend(self.digt_refresh());
        out
    }

    /// `RACDCERT ID(ring owner) CONNECT(owner LABEL('l') RING(r) extra)`.
    pub(crate) fn connect(&self, owner: &Owner, label: &str, extra: &str) -> String {
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" {extra}")
        };
        format!(
            "RACDCERT ID({}) CONNECT({} LABEL({}) RING({}){extra})",
            self.view.owner,
            owner.operand(),
            quoted(label),
            self.view.name
        )
    }

    /// A new CA in place of `ca` (its subject with ` G2` after the CN, as RACF names a
    /// certificate by serial number and issuer and a new self-signed CA would start at the
    /// old one's serial; RSA 2048 or P-256 or better; keyCertSign), connected to the ring,
    /// and the server certificate `leaf` issued again under it.
    pub(crate) fn replace_ca(&self, ca: &Certified, leaf: &RingEntry) -> Vec<String> {
        let new = self.new_label(&ca.owner, &ca.label, "-NEW");
        let size = match ca.info.key_type {
            KeyType::NistEcc if ca.info.key_size <= 384 => {
                format!("NISTECC SIZE({})", ca.info.key_size)
            }
            KeyType::Rsa => format!("RSA SIZE({})", ca.info.key_size.max(2048)),
            _ => "RSA SIZE(2048)".into(),
        };
        let ca_end = self.options.now + Duration::days(10 * 365);
        let mut out = vec![
            format!(
                "RACDCERT {} GENCERT {} {size} NOTAFTER({}) WITHLABEL({})",
                ca.owner.operand(),
                subjectsdn(&ca.der, " G2"),
                date(ca_end),
                quoted(&new)
            ),
            self.connect(&ca.owner, &new, "USAGE(CERTAUTH)"),
        ];
        let signer = Signer {
            operand: format!(" SIGNWITH({} LABEL({}))", ca.owner.operand(), quoted(&new)),
            not_after: Some(ca_end),
        };
        let mut leaf_cmds = self.reissue(leaf, Some(signer), false, Link::Rollover);
        // One refresh at the end.
        leaf_cmds.retain(|c| !c.starts_with("SETROPTS"));
        out.extend(leaf_cmds);
        out.extend(self.digt_refresh());
        out
    }
}

/// A certificate of the chain, from the ring or (when the ring lacks it) from RACF.
#[derive(Clone)]
pub(crate) struct Certified {
    /// Owner.
    pub owner: Owner,
    /// Label.
    pub label: String,
    /// The certificate's trust status.
    pub status: racemu_racf::TrustStatus,
    /// DER.
    pub der: Vec<u8>,
    /// Parsed.
    pub info: racemu_pki::CertificateInfo,
    /// RACF holds its private key.
    pub has_key: bool,
    /// It is connected to the judged ring.
    pub in_ring: bool,
}
