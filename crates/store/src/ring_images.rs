//! What key rings and certificates held at the last `SETROPTS RACLIST(DIGTRING|DIGTCERT)`
//! or REFRESH. racemu reads rings from the database as they are now; these images let the
//! application view tell when a ring or one of its certificates changed after the refresh.

use crate::meta;
use crate::{StoreResult, Tx};

fn key(class: &str) -> String {
    format!("raclist_image.{class}")
}

/// What the key rings (DIGTRING: `ring_id|` per ring and `ring_id|cert_id|usage|default` per
/// connection) or the certificates (DIGTCERT: `cert_id|status|has_key|label`) hold now, one
/// sorted line per item; `None` for other classes.
pub fn current(tx: &Tx<'_>, class: &str) -> StoreResult<Option<Vec<String>>> {
    let sql = match class {
        "DIGTRING" => {
            "SELECT ring_id || '|' || cert_id || '|' || usage || '|' || is_default FROM connections
             UNION ALL SELECT id || '|' FROM rings ORDER BY 1"
        }
        "DIGTCERT" => {
            "SELECT id || '|' || status || '|' || (private_key IS NOT NULL) || '|' || label
             FROM certificates ORDER BY 1"
        }
        _ => return Ok(None),
    };
    let mut st = tx.prepare_cached(sql)?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    Ok(Some(rows.collect::<rusqlite::Result<Vec<String>>>()?))
}

/// Records the [`current`] image of DIGTRING or DIGTCERT as the snapshot's (no-op for other
/// classes).
pub fn record(tx: &Tx<'_>, class: &str) -> StoreResult<()> {
    if let Some(image) = current(tx, class)? {
        meta::set(tx, &key(class), &image.join("\n"))?;
    }
    Ok(())
}

/// Forgets the recorded image (NORACLIST).
pub fn forget(tx: &Tx<'_>, class: &str) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM meta WHERE key = ?1")?
        .execute([key(class)])?;
    Ok(())
}

/// The image recorded by the last RACLIST or REFRESH; empty when none was recorded since the
/// class was RACLISTed (a new store's seeded RACLIST records none).
pub fn at_refresh(tx: &Tx<'_>, class: &str) -> StoreResult<Vec<String>> {
    Ok(meta::get(tx, &key(class))?
        .map(|v| v.lines().map(str::to_string).collect())
        .unwrap_or_default())
}
