//! Layer 0: the plain types every stage shares. Nothing in here imports
//! from the rest of the crate, so this is where to start reading.
//!
//! - [`location`]: places in files, and the line index that finds them;
//! - [`severity`]: how serious a finding is, and `[rules]` levels;
//! - [`reference`]: what extraction reports (references, dynamic keys);
//! - [`pattern`]: what a flag API looks like (call patterns, custom queries);
//! - [`diagnostic`]: what the rules report and every renderer prints;
//! - [`date`]: calendar arithmetic on `expires` and `created`;
//! - [`language`]: the language names the registry accepts;
//! - [`escape`]: untrusted text made safe to show;
//! - [`snippet`]: the lines around a place, windowed and escaped, for miette.

pub mod date;
pub mod diagnostic;
pub mod escape;
pub mod language;
pub mod location;
pub mod pattern;
pub mod reference;
pub mod severity;
pub mod snippet;

pub use diagnostic::{Diagnostic, SUPPRESSION_MARKER, Summary};
pub use escape::{floor_char_boundary, printable};
pub use location::{Invalid, LineIndex, Location, display_path};
pub use pattern::{Argument, CallPattern, KeyMode, ObjectSource, QuerySpec};
pub use reference::{DynamicKey, FlagRef, RefKind};
pub use severity::Severity;
pub use snippet::Snippet;
