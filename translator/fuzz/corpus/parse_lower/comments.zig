//! Module docs.
//! Second line.

/// Adds one.
/// Really.
pub fn inc(x: u8) u8 {
    // plain comment
    return x + 1; // trailing
}
