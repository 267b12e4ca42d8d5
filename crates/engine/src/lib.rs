//! racemu-engine
