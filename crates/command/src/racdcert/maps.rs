//! The operands of the mapping functions MAP, ALTMAP, DELMAP and LISTMAP (certificate name
//! filters; RACF Command Language Reference, RACDCERT MAP,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-map.htm>).
//! One parse function per function; the filters stay text here and are checked by the engine.

use super::operands::{label_text, opt_text, status_of};
use super::registry::FunctionOperands;
use super::types::*;
use crate::operand::{dsn_value, get, keyword_of, value, ParseFailure};
use racemu_racf::TrustStatus;
use racemu_tso::operands::Operand;

type Kws<'a> = [(&'static str, &'a Operand)];

/// A filter or criteria value: quoted keeps its case, unquoted is folded, as TSO parse does.
fn text_of(kws: &Kws<'_>, k: &str, what: &str) -> Result<Option<String>, ParseFailure> {
    get(kws, k)
        .map(|o| value(o, what).map(label_text))
        .transpose()
}

/// TRUST or NOTRUST; HIGHTRUST is no status of a mapping (IKJ56712I).
fn map_status(kws: &Kws<'_>) -> Result<Option<TrustStatus>, ParseFailure> {
    match status_of(kws) {
        Some(TrustStatus::HighTrust) => Err(ParseFailure::invalid_keyword("HIGHTRUST")),
        s => Ok(s),
    }
}

/// `LABEL('label')` inside ALTMAP, DELMAP or LISTMAP's parentheses, if given.
fn label_inside(fargs: &[Operand]) -> Result<Option<String>, ParseFailure> {
    let mut label = None;
    for a in fargs {
        match keyword_of(a, &["LABEL"])? {
            Some(_) => label = Some(label_text(value(a, "LABEL")?)),
            None => return Err(ParseFailure::unknown_keyword(a, &["LABEL"])),
        }
    }
    Ok(label)
}

/// `MAP[(dsn)] SDNFILTER(..) IDNFILTER(..) [CRITERIA(..)] [WITHLABEL(..)] [TRUST|NOTRUST]
/// [PASSWORD(..)]`.
pub(super) fn map(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let kws = o.keywords;
    let dsn = match o.operand {
        Some(op) if op.args.as_deref().is_some_and(|a| !a.is_empty()) => {
            Some(dsn_value(op, "DATA SET NAME")?)
        }
        _ => None,
    };
    Ok(Function::Map(Box::new(Map {
        multi_id: o.multiid,
        dsn,
        password: opt_text(kws, "PASSWORD", "PASSWORD")?,
        subject_filter: text_of(kws, "SDNFILTER", "SUBJECT'S NAME FILTER")?,
        issuer_filter: text_of(kws, "IDNFILTER", "ISSUER'S NAME FILTER")?,
        criteria: text_of(kws, "CRITERIA", "CRITERIA")?,
        label: text_of(kws, "WITHLABEL", "LABEL")?,
        status: map_status(kws)?,
    })))
}

/// `ALTMAP(LABEL('label')) [NEWLABEL(..)] [TRUST|NOTRUST] [CRITERIA(..)]`.
pub(super) fn altmap(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let kws = o.keywords;
    Ok(Function::AltMap(AltMap {
        multi_id: o.multiid,
        label: label_inside(o.args)?.ok_or_else(|| ParseFailure::missing("LABEL", "LABEL"))?,
        new_label: text_of(kws, "NEWLABEL", "LABEL")?,
        status: map_status(kws)?,
        criteria: text_of(kws, "CRITERIA", "CRITERIA")?,
    }))
}

/// The `LABEL('label')` of DELMAP or LISTMAP, if given.
fn map_selector(o: &FunctionOperands<'_>) -> Result<MapSelector, ParseFailure> {
    Ok(MapSelector {
        multi_id: o.multiid,
        label: label_inside(o.args)?,
    })
}

/// `DELMAP[(LABEL('label'))]`.
pub(super) fn delmap(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::DelMap(map_selector(o)?))
}

/// `LISTMAP[(LABEL('label'))]`.
pub(super) fn listmap(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::ListMap(map_selector(o)?))
}

#[cfg(test)]
mod tests {
    use super::super::tests::rd;
    use super::*;
    use crate::parse as parse_cmd;
    use racemu_racf::Owner;

    /// IBM MQ's example, and z/OS Connect's with the owner after the function
    /// (<https://www.ibm.com/docs/en/ibm-mq/9.3.x?topic=zos-setting-up-certificate-name-filter>).
    #[test]
    fn map_in_any_order() {
        let r = rd("RACDCERT ID(USER1) MAP WITHLABEL('filter1') TRUST SDNFILTER('O=IBM.C=UK') IDNFILTER('O=ExampleCA.L=Internet')");
        assert_eq!(r.owner, Some(Owner::User("USER1".into())));
        let Function::Map(m) = r.function else {
            panic!()
        };
        assert_eq!(m.subject_filter.as_deref(), Some("O=IBM.C=UK"));
        assert_eq!(m.issuer_filter.as_deref(), Some("O=ExampleCA.L=Internet"));
        assert_eq!(m.label.as_deref(), Some("filter1"));
        assert_eq!(m.status, Some(TrustStatus::Trust));
        assert!(!m.multi_id && m.dsn.is_none());
        let r = rd("RACDCERT MAP ID(ADCDC ) SDNF('CN=x.O=y') WITHL('l')");
        assert_eq!(r.owner, Some(Owner::User("ADCDC".into())));
    }

    /// MULTIID with CRITERIA (SAG, additional criteria example); MULTIID on LISTMAP.
    #[test]
    fn multiid_mapping_functions() {
        let r = rd("RACDCERT MULTIID MAP WITHLABEL('All') TRUST IDNFILTER('OU=S.O=V') CRITERIA(APPLID=&APPLID)");
        assert_eq!(r.owner, None);
        let Function::Map(m) = r.function else {
            panic!()
        };
        assert!(m.multi_id);
        assert_eq!(m.criteria.as_deref(), Some("APPLID=&APPLID"));
        let r = rd("RACDCERT MULTIID LISTMAP(LABEL('All'))");
        assert_eq!(
            r.function,
            Function::ListMap(MapSelector {
                multi_id: true,
                label: Some("All".into())
            })
        );
    }

    /// IRRD136I: MULTIID only with MAP, ALTMAP, DELMAP and LISTMAP
    /// (<https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/jj00004.htm>).
    #[test]
    fn multiid_elsewhere_is_irrd136i() {
        let e = parse_cmd("RACDCERT MULTIID LIST").unwrap_err();
        assert_eq!(
            e.messages(),
            ["IRRD136I MULTIID cannot be used for the function specified."]
        );
        assert_eq!(e.rc(), 8);
    }

    /// Colin Paice's deck: DELMAP with the ID after the function; ALTMAP with NEWLABEL.
    #[test]
    fn delmap_and_altmap() {
        let r = rd("RACDCERT DELMAP(LABEL('IBMUSER1Label'))ID(IBMUSER)");
        assert_eq!(r.owner, Some(Owner::User("IBMUSER".into())));
        assert_eq!(
            r.function,
            Function::DelMap(MapSelector {
                multi_id: false,
                label: Some("IBMUSER1Label".into())
            })
        );
        let r = rd("RACDCERT ALTMAP(LABEL('a')) NEWLABEL('b') NOTRUST");
        assert_eq!(
            r.function,
            Function::AltMap(AltMap {
                multi_id: false,
                label: "a".into(),
                new_label: Some("b".into()),
                status: Some(TrustStatus::NoTrust),
                criteria: None,
            })
        );
        assert!(parse_cmd("RACDCERT ALTMAP(LABEL('a')) HIGHTRUST").is_err());
        let e = parse_cmd("RACDCERT ALTMAP NOTRUST").unwrap_err();
        assert!(e.messages()[0].starts_with("IKJ56701I MISSING"), "{e:?}");
    }
}
