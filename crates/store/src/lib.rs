//! racemu-store
