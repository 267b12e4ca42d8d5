//! A CA outside racemu, made by openssl at test time, and the client certificates it signs:
//! what a site's own PKI hands its users. Every certificate is valid for 100 years from
//! today, so it is valid under the suite's second pass (the clock two years ahead).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The CA: its certificate and key in `dir`.
pub struct ClientCa {
    dir: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A P-256 key and a request for `subject` (openssl's `/C=US/O=Example/CN=x` form).
fn request(dir: &Path, name: &str, subject: &str) {
    openssl(
        dir,
        &[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.csr"),
            "-subj",
            subject,
        ],
    );
}

impl ClientCa {
    /// A self-signed CA for `subject` in `dir` (`ca.pem`, `ca.key`).
    pub fn new(dir: &Path, subject: &str) -> ClientCa {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "36500",
                "-subj",
                subject,
            ],
        );
        ClientCa {
            dir: dir.to_path_buf(),
        }
    }

    /// Puts the CA certificate in `db` as the data set `IBMUSER.CLIENTCA.PEM` (for a
    /// `RACDCERT CERTAUTH ADD`), then runs `commands` there with `racemu exec` (real clock),
    /// which must end RC 0.
    pub fn add_to_racf(&self, db: &Path, commands: &str) {
        let now = super::real_now();
        let pem = self.pem();
        let put = [
            "ds",
            "put",
            "'IBMUSER.CLIENTCA.PEM'",
            pem.to_str().expect("utf-8"),
        ];
        let r = super::racemu(db, &now, &put, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let r = super::racemu(db, &now, &["exec", commands], None);
        assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    }

    /// The CA certificate, PEM.
    pub fn pem(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// A client certificate for `subject` with serial `serial`, signed by the CA: its PEM
    /// certificate and PEM key (`name.pem`, `name.key`). It is an X.509 v3 certificate for
    /// TLS client authentication (digitalSignature, extendedKeyUsage clientAuth), as TLS
    /// libraries require (they refuse version 1 certificates).
    pub fn client(&self, name: &str, subject: &str, serial: u32) -> (PathBuf, PathBuf) {
        request(&self.dir, name, subject);
        std::fs::write(
            self.dir.join("client.ext"),
            "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n",
        )
        .expect("extensions file");
        openssl(
            &self.dir,
            &[
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-set_serial",
                &serial.to_string(),
                "-days",
                "36500",
                "-extfile",
                "client.ext",
                "-out",
                &format!("{name}.pem"),
            ],
        );
        (
            self.dir.join(format!("{name}.pem")),
            self.dir.join(format!("{name}.key")),
        )
    }
}

/// The client CA joins IZUSVR's ring; ALICE (no password at all), OLDPW (an expired
/// password) and CAROL (revoked) are mapped by name filters; BOB's certificate is mapped by
/// none.
pub const MAPPINGS: &str =
    "RACDCERT CERTAUTH ADD('IBMUSER.CLIENTCA.PEM') TRUST WITHLABEL('Client CA')
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('Client CA') RING(IZUKeyring.IZUDFLT))
ADDUSER ALICE
ADDUSER CAROL
ALTUSER CAROL REVOKE
RACDCERT ID(ALICE) MAP SDNFILTER('CN=alice.O=Example.C=US') WITHLABEL('alice')
RACDCERT ID(CAROL) MAP SDNFILTER('CN=carol.O=Example.C=US') WITHLABEL('carol')
RACDCERT ID(OLDPW) MAP SDNFILTER('CN=oldpw.O=Example.C=US') WITHLABEL('oldpw')
SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)";

/// The client certificates: (certificate, key) by name.
pub struct Clients {
    pub ca: ClientCa,
    pub dir: PathBuf,
}

impl Clients {
    pub fn cert(&self, name: &str) -> (String, String) {
        let p = |ext: &str| {
            self.dir
                .join(format!("{name}.{ext}"))
                .to_str()
                .expect("utf-8")
                .to_string()
        };
        (p("pem"), p("key"))
    }
}

/// Makes the client CA and certificates in `dir` and sets up the mappings in `db`.
pub fn clients_and_mappings(dir: &Path, db: &Path) -> Clients {
    let pki = dir.join("pki");
    std::fs::create_dir_all(&pki).expect("pki");
    let ca = ClientCa::new(&pki, "/C=US/O=Example/CN=Example Client CA");
    for (serial, name) in ["alice", "bob", "carol", "oldpw"].iter().enumerate() {
        ca.client(
            name,
            &format!("/C=US/O=Example/CN={name}"),
            serial as u32 + 10,
        );
    }
    ca.add_to_racf(db, MAPPINGS);
    Clients { ca, dir: pki }
}
