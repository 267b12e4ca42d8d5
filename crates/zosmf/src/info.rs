//! `GET /zosmf/info`: the z/OSMF information retrieval service (no authentication).
//!
//! racemu answers as z/OSMF V2R5 on z/OS 2.5 (`zosmf_version` "28", `zos_version`
//! "04.28.00"): Zowe CLI 8 compares `zosmf_version` with "27" (V2R4) and uses the newer
//! `tsoApp/v1` API when it is at least that.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use crate::state::AppState;

/// The z/OSMF level racemu reports (V2R5).
pub const ZOSMF_VERSION: &str = "28";

/// The answer: versions, host, port, SAF realm and the plug-ins racemu emulates.
pub async fn info(State(app): State<AppState>, headers: HeaderMap) -> Json<Value> {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.rsplit_once(':').map_or(h, |(name, _)| name).to_string())
        .unwrap_or_else(|| "localhost".into());
    Json(json!({
        "zos_version": "04.28.00",
        "zosmf_port": app.port.to_string(),
        "zosmf_version": ZOSMF_VERSION,
        "zosmf_hostname": host,
        "zosmf_saf_realm": "SAFRealm",
        "zosmf_full_version": "28.0",
        "api_version": "1",
        "plugins": [
            {"pluginVersion": "HSMA250", "pluginDefaultName": "z/OS Data Set and File REST Interface", "pluginStatus": "ACTIVE"},
            {"pluginVersion": "HSMA250", "pluginDefaultName": "z/OS Jobs REST Interface", "pluginStatus": "ACTIVE"},
            {"pluginVersion": "HSMA250", "pluginDefaultName": "TSO/E Address Space Services", "pluginStatus": "ACTIVE"},
        ],
    }))
}
