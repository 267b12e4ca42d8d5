//! racemu-command
