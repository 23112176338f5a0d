//! Exit codes, from one place.

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// No errors (warnings allowed unless `--deny-warnings`).
    Success = 0,
    /// The check found errors.
    Failure = 1,
    /// The run could not be completed: usage, unreadable registry, internal error.
    Error = 2,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}
