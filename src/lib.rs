//! flaglint: a feature-flag hygiene linter for CI.
//!
//! One run is a pipeline, and each stage is a module:
//!
//! 1. [`config`]: what the run is asked to do: find flags.toml, the scan
//!    root, the date and the options;
//! 2. [`registry`]: read and check the declared flags, policies and scan
//!    settings;
//! 3. [`walk`]: list the files to read, in parallel, honouring .gitignore;
//! 4. [`extract`]: find the flag references in each file (tree-sitter, or
//!    text for files no grammar covers), in parallel;
//! 5. [`index`]: resolve aliases and group the references by flag;
//! 6. [`rules`]: ask the repository-wide questions, giving diagnostics;
//!    then [`suppress`] and [`baseline`] drop what the repository accepted;
//! 7. [`render`]: print them for people or machines.
//!
//! [`pipeline`] runs stages 2 to 6 ([`check`]); [`cli`] parses arguments,
//! calls it, renders and maps the exit code. [`report`], [`init`] and
//! [`cleanup`] (removing a flag from the code) are built on the same
//! pipeline.
//!
//! # Layers
//!
//! A module imports only from the layers below its own, never from its
//! own layer or above (`tests/layers.rs` checks it):
//!
//! 0. [`types`] (locations, severities, references, call patterns,
//!    diagnostics, dates), [`suggest`], [`atomic`], [`exit`], [`preview`],
//!    [`codeowners`], [`diff`] (the lines a unified diff changes, for
//!    `check --diff`), [`compare`] (two `refs` documents compared): import
//!    nothing from the crate;
//! 1. [`config`], [`source`], [`registry`], [`walk`];
//! 2. [`extract`];
//! 3. [`index`];
//! 4. [`rules`];
//! 5. [`suppress`], [`baseline`];
//! 6. [`pipeline`];
//! 7. [`report`], [`init`], [`cleanup`];
//! 8. [`render`];
//! 9. [`cli`].

pub mod atomic;
pub mod baseline;
pub mod cleanup;
pub mod cli;
pub mod codeowners;
pub mod compare;
pub mod config;
pub mod diff;
pub mod exit;
pub mod extract;
pub mod index;
pub mod init;
pub mod pipeline;
pub mod preview;
pub mod registry;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
mod suggest;
pub mod suppress;
pub mod types;
pub mod walk;

pub use pipeline::{CheckOutcome, Scan, check, scan};
